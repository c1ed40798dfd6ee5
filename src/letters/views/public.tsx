// What the public pages of letters share: addresses, the letter's text, signer lines, paging.
import type { Child } from 'hono/jsx';
import { titleLabel } from '../../officials/links';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { markdownExcerpt, renderMarkdown } from '../../lib/markdown';
import { memoByText } from '../../web/memo';
import type { Official } from '../../officials/schema';
import { formatNumber, type Lang, type Translate } from '../../lib/i18n';
import { displayName, roleLabel } from '../choices';
import type { PublicSigner } from '../queries';
import type { Letter } from '../schema';
import { letterPath } from '../links';
import { addresseeLines, type SigningState } from '../status';
import { SavedNotice } from '../../web/ui/saved-notice';

/** A letter's text as HTML, rendered once per version of the text rather than per reader. */
export const letterBodyHtml = memoByText(renderMarkdown);

/** The first paragraph of a letter's text (meta description, Open Graph), once per version. */
export const letterExcerpt = memoByText((body) => markdownExcerpt(body));

// Pages of this folder import letterPath from here with the other shared parts.
export { letterPath } from '../links';

/** "12 signed" / "12 firmas", with the singular where the language has one ("1 firma"). */
export function signedCount(t: Translate, lang: Lang, count: number): string {
  return t('letters.signedCount', { count: formatNumber(lang, count) });
}

/** Who a letter is addressed to, one line each: officials from the directory, then free-text lines. */
export function addresseeNames(t: Translate, letter: Letter, officials: Official[]): string[] {
  return [
    ...officials.map((official) =>
      [titleLabel(t, official.title), official.name, official.jurisdictionName].filter(Boolean).join(', '),
    ),
    ...addresseeLines(letter.addressees),
  ];
}

/** Who a letter is addressed to, as a list under its heading (the delivery page). */
export function Addressees(props: { letter: Letter; officials: Official[] }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const lines = addresseeNames(t, props.letter, props.officials);
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
  return <SavedNotice>{t(key)}</SavedNotice>;
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

/** A short page after an action on a letter: what happened, then the way back to the letter. */
export function LetterNoticePage(props: { letter: Letter; title: string; children: Child }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <section>
      <h1>{props.title}</h1>
      {props.children}
      <p>
        <a href={letterPath(props.letter)}>{t('letters.backToLetter')}</a>
      </p>
    </section>
  );
}
