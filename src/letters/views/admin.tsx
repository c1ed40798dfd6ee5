import type { Child } from 'hono/jsx';
import { titleLabel } from '../../officials/links';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { renderMarkdown } from '../../lib/markdown';
import type { Official } from '../../officials/schema';
import { US_STATES } from '../../web/fields';
import {
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { formatDate, formatNumber, type MessageKey } from '../../lib/i18n';
import { LinkBar } from '../../web/nav';
import { LETTER_STATUSES, TRADITIONS, displayName, options, roleLabel, traditionLabel } from '../choices';
import type { DeliveryStatus, PublicSigner, SignerTally } from '../queries';
import type { Letter, LetterSignature } from '../schema';
import { letterText } from '../status';
import { signedBySentence, type LetterTally } from '../tally';
import { DELIVERY_RECIPIENTS_MAX, type SignerFilter } from '../validation';
import { Addressees, Pagination, SignerLine, letterPath } from './public';

/** The organizer address of a letter's pages. */
export function adminPath(letter: Pick<Letter, 'id'>, rest = ''): string {
  return `/admin/letters/${encodeURIComponent(letter.id)}${rest}`;
}

function statusLabel(t: (key: MessageKey) => string, status: string): string {
  return t(`letters.status.${status}` as MessageKey);
}

/** Links between the organizer pages of one letter. */
export function LetterAdminNav(props: { letter: Letter }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <LinkBar
      label={t('letters.admin.letterNav')}
      links={[
        { href: '/admin/letters', label: t('letters.admin.allLetters') },
        { href: adminPath(props.letter), label: t('common.edit') },
        { href: adminPath(props.letter, '/signers'), label: t('letters.admin.signers') },
        { href: adminPath(props.letter, '/deliver'), label: t('letters.admin.deliver') },
        { href: adminPath(props.letter, '/updates'), label: t('letters.admin.updates'), section: true },
        {
          href: letterPath(props.letter),
          label: props.letter.status === 'draft' ? t('letters.admin.preview') : t('letters.admin.viewPublic'),
        },
      ]}
    />
  );
}

/** Every letter with its status and count. */
export function LettersAdminList(props: { letters: (Letter & { tally: LetterTally })[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('letters.admin.title')}</h1>
      <p>
        <a href="/admin/letters/new" role="button">
          {t('letters.admin.new')}
        </a>
      </p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('letters.admin.titleColumn')}</th>
              <th scope="col">{t('letters.field.status')}</th>
              <th scope="col">{t('letters.signaturesColumn')}</th>
              <th scope="col">{t('letters.field.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {props.letters.map((letter) => (
              <tr>
                <th scope="row">
                  <a href={adminPath(letter)}>{letterText(letter, lang).title}</a>
                  {letter.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
                </th>
                <td>{statusLabel(t, letter.status)}</td>
                <td>
                  <a href={adminPath(letter, '/signers')}>{formatNumber(lang, letter.tally.signed)}</a>
                </td>
                <td>{letter.deadline ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The labels of the letter form, also used by the error summary. */
function letterLabels(t: (key: MessageKey) => string): Record<string, string> {
  return {
    slug: t('letters.field.slug'),
    status: t('letters.field.status'),
    titleEn: t('letters.field.titleEn'),
    titleEs: t('letters.field.titleEs'),
    bodyEn: t('letters.field.bodyEn'),
    bodyEs: t('letters.field.bodyEs'),
    addressees: t('letters.field.addressees'),
    deadline: t('letters.field.deadline'),
    goal: t('letters.field.goal'),
  };
}

/** Values of the letter form from a stored letter. */
export function letterFormValues(letter: Letter): FormValues {
  return {
    slug: letter.slug,
    status: letter.status,
    titleEn: letter.titleEn,
    titleEs: letter.titleEs,
    bodyEn: letter.bodyEn,
    bodyEs: letter.bodyEs,
    addressees: letter.addressees,
    deadline: letter.deadline ?? '',
    goal: letter.goal === null ? '' : String(letter.goal),
  };
}

/** Create or edit a letter: slug, status, both languages, addressees, deadline and goal. */
export function LetterForm(props: {
  letter?: Letter;
  officials?: Official[];
  officialResults?: Official[];
  officialQuery?: string;
  embedUrl?: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = letterLabels(t);
  const common = { values: props.values, errors: props.errors };
  const action = props.letter ? adminPath(props.letter) : '/admin/letters/new';
  return (
    <>
      {props.letter ? <LetterAdminNav letter={props.letter} /> : null}
      <h1>{props.letter ? t('letters.admin.editTitle') : t('letters.admin.new')}</h1>
      <form method="post" action={action} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <div class="grid">
          <TextField
            name="slug"
            label={labels.slug!}
            hint={t('letters.hint.slug')}
            required
            maxlength={80}
            {...common}
          />
          <SelectField
            name="status"
            label={labels.status!}
            required
            hint={t('letters.hint.status')}
            options={options(LETTER_STATUSES, (value) => statusLabel(t, value))}
            {...common}
          />
        </div>
        <TextField name="titleEn" label={labels.titleEn!} required maxlength={200} {...common} />
        <TextArea
          name="bodyEn"
          label={labels.bodyEn!}
          hint={t('letters.hint.body')}
          required
          rows={12}
          {...common}
        />
        <TextField name="titleEs" label={labels.titleEs!} required maxlength={200} {...common} />
        <TextArea
          name="bodyEs"
          label={labels.bodyEs!}
          hint={t('letters.hint.body')}
          required
          rows={12}
          {...common}
        />
        <TextArea
          name="addressees"
          label={labels.addressees!}
          hint={t('letters.hint.addressees')}
          rows={3}
          {...common}
        />
        <div class="grid">
          <TextField
            name="deadline"
            type="date"
            label={labels.deadline!}
            hint={t('letters.hint.deadline')}
            {...common}
          />
          <TextField name="goal" type="number" inputmode="numeric" label={labels.goal!} {...common} />
        </div>
        <button type="submit">{t('common.save')}</button>
      </form>
      {props.letter && props.embedUrl ? <EmbedCode url={props.embedUrl} /> : null}
      {props.letter ? (
        <OfficialAddressees
          letter={props.letter}
          officials={props.officials ?? []}
          results={props.officialResults ?? []}
          query={props.officialQuery ?? ''}
        />
      ) : null}
    </>
  );
}

/** The iframe code a congregation pastes into its website to show the signature form. */
function EmbedCode(props: { url: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const code = `<iframe src="${props.url}" title="${t('letters.signHeading')}" width="100%" height="1400" style="border:0"></iframe>`;
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t('letters.admin.embedHeading')}</h2>
      <TextArea
        name="embedCode"
        label={t('letters.admin.embedCode')}
        hint={t('letters.admin.embedHint')}
        value={code}
        rows={3}
        required
      />
    </section>
  );
}

/** Addressees from the officials directory: the chosen ones, and a search to add more. */
function OfficialAddressees(props: {
  letter: Letter;
  officials: Official[];
  results: Official[];
  query: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const describe = (official: Official) =>
    [titleLabel(t, official.title), official.name, official.jurisdictionName ?? official.state.toUpperCase()]
      .filter(Boolean)
      .join(', ');
  return (
    <section aria-labelledby="officials-heading">
      <h2 id="officials-heading">{t('letters.admin.officialsHeading')}</h2>
      {props.officials.length === 0 ? <p>{t('letters.admin.noOfficials')}</p> : null}
      <ul>
        {props.officials.map((official) => (
          <li>
            {describe(official)}{' '}
            <form method="post" action={adminPath(props.letter, `/officials/remove`)} class="inline-form">
              <input type="hidden" name="officialId" value={official.id} />
              <button type="submit" class="secondary outline">
                {t('letters.admin.removeOfficial')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="get" action={adminPath(props.letter)} aria-label={t('letters.admin.findOfficial')}>
        <TextField
          name="official"
          type="search"
          label={t('letters.admin.findOfficial')}
          value={props.query}
        />
        <button type="submit" class="secondary">
          {t('common.search')}
        </button>
      </form>
      {props.query && props.results.length === 0 ? <p>{t('letters.admin.noOfficialResults')}</p> : null}
      <ul>
        {props.results.map((official) => (
          <li>
            {describe(official)}{' '}
            <form method="post" action={adminPath(props.letter, '/officials')} class="inline-form">
              <input type="hidden" name="officialId" value={official.id} />
              <button type="submit" class="secondary">
                {t('letters.admin.addOfficial')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The signer table: search, filters, counts, hide and verify buttons, CSV export. */
export function SignersAdminPage(props: {
  letter: Letter;
  tally: SignerTally;
  filter: SignerFilter;
  rows: LetterSignature[];
  matching: number;
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
        <div class="grid">
          <TextField name="q" type="search" label={t('common.search')} values={values} />
          <SelectField
            name="tradition"
            label={t('letters.field.tradition')}
            placeholder={t('common.all')}
            options={options(TRADITIONS, (v) => traditionLabel(t, v))}
            values={values}
          />
          <SelectField
            name="state"
            label={t('letters.field.state')}
            placeholder={t('common.all')}
            options={US_STATES.map((code) => [code, code] as const)}
            values={values}
          />
          <SelectField
            name="confirmed"
            label={t('letters.admin.confirmedColumn')}
            placeholder={t('common.all')}
            options={yesNo}
            values={values}
          />
          <SelectField
            name="shown"
            label={t('letters.admin.shownColumn')}
            placeholder={t('common.all')}
            options={[...yesNo, ['hidden', t('letters.admin.hiddenByOrganizer')]]}
            values={values}
          />
        </div>
        <button type="submit">{t('common.filter')}</button>{' '}
        <a href={adminPath(props.letter, `/signers.csv`)} role="button" class="secondary" download>
          {t('common.downloadCsv')}
        </a>
      </form>
      <p role="status">{t('letters.admin.matching', { count: props.matching })}</p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('letters.admin.nameColumn')}</th>
              <th scope="col">{t('letters.field.email')}</th>
              <th scope="col">{t('letters.field.tradition')}</th>
              <th scope="col">{t('letters.admin.placeColumn')}</th>
              <th scope="col">{t('letters.admin.confirmedColumn')}</th>
              <th scope="col">{t('letters.admin.shownColumn')}</th>
              <th scope="col" class="row-actions">
                {t('letters.admin.actionsColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <th scope="row">
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
                </th>
                <td>{row.email}</td>
                <td>{traditionLabel(t, row.tradition)}</td>
                <td>
                  {row.city}, {row.state}
                </td>
                <td>{row.confirmedAt ? formatDate(lang, row.confirmedAt) : t('common.no')}</td>
                <td>
                  {row.hiddenAt
                    ? t('letters.admin.hiddenByOrganizer')
                    : row.showPublicly
                      ? t('common.yes')
                      : t('common.no')}
                </td>
                <td class="row-actions">
                  <form method="post" action={adminPath(props.letter, `/signers/${row.id}/hide`)}>
                    <input type="hidden" name="hidden" value={row.hiddenAt ? 'no' : 'yes'} />
                    <input type="hidden" name="back" value={props.back} />
                    <button type="submit" class="secondary outline">
                      {row.hiddenAt ? t('letters.admin.unhide') : t('letters.admin.hide')}
                    </button>
                  </form>
                  <form method="post" action={adminPath(props.letter, `/signers/${row.id}/verify`)}>
                    <input type="hidden" name="verified" value={row.verifiedAt ? 'no' : 'yes'} />
                    <input type="hidden" name="back" value={props.back} />
                    <button type="submit" class="secondary outline">
                      {row.verifiedAt ? t('letters.admin.unverify') : t('letters.admin.verify')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={f.page}
        pages={props.pages}
        base={adminPath(props.letter, '/signers')}
        query={query}
      />
    </>
  );
}

/** The delivery page: the letter with its shown signers, ready to print, and the email form. */
export function DeliveryPage(props: {
  letter: Letter;
  officials: Official[];
  signers: PublicSigner[];
  tally: LetterTally;
  deliveries: DeliveryStatus[];
  values?: FormValues;
  errors?: FormErrors;
  sent?: number;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  const officialEmails = props.officials
    .map((official) => official.email)
    .filter((email): email is string => Boolean(email));
  const values = props.values ?? { recipients: officialEmails.join('\n'), lang };
  return (
    <>
      <div class="no-print">
        <LetterAdminNav letter={props.letter} />
        <h1>{t('letters.admin.deliverTitle')}</h1>
        {props.sent ? (
          <p class="notice" role="status">
            {t('letters.admin.deliveryQueued', { count: props.sent })}
          </p>
        ) : null}
        <p>{t('letters.admin.printIntro')}</p>
        <button type="button" data-print hidden>
          {t('common.print')}
        </button>
        <section aria-labelledby="deliver-email-heading">
          <h2 id="deliver-email-heading">{t('letters.admin.emailHeading')}</h2>
          <form method="post" action={adminPath(props.letter, '/deliver')} novalidate>
            <ErrorSummary
              errors={props.errors}
              labels={{ recipients: t('letters.field.recipients'), lang: t('letters.field.deliveryLang') }}
            />
            <TextArea
              name="recipients"
              label={t('letters.field.recipients')}
              hint={t('letters.hint.recipients', { max: DELIVERY_RECIPIENTS_MAX })}
              required
              rows={3}
              values={values}
              errors={props.errors}
            />
            <SelectField
              name="lang"
              label={t('letters.field.deliveryLang')}
              required
              options={[
                ['en', t('common.english')],
                ['es', t('common.spanish')],
              ]}
              values={values}
              errors={props.errors}
            />
            <button type="submit">{t('letters.admin.sendDelivery')}</button>
          </form>
          {props.deliveries.length > 0 ? (
            <div class="table-wrap" tabindex={0}>
              <table>
                <caption>{t('letters.admin.deliveriesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('letters.admin.queuedColumn')}</th>
                    <th scope="col">{t('letters.admin.recipientsColumn')}</th>
                    <th scope="col">{t('letters.signaturesColumn')}</th>
                    <th scope="col">{t('letters.admin.sentColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.deliveries.map((delivery) => (
                    <tr>
                      <td>{formatDate(lang, delivery.createdAt, true)}</td>
                      <td>{delivery.recipients.join(', ')}</td>
                      <td>{delivery.signerCount}</td>
                      <td>
                        {t('letters.admin.sentOf', {
                          sent: delivery.sentCount,
                          total: delivery.recipientCount,
                        })}
                        {delivery.lastSentAt ? ` · ${formatDate(lang, delivery.lastSentAt, true)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
        <hr />
      </div>
      <article class="letter printable-letter">
        <Addressees letter={props.letter} officials={props.officials} />
        <h2>{text.title}</h2>
        {raw(renderMarkdown(text.body))}
        <h3 class="page-break-avoid">{signedBySentence(t, lang, props.tally)}</h3>
        <ul class="signer-list">
          {props.signers.map((signer) => (
            <SignerLine signer={signer} />
          ))}
        </ul>
      </article>
    </>
  );
}
