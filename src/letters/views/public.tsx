import type { Child } from 'hono/jsx';
import { titleLabel } from '../../officials/links';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { markdownExcerpt, renderMarkdown } from '../../lib/markdown';
import { memoByText } from '../../web/memo';
import type { Official } from '../../officials/schema';
import type { FormErrors, FormValues } from '../../web/form';
import { formatDate, formatNumber, type Lang, type Translate } from '../../lib/i18n';
import type { OpenAction } from '../../web/open-actions';
import { OpenActionList } from '../../web/pages';
import { displayName, roleLabel, traditionLabel } from '../choices';
import type { LetterCounts, PublicSigner } from '../queries';
import type { Letter } from '../schema';
import { addresseeLines, goalPercent, letterText, type SigningState } from '../status';
import { signedBySentence } from '../tally';
import { BarChart, describeBars } from './chart';
import { SignatureForm } from './signature-form';

/** A letter's text as HTML, rendered once per version of the text rather than per reader. */
export const letterBodyHtml = memoByText(renderMarkdown);

/** The first paragraph of a letter's text (meta description, Open Graph), once per version. */
export const letterExcerpt = memoByText((body) => markdownExcerpt(body));

/** The public address of a letter's pages. */
export function letterPath(letter: Pick<Letter, 'slug'>, rest = ''): string {
  return `/letters/${encodeURIComponent(letter.slug)}${rest}`;
}

/** "12 signed" / "12 firmas", with the singular where the language has one ("1 firma"). */
export function signedCount(t: Translate, lang: Lang, count: number): string {
  return t('letters.signedCount', { count: formatNumber(lang, count) });
}

/** The "demo content" label on demo letters. */
function DemoLabel(props: { letter: Pick<Letter, 'isDemo'> }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return props.letter.isDemo ? <p class="demo-label">{t('common.demo')}</p> : null;
}

/** Who a letter is addressed to: free-text lines and officials from the directory. */
export function Addressees(props: { letter: Letter; officials: Official[] }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const lines = [
    ...props.officials.map((official) =>
      [titleLabel(t, official.title), official.name, official.jurisdictionName].filter(Boolean).join(', '),
    ),
    ...addresseeLines(props.letter.addressees),
  ];
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="addressees-heading" class="addressees">
      <h2 id="addressees-heading">{t('letters.addressedTo')}</h2>
      <ul>
        {lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** Count, goal and deadline of a letter. */
function Progress(props: { letter: Letter; count: number }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const percent = goalPercent(props.count, props.letter.goal);
  return (
    <section class="letter-progress" aria-label={t('letters.progressLabel')}>
      <p>
        <strong>{signedCount(t, lang, props.count)}</strong>
        {props.letter.goal ? ` ${t('letters.goal', { goal: formatNumber(lang, props.letter.goal) })}` : null}
      </p>
      {percent !== null ? (
        <progress value={String(percent)} max="100" aria-label={t('letters.goalProgress', { percent })}>
          {percent}%
        </progress>
      ) : null}
      {props.letter.deadline ? (
        <p>{t('letters.deadline', { date: formatDate(lang, `${props.letter.deadline}T12:00:00Z`) })}</p>
      ) : null}
      <p>
        <a href={letterPath(props.letter, '/signers')}>{t('letters.seeSigners')}</a>
      </p>
    </section>
  );
}

/** Why a letter takes no signatures, said plainly. */
export function NotAccepting(props: { state: SigningState }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  if (props.state === 'open') return null;
  const key =
    props.state === 'draft'
      ? 'letters.draftNotice'
      : props.state === 'closed'
        ? 'letters.closedNotice'
        : 'letters.pastDeadlineNotice';
  return (
    <p class="notice" role="status">
      {t(key)}
    </p>
  );
}

/** The public page of a letter: its text, addressees, progress and the signature form. */
export function LetterPage(props: {
  letter: Letter;
  officials: Official[];
  count: number;
  state: SigningState;
  preview: boolean;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  return (
    <article class="letter">
      {props.preview ? (
        <p class="notice" role="status">
          {t('letters.previewNotice')}
        </p>
      ) : null}
      <DemoLabel letter={props.letter} />
      <h1>{text.title}</h1>
      <Addressees letter={props.letter} officials={props.officials} />
      <section class="letter-body" aria-label={t('letters.bodyLabel')}>
        {raw(letterBodyHtml(text.body))}
      </section>
      <Progress letter={props.letter} count={props.count} />
      <section aria-labelledby="sign-heading">
        <h2 id="sign-heading">{t('letters.signHeading')}</h2>
        {props.state === 'open' ? (
          <SignatureForm
            action={letterPath(props.letter, '/sign')}
            values={props.values}
            errors={props.errors}
          />
        ) : (
          <NotAccepting state={props.state} />
        )}
      </section>
    </article>
  );
}

/** The minimal form for other sites' iframes. */
export function EmbedPage(props: {
  letter: Letter;
  count: number;
  state: SigningState;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  return (
    <section class="letter-embed">
      <h1>
        <a href={letterPath(props.letter)} target="_blank" rel="noopener">
          {text.title}
        </a>
      </h1>
      <p>{signedCount(t, lang, props.count)}</p>
      {props.state === 'open' ? (
        <SignatureForm
          action={letterPath(props.letter, '/embed')}
          values={props.values}
          errors={props.errors}
        />
      ) : (
        <NotAccepting state={props.state} />
      )}
    </section>
  );
}

/** The list of public letters at /letters. */
export function LettersIndex(props: { letters: { letter: Letter; state: SigningState }[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <hgroup>
        <h1>{t('letters.indexTitle')}</h1>
        <p>{t('letters.indexIntro')}</p>
      </hgroup>
      {props.letters.length === 0 ? <p>{t('letters.noneOpen')}</p> : null}
      <ul class="action-list">
        {props.letters.map(({ letter, state }) => (
          <li>
            <a href={letterPath(letter)}>{letterText(letter, lang).title}</a>{' '}
            {state === 'open' ? null : <span class="badge">{t('letters.closedBadge')}</span>}
            {letter.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The page after signing: the same words whether the address is new, known, or a bot's. */
export function CheckEmailPage(props: { letter: Letter }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <section>
      <h1>{t('letters.checkEmailTitle')}</h1>
      <p>{t('letters.checkEmailBody', { title: letterText(props.letter, lang).title })}</p>
      <p>{t('letters.checkEmailAgain')}</p>
      <p>
        <a href={letterPath(props.letter)}>{t('letters.backToLetter')}</a>
      </p>
    </section>
  );
}

/** A private link's page: one explanation and one button that posts. */
export function ButtonPage(props: {
  title: string;
  body: string;
  button: string;
  action: string;
  secondary?: boolean;
}): Child {
  return (
    <section>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      <form method="post" action={props.action}>
        <button type="submit" class={props.secondary ? 'secondary' : undefined}>
          {props.button}
        </button>
      </form>
    </section>
  );
}

/** After confirming: thanks, ways to share, and the coalition's other open actions. */
export function ThanksPage(props: { letter: Letter; letterUrl: string; others: OpenAction[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const title = letterText(props.letter, lang).title;
  const message = t('letters.shareMessage', { title, url: props.letterUrl });
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(message)}`;
  const sms = `sms:?&body=${encodeURIComponent(message)}`;
  return (
    <>
      <section>
        <h1>{t('letters.thanksTitle')}</h1>
        <p>{t('letters.thanksBody', { title })}</p>
        <p>
          <a href={letterPath(props.letter, '/signers')}>{t('letters.seeSigners')}</a>
        </p>
      </section>
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t('letters.shareHeading')}</h2>
        <p>{t('letters.shareIntro')}</p>
        <p>
          <label for="share-link">{t('letters.shareLinkLabel')}</label>
          <input id="share-link" type="text" readonly value={props.letterUrl} />
        </p>
        <div class="share-buttons">
          <button
            type="button"
            class="secondary"
            data-copy={props.letterUrl}
            data-copied={t('letters.copied')}
            hidden
          >
            {t('letters.copyLink')}
          </button>{' '}
          <a role="button" class="secondary outline" href={mailto}>
            {t('letters.shareEmail')}
          </a>{' '}
          <a role="button" class="secondary outline" href={sms}>
            {t('letters.shareSms')}
          </a>
        </div>
      </section>
      {props.others.length > 0 ? (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading">{t('letters.otherActions')}</h2>
          <OpenActionList actions={props.others} />
        </section>
      ) : null}
    </>
  );
}

/** The public list of signers, grouped by tradition, with counts and the breadth chart. */
export function SignersPage(props: {
  letter: Letter;
  counts: LetterCounts;
  signers: PublicSigner[];
  shownTotal: number;
  page: number;
  pages: number;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const text = letterText(props.letter, lang);
  const bars = props.counts.byTradition.map((row) => ({
    label: traditionLabel(t, row.tradition),
    value: row.count,
  }));
  const groups: { tradition: string; signers: PublicSigner[] }[] = [];
  for (const signer of props.signers) {
    const last = groups[groups.length - 1];
    if (last && last.tradition === signer.tradition) last.signers.push(signer);
    else groups.push({ tradition: signer.tradition, signers: [signer] });
  }
  return (
    <>
      <DemoLabel letter={props.letter} />
      <hgroup>
        <h1>{t('letters.signersTitle')}</h1>
        <p>
          <a href={letterPath(props.letter)}>{text.title}</a>
        </p>
      </hgroup>
      <p>
        <strong>{signedBySentence(t, lang, { signed: props.counts.total, named: props.shownTotal })}</strong>
      </p>
      {props.counts.total > 0 ? (
        <section aria-labelledby="breadth-heading">
          <h2 id="breadth-heading">{t('letters.breadthHeading')}</h2>
          <BarChart
            id="tradition-chart"
            title={t('letters.chartTitle')}
            description={describeBars(bars)}
            bars={bars}
          />
          <div class="grid">
            <CountTable
              caption={t('letters.byTraditionCaption')}
              heading={t('letters.field.tradition')}
              rows={props.counts.byTradition.map((row) => [traditionLabel(t, row.tradition), row.count])}
            />
            <CountTable
              caption={t('letters.byStateCaption')}
              heading={t('letters.field.state')}
              rows={props.counts.byState.map((row) => [row.state, row.count])}
            />
          </div>
        </section>
      ) : (
        <p>{t('letters.noSignersYet')}</p>
      )}
      {groups.map((group) => (
        <section class="signer-group">
          <h2>{traditionLabel(t, group.tradition)}</h2>
          <ul class="signer-list">
            {group.signers.map((signer) => (
              <SignerLine signer={signer} />
            ))}
          </ul>
        </section>
      ))}
      <Pagination page={props.page} pages={props.pages} base={letterPath(props.letter, '/signers')} />
    </>
  );
}

/** A two-column table of counts, the accessible twin of the chart. */
function CountTable(props: { caption: string; heading: string; rows: [string, number][] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.heading}</th>
            <th scope="col">{t('letters.signaturesColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, count]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{formatNumber(lang, count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One signer as the public list and the printed letter show them. */
export function SignerLine(props: { signer: PublicSigner }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const signer = props.signer;
  const affiliation = [signer.congregation, signer.denomination].filter(Boolean).join(', ');
  return (
    <li>
      <strong>{displayName(t, signer)}</strong>
      {signer.verified ? (
        <>
          {' '}
          <span class="badge verified-mark" title={t('letters.verifiedTitle')}>
            ✓ {t('letters.verified')}
          </span>
        </>
      ) : null}
      {signer.role !== 'clergy' ? <span class="signer-role"> ({roleLabel(t, signer.role)})</span> : null}
      {affiliation ? <>, {affiliation}</> : null}, {signer.city}, {signer.state}
    </li>
  );
}

/** Previous/next links for a paginated list. */
export function Pagination(props: {
  page: number;
  pages: number;
  base: string;
  query?: URLSearchParams;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  if (props.pages <= 1) return null;
  const href = (page: number) => {
    const query = new URLSearchParams(props.query);
    query.set('page', String(page));
    return `${props.base}?${query.toString()}`;
  };
  return (
    <nav aria-label={t('common.pagination')} class="pagination">
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={href(props.page - 1)} rel="prev">
              {t('common.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('common.pageOf', { page: props.page, pages: props.pages })}</li>
        {props.page < props.pages ? (
          <li>
            <a href={href(props.page + 1)} rel="next">
              {t('common.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
