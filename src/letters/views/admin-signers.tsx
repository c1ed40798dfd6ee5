import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { US_STATES } from '../../web/fields';
import { FieldList, type FormValues } from '../../web/form';
import { formatDate } from '../../lib/i18n';
import { TRADITIONS, displayName, options, roleLabel, traditionLabel } from '../choices';
import type { SignerRow, SignerTable } from '../queries';
import { letterText } from '../status';
import type { SignerFilter } from '../validation';
import { DataTable } from '../../web/ui/admin-list';
import { RowActionsForm, RowPostButton } from '../../web/ui/post-button';
import { Pagination } from './public';
import { adminPath, LetterAdminNav } from './admin';

/** The signer table: search, filters, counts, hide and verify buttons, CSV export. */
export function SignersAdminPage(props: {
  table: SignerTable;
  filter: SignerFilter;
  pages: number;
  back: string;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { letter, tally, rows, matching, more } = props.table;
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
      <LetterAdminNav letter={letter} />
      <h1>{t('letters.admin.signersTitle', { title: letterText(letter, lang).title })}</h1>
      <p class="tally">
        {[
          t('letters.admin.tallyAll', { count: tally.all }),
          t('letters.admin.tallyConfirmed', { count: tally.confirmed }),
          t('letters.admin.tallyUnconfirmed', { count: tally.unconfirmed }),
          t('letters.admin.tallySigned', { count: tally.signed }),
          t('letters.admin.tallyShown', { count: tally.named }),
          t('letters.admin.tallyHidden', { count: tally.hidden }),
          t('letters.admin.tallyVerified', { count: tally.verified }),
        ].join(' · ')}
      </p>
      <form method="get" action={adminPath(letter, '/signers')} aria-label={t('letters.admin.filtersLabel')}>
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
        <a href={adminPath(letter, `/signers.csv`)} role="button" class="secondary" download>
          {t('common.downloadCsv')}
        </a>
      </form>
      <p role="status">
        {t(more ? 'letters.admin.matchingMore' : 'letters.admin.matching', { count: matching })}
      </p>
      <RowActionsForm hidden={{ back: props.back }}>
        <DataTable
          items={rows}
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
              // Two switches with the same shape: hide or show again, verify or take the mark off.
              cell: (row) =>
                (
                  [
                    ['hide', 'hidden', row.hiddenAt, 'letters.admin.unhide', 'letters.admin.hide'],
                    ['verify', 'verified', row.verifiedAt, 'letters.admin.unverify', 'letters.admin.verify'],
                  ] as const
                ).map(([action, name, isSet, undo, mark]) => (
                  <RowPostButton
                    action={adminPath(letter, `/signers/${row.id}/${action}`)}
                    name={name}
                    value={isSet ? 'no' : 'yes'}
                  >
                    {t(isSet ? undo : mark)}
                  </RowPostButton>
                )),
            },
          ]}
        />
      </RowActionsForm>
      <Pagination page={f.page} pages={props.pages} base={adminPath(letter, '/signers')} query={query} />
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
