// What the public pages of bills share: the bill's label and badges, organizer Markdown, message pages.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import { PrivateLinkButtonPage } from '../../web/ui/private-link-button';
import type { AppEnv } from '../../env';
import { renderMarkdown } from '../../lib/markdown';
import { memoByText } from '../../web/memo';
import { pick } from '../../lib/bilingual';
import type { Lang, MessageKey, Translate } from '../../lib/i18n';
import { positionLabelKey, stageLabelKey } from '../links';
import type { BillRow } from '../queries';
import { effectiveStage } from '../stage';

// A bill's texts are rendered once per version of the text, not per reader.
const markdownOnce = memoByText(renderMarkdown);

/** Markdown written by organizers, rendered safely (raw HTML in the source is shown as text). */
export function Markdown(props: { source: string | null | undefined }): Child {
  if (!props.source) return null;
  return <div class="markdown">{raw(markdownOnce(props.source))}</div>;
}

const chamberLabels: Record<string, MessageKey> = {
  upper: 'bills.chamber.upper',
  lower: 'bills.chamber.lower',
  executive: 'bills.chamber.executive',
  legislature: 'bills.chamber.legislature',
};

/** Where an action happened, in the reader's language when its kind is known ("Senado"). */
export function chamberName(
  t: Translate,
  action: { chamber: string | null; chamberKind: string | null },
): string | null {
  return action.chamberKind && Object.hasOwn(chamberLabels, action.chamberKind)
    ? t(chamberLabels[action.chamberKind]!)
    : action.chamber;
}

/**
 * Two loose versions of an organizer's text (English, Spanish) for a reader of `lang`, by the one
 * rule of `pick`; null when both are empty. Rows go to `pick` directly.
 */
export function inLang(lang: Lang, en: string | null, es: string | null): string | null {
  return pick({ textEn: en, textEs: es }, 'text', lang).text || null;
}

/** "GA SB 6". */
export function billLabel(bill: Pick<BillRow, 'state' | 'identifier'>): string {
  return `${bill.state} ${bill.identifier}`;
}

/** The coalition's position, the stage and the session (or the demo mark) of a bill. */
export function BillBadges(props: { bill: BillRow }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  return (
    <p class="bill-meta">
      <strong class={`position-badge position-${bill.position}`}>{t(positionLabelKey(bill.position))}</strong>
      {' · '}
      <span class="status-count">
        {t('bills.currentStage', { stage: t(stageLabelKey(effectiveStage(bill))) })}
      </span>
      {' · '}
      {bill.isDemo ? <em>{t('bills.demoLabel')}</em> : t('bills.session', { session: bill.session })}
    </p>
  );
}

/** A short page with a heading, a message and an optional button form (private-link pages). */
export function MessagePage(props: {
  title: string;
  body: string;
  notice?: string | null;
  action?: { url: string; label: string } | null;
  links?: { url: string; label: string }[];
}): Child {
  const { action, ...page } = props;
  return (
    <PrivateLinkButtonPage
      {...page}
      button={action ? { action: action.url, label: action.label } : undefined}
    />
  );
}
