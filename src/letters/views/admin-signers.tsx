import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { US_STATES } from '../../web/fields';
import { FieldList, type FormValues } from '../../web/form';
import { formatDate } from '../../lib/i18n';
import { TRADITIONS, displayName, options, roleLabel, traditionLabel } from '../choices';
import type { SignerRow, SignerTally } from '../queries';
import type { Letter } from '../schema';
import { letterText } from '../status';
import type { SignerFilter } from '../validation';
import { DataTable } from '../../web/ui/admin-list';
import { RowActionsForm, RowPostButton } from '../../web/ui/post-button';
import { Pagination } from './public';
import { adminPath, LetterAdminNav } from './admin';

/** The signer table: search, filters, counts, hide and verify buttons, CSV export. */
export function SignersAdminPage(props: {
  letter: Letter;
  tally: SignerTally;
  filter: SignerFilter;
  rows: SignerRow[];
  matching: number;
  /** More than `matching` rows match: the table shows the first `matching`. */
  more: boolean;
  pages: number;
  back: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const f = props.filter;
  const query = new URLSearchParams();
  for (const key of ['q', 'tradition', 'state', 'confirmed', 'shown'] as const) {
    const value = f[key];
    if (value) query.set(key, String(value));
  }
  const values: FormValues = {
    q: f.q ?? '',
    tradition: f.tradition ?? '',
    state: f.state ?? '',
    confirmed: f.confirmed ?? '',
    shown: f.shown ?? '',
  };
  const yesNo: [string, string][] = [
    ['yes', t('common.yes')],
    ['no', t('common.no')],
  ];
  return (
    <>
      <LetterAdminNav letter={props.letter} />
      <h1>{t('letters.admin.signersTitle', { title: letterText(props.letter, lang).title })}</h1>
      <p class="tally">
        {[
          t('letters.admin.tallyAll', { count: props.tally.all }),
          t('letters.admin.tallyConfirmed', { count: props.tally.confirmed }),
          t('letters.admin.tallyUnconfirmed', { count: props.tally.unconfirmed }),
          t('letters.admin.tallySigned', { count: props.tally.signed }),
          t('letters.admin.tallyShown', { count: props.tally.named }),
          t('letters.admin.tallyHidden', { count: props.tally.hidden }),
          t('letters.admin.tallyVerified', { count: props.tally.verified }),
        ].join(' · ')}
      </p>
      <form
        method="get"
        action={adminPath(props.letter, '/signers')}
        aria-label={t('letters.admin.filtersLabel')}
      >
        <FieldList
          labels={{
            q: t('common.search'),
            tradition: t('letters.field.tradition'),
            state: t('letters.field.state'),
            confirmed: t('letters.admin.confirmedColumn'),
            shown: t('letters.admin.shownColumn'),
          }}
          hints={{ q: t('common.searchHint') }}
          state={{ values }}
          fields={[
            [
              { kind: 'text', name: 'q', type: 'search' },
              ...(
                [
                  ['tradition', options(TRADITIONS, (v) => traditionLabel(t, v))],
                  ['state', US_STATES.map((code) => [code, code] as const)],
                  ['confirmed', yesNo],
                  ['shown', [...yesNo, ['hidden', t('letters.admin.hiddenByOrganizer')]]],
                ] as const
              ).map(([name, choices]) => ({
                kind: 'select' as const,
                name,
                options: choices,
                placeholder: t('common.all'),
              })),
            ],
          ]}
        />
        <button type="submit">{t('common.filter')}</button>{' '}
        <a href={adminPath(props.letter, `/signers.csv`)} role="button" class="secondary" download>
          {t('common.downloadCsv')}
        </a>
      </form>
      <p role="status">
        {t(props.more ? 'letters.admin.matchingMore' : 'letters.admin.matching', { count: props.matching })}
      </p>
      <RowActionsForm hidden={{ back: props.back }}>
        <DataTable
          items={props.rows}
          columns={[
            {
              label: t('letters.admin.nameColumn'),
              rowHeader: true,
              cell: (row) => <SignerCell row={row} />,
            },
            { label: t('letters.field.email'), cell: (row) => row.email },
            { label: t('letters.field.tradition'), cell: (row) => traditionLabel(t, row.tradition) },
            { label: t('letters.admin.placeColumn'), cell: (row) => `${row.city}, ${row.state}` },
            {
              label: t('letters.admin.confirmedColumn'),
              cell: (row) => (row.confirmedAt ? formatDate(lang, row.confirmedAt) : t('common.no')),
            },
            {
              label: t('letters.admin.shownColumn'),
              cell: (row) =>
                row.hiddenAt
                  ? t('letters.admin.hiddenByOrganizer')
                  : t(row.showPublicly ? 'common.yes' : 'common.no'),
            },
            {
              label: t('letters.admin.actionsColumn'),
              class: 'row-actions',
              cell: (row) => {
                const signerPath = (action: string) =>
                  adminPath(props.letter, `/signers/${row.id}/${action}`);
                return (
                  <>
                    <RowPostButton
                      action={signerPath('hide')}
                      name="hidden"
                      value={row.hiddenAt ? 'no' : 'yes'}
                    >
                      {t(row.hiddenAt ? 'letters.admin.unhide' : 'letters.admin.hide')}
                    </RowPostButton>
                    <RowPostButton
                      action={signerPath('verify')}
                      name="verified"
                      value={row.verifiedAt ? 'no' : 'yes'}
                    >
                      {t(row.verifiedAt ? 'letters.admin.unverify' : 'letters.admin.verify')}
                    </RowPostButton>
                  </>
                );
              },
            },
          ]}
        />
      </RowActionsForm>
      <Pagination
        page={f.page}
        pages={props.pages}
        base={adminPath(props.letter, '/signers')}
        query={query}
      />
    </>
  );
}

/** The name cell of a signer's row: name and badge, role and congregation, their comment. */
function SignerCell(props: { row: SignerRow }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { row } = props;
  return (
    <>
      {displayName(t, row)}
      {row.verifiedAt ? <span class="badge"> ✓ {t('letters.verified')}</span> : null}
      <br />
      <small>
        {roleLabel(t, row.role)}
        {row.congregation ? ` · ${row.congregation}` : ''}
        {row.denomination ? ` · ${row.denomination}` : ''}
      </small>
      {row.comment ? (
        <p>
          <small>{row.comment}</small>
        </p>
      ) : null}
    </>
  );
}
