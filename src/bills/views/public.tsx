import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { renderMarkdown } from '../../lib/markdown';
import { memoByText } from '../../web/memo';
import {
  BotCheck,
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { formatDate, type MessageKey, type Translate } from '../../lib/i18n';
import { describeAction } from '../action-text';
import { billPath, feedPath, positionLabelKey, stageLabelKey, stageMeaningKey } from '../links';
import type { BillActionRow, BillFilters, BillMovementRow, BillRow, SponsorView } from '../queries';
import { callsToActionOf, sourcesOf } from '../queries';
import { BILL_POSITIONS, BILL_STAGES } from '../schema';
import { effectiveStage, stageSteps, timelineWithStages } from '../stage';

// A bill's texts are rendered once per version of the text, not per reader.
const markdownOnce = memoByText(renderMarkdown);

/** Markdown written by organizers, rendered safely (raw HTML in the source is shown as text). */
function Markdown(props: { source: string | null | undefined }): Child {
  if (!props.source) return null;
  return <div class="markdown">{raw(markdownOnce(props.source))}</div>;
}

/** The text of a bill field in the page's language, falling back to English. */

const CHAMBER_KINDS = new Set(['upper', 'lower', 'executive', 'legislature']);

/** Where an action happened, in the reader's language when its kind is known ("Senado"). */
export function chamberName(
  t: Translate,
  action: { chamber: string | null; chamberKind: string | null },
): string | null {
  return action.chamberKind && CHAMBER_KINDS.has(action.chamberKind)
    ? t(`bills.chamber.${action.chamberKind}` as MessageKey)
    : action.chamber;
}

export function inLang(lang: string, en: string | null, es: string | null): string | null {
  return lang === 'es' ? es || en : en || es;
}

/** "GA SB 6". */
export function billLabel(bill: Pick<BillRow, 'state' | 'identifier'>): string {
  return `${bill.state} ${bill.identifier}`;
}

function BillBadges(props: { bill: BillRow }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  return (
    <p class="bill-meta">
      <strong>{t(positionLabelKey(bill.position))}</strong>
      {' · '}
      {t('bills.currentStage', { stage: t(stageLabelKey(effectiveStage(bill))) })}
      {' · '}
      {bill.isDemo ? <em>{t('bills.demoLabel')}</em> : t('bills.session', { session: bill.session })}
    </p>
  );
}

/** The public list of tracked bills with its filters. */
export function BillListPage(props: { bills: BillRow[]; filters: BillFilters; states: string[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const stageOptions = BILL_STAGES.map((s) => [s, t(stageLabelKey(s))] as const);
  const positionOptions = BILL_POSITIONS.map((p) => [p, t(`bills.positionShort.${p}`)] as const);
  return (
    <>
      <hgroup>
        <h1>{t('bills.listTitle')}</h1>
        <p>{t('bills.listIntro')}</p>
      </hgroup>
      <form
        method="get"
        action="/bills"
        role="search"
        aria-label={t('bills.filtersLabel')}
        class="bill-filters"
      >
        <div class="grid">
          <SelectField
            name="state"
            label={t('bills.filterState')}
            options={props.states.map((s) => [s, s] as const)}
            placeholder={t('bills.filterAny')}
            value={props.filters.state ?? ''}
          />
          <SelectField
            name="stage"
            label={t('bills.filterStage')}
            options={stageOptions}
            placeholder={t('bills.filterAny')}
            value={props.filters.stage ?? ''}
          />
          <SelectField
            name="position"
            label={t('bills.filterPosition')}
            options={positionOptions}
            placeholder={t('bills.filterAny')}
            value={props.filters.position ?? ''}
          />
        </div>
        <button type="submit">{t('bills.filterApply')}</button>
      </form>
      {props.bills.length === 0 ? <p>{t('bills.noneFound')}</p> : null}
      <ul class="bill-list">
        {props.bills.map((bill) => (
          <li>
            <article>
              <h2>
                <a href={billPath(bill)}>
                  {billLabel(bill)}: {inLang(lang, bill.title, bill.titleEs)}
                </a>
              </h2>
              <BillBadges bill={bill} />
              {bill.lastMovementAt ? (
                <p>
                  <small>{t('bills.lastMovement', { date: formatDate(lang, bill.lastMovementAt) })}</small>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <p>
        <a href={feedPath(null, lang)} type="application/atom+xml">
          {t('bills.feedLink')}
        </a>
        {props.filters.state && props.states.includes(props.filters.state) ? (
          <>
            {' · '}
            <a href={feedPath(props.filters.state, lang)} type="application/atom+xml">
              {t('bills.stateFeedLink', { state: props.filters.state })}
            </a>
          </>
        ) : null}
      </p>
    </>
  );
}

/** Everything the bill page shows. */
export interface BillPageData {
  bill: BillRow;
  actions: BillActionRow[];
  sponsors: SponsorView[];
  updates: BillMovementRow[];
  errors?: FormErrors;
  values?: FormValues;
}

/** The public page of one bill: position, stage, summary, what to do, timeline, subscribe. */
export function BillPage(props: BillPageData): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const stage = effectiveStage(bill);
  const note = inLang(lang, bill.stageNoteEn, bill.stageNoteEs);
  const timeline = timelineWithStages(
    props.actions.map((a) => ({ ...a, classification: JSON.parse(a.classification) as string[] })),
  );
  const calls = callsToActionOf(bill);
  const meetable = props.sponsors.filter((s) => s.officialId);
  return (
    <article class="bill">
      <hgroup>
        <h1>
          {billLabel(bill)}: {inLang(lang, bill.title, bill.titleEs)}
        </h1>
        <BillBadges bill={bill} />
      </hgroup>

      <section aria-labelledby="bill-stage">
        <h2 id="bill-stage">{t('bills.whereItStands')}</h2>
        <ol class="bill-stages" aria-label={t('bills.stageSteps')}>
          {stageSteps(stage).map((step) => (
            <li aria-current={step.current ? 'step' : undefined}>
              {step.current ? (
                <mark>{t(stageLabelKey(step.stage))}</mark>
              ) : step.reached ? (
                <strong>{t(stageLabelKey(step.stage))}</strong>
              ) : (
                t(stageLabelKey(step.stage))
              )}
            </li>
          ))}
        </ol>
        <p>{t(stageMeaningKey(stage))}</p>
        {note ? <p>{t('bills.stageNote', { note })}</p> : null}
      </section>

      {inLang(lang, bill.summaryEn, bill.summaryEs) ? (
        <section aria-labelledby="bill-summary">
          <h2 id="bill-summary">{t('bills.summary')}</h2>
          <Markdown source={inLang(lang, bill.summaryEn, bill.summaryEs)} />
        </section>
      ) : null}

      {calls.length > 0 || meetable.length > 0 ? (
        <section aria-labelledby="bill-actions">
          <h2 id="bill-actions">{t('bills.whatToDo')}</h2>
          <ul>
            {calls.map((call) => (
              <li>
                <a href={call.url}>{lang === 'es' ? call.labelEs : call.labelEn}</a>
              </li>
            ))}
            {meetable.map((sponsor) => (
              <li>
                <a href={`/meetings/new?official=${encodeURIComponent(sponsor.officialId!)}`}>
                  {t('bills.meetSponsor', { name: sponsor.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {inLang(lang, bill.talkingPointsEn, bill.talkingPointsEs) ? (
        <section aria-labelledby="bill-talking-points">
          <h2 id="bill-talking-points">{t('bills.talkingPoints')}</h2>
          <Markdown source={inLang(lang, bill.talkingPointsEn, bill.talkingPointsEs)} />
        </section>
      ) : null}

      {inLang(lang, bill.analysisEn, bill.analysisEs) ? (
        <section aria-labelledby="bill-analysis">
          <h2 id="bill-analysis">{t('bills.analysis')}</h2>
          <Markdown source={inLang(lang, bill.analysisEn, bill.analysisEs)} />
        </section>
      ) : null}

      <section aria-labelledby="bill-timeline">
        <h2 id="bill-timeline">{t('bills.timeline')}</h2>
        {timeline.length === 0 ? <p>{t('bills.timelineEmpty')}</p> : null}
        <ol class="bill-timeline">
          {timeline.map(({ action, stage: after, changed }) => (
            <li class={changed ? 'stage-change' : undefined}>
              <time datetime={action.date}>{formatDate(lang, `${action.date}T12:00:00Z`)}</time>
              <ActionText action={action} />
              {changed ? (
                <>
                  {' '}
                  {after === stage ? (
                    <mark>{t('bills.timelineStageReached', { stage: t(stageLabelKey(after)) })}</mark>
                  ) : (
                    <strong>{t('bills.timelineStageReached', { stage: t(stageLabelKey(after)) })}</strong>
                  )}
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {props.updates.length > 0 ? (
        <section aria-labelledby="bill-updates">
          <h2 id="bill-updates">{t('bills.updates')}</h2>
          <ul>
            {props.updates.map((u) => (
              <li id={`movement-${u.id}`}>
                <time datetime={new Date(u.createdAt).toISOString()}>{formatDate(lang, u.createdAt)}</time>:{' '}
                {lang === 'es' ? u.headlineEs : u.headlineEn}
                {(lang === 'es' ? u.detailEs : u.detailEn) ? (
                  <p>{lang === 'es' ? u.detailEs : u.detailEn}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {props.sponsors.length > 0 ? (
        <section aria-labelledby="bill-sponsors">
          <h2 id="bill-sponsors">{t('bills.sponsors')}</h2>
          <ul>
            {props.sponsors.map((s) => (
              <li>
                {s.name}
                {s.primary ? ` (${t('bills.primarySponsor')})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {sourcesOf(bill).length > 0 ? (
        <section aria-labelledby="bill-sources">
          <h2 id="bill-sources">{t('bills.sources')}</h2>
          <ul>
            {sourcesOf(bill).map((s) => (
              <li>
                <a href={s.url} rel="noopener noreferrer">
                  {s.note || s.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <SubscribeForm bill={bill} errors={props.errors} values={props.values} />
    </article>
  );
}

/**
 * One action of the timeline. English readers see the legislature's text; others see what the
 * action's classification says in their language, with the legislature's (English) text as its
 * source, or that text alone, marked as English, when the classification says nothing we know.
 */
function ActionText(props: {
  action: {
    chamber: string | null;
    chamberKind: string | null;
    classification: string[];
    description: string;
  };
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { action } = props;
  const chamber = chamberName(t, action);
  if (lang === 'en') return <>{`${chamber ? ` · ${chamber}` : ''}: ${action.description}`}</>;
  const described = describeAction(t, action);
  return (
    <>
      {`${described.chamber ? ` · ${described.chamber}` : ''}: `}
      {described.description ? (
        <>
          {described.description}{' '}
          <small>
            ({t('bills.actionSource')}: <q lang="en">{action.description}</q>)
          </small>
        </>
      ) : (
        <span lang="en">{action.description}</span>
      )}
    </>
  );
}

/** The subscribe form at the end of a bill page. */
export function SubscribeForm(props: { bill: BillRow; errors?: FormErrors; values?: FormValues }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const labels = {
    email: t('bills.field.email'),
    scope: t('bills.field.scope'),
    lang: t('bills.field.lang'),
    frequency: t('bills.field.frequency'),
  };
  const values = props.values ?? { scope: 'bill', lang, frequency: 'immediate' };
  return (
    <section aria-labelledby="bill-subscribe" id="subscribe">
      <h2 id="bill-subscribe">{t('bills.subscribeTitle')}</h2>
      <p>{t('bills.subscribeIntro')}</p>
      <form method="post" action={`${billPath(bill)}/subscribe`} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autocomplete="email"
          inputmode="email"
          required
          values={values}
          errors={props.errors}
        />
        <ChoiceGroup
          name="scope"
          label={labels.scope}
          options={[
            ['bill', t('bills.scope.bill', { bill: billLabel(bill) })],
            ['state', t('bills.scope.state', { state: bill.state })],
          ]}
          required
          values={values}
          errors={props.errors}
        />
        <SelectField
          name="lang"
          label={labels.lang}
          options={[
            ['en', 'English'],
            ['es', 'Español'],
          ]}
          required
          values={values}
          errors={props.errors}
        />
        <ChoiceGroup
          name="frequency"
          label={labels.frequency}
          options={[
            ['immediate', t('bills.frequency.immediate')],
            ['daily', t('bills.frequency.daily')],
          ]}
          required
          values={values}
          errors={props.errors}
        />
        <BotCheck />
        <button type="submit">{t('bills.subscribeButton')}</button>
      </form>
    </section>
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
  return (
    <section>
      {props.notice ? (
        <p role="status" class="notice">
          {props.notice}
        </p>
      ) : null}
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.action ? (
        <form method="post" action={props.action.url}>
          <button type="submit">{props.action.label}</button>
        </form>
      ) : null}
      {(props.links ?? []).map((link) => (
        <p>
          <a href={link.url}>{link.label}</a>
        </p>
      ))}
    </section>
  );
}
