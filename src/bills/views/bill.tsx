import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActionCampaign, AppEnv } from '../../env';
import type { FormErrors, FormValues } from '../../web/form';
import { formatDate, type MessageKey } from '../../lib/i18n';
import { describeAction } from '../action-text';
import { stageLabelKey, stageMeaningKey } from '../links';
import type { BillActionRow, BillMovementRow, BillRow, SponsorView } from '../queries';
import { callsToActionOf, sourcesOf } from '../queries';
import { effectiveStage, stageSteps, timelineWithStages } from '../stage';
import { pick } from '../../lib/bilingual';
import { movementDetail, movementHeadline } from '../links';
import { BillBadges, billLabel, chamberName, Markdown } from './public';
import { SubscribeForm } from './subscribe-form';
import { PartOfCampaigns } from '../../web/ui/part-of-campaigns';
import { ActionColumns, JumpButton } from '../../web/ui/action-page';
import { ListSection, Section } from '../../web/ui/section';

/** Everything the bill page shows. */
export interface BillPageData {
  bill: BillRow;
  actions: BillActionRow[];
  sponsors: SponsorView[];
  updates: BillMovementRow[];
  /** The published campaigns the bill belongs to. */
  campaigns?: ActionCampaign[];
  errors?: FormErrors;
  values?: FormValues;
}

/** The organizer-written sections of a bill page, shown when they have text in either language. */
const WRITTEN_SECTIONS: { field: 'talkingPoints' | 'analysis'; id: string; heading: MessageKey }[] = [
  { field: 'talkingPoints', id: 'bill-talking-points', heading: 'bills.talkingPoints' },
  { field: 'analysis', id: 'bill-analysis', heading: 'bills.analysis' },
];

/** Where the bill is: every step of the road, the current one marked (a stepper on wide screens). */
function StageSteps(props: { bill: BillRow }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const stage = effectiveStage(props.bill);
  const note = pick(props.bill, 'stageNote', lang).text;
  return (
    <section aria-labelledby="bill-stage" class="bill-stage">
      <h2 id="bill-stage" class="visually-hidden">
        {t('bills.whereItStands')}
      </h2>
      <ol class="bill-stages" aria-label={t('bills.stageSteps')}>
        {stageSteps(stage).map((step) => (
          <li aria-current={step.current ? 'step' : undefined} class={step.reached ? 'reached' : undefined}>
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
  );
}

/** "What to do now": the organizers' calls to action and meetings with sponsors we can reach. */
function WhatToDo(props: { bill: BillRow; sponsors: SponsorView[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const calls = callsToActionOf(props.bill);
  const meetable = props.sponsors.filter((s) => s.officialId);
  if (calls.length === 0 && meetable.length === 0) return null;
  return (
    <Section id="bill-actions" title={t('bills.whatToDo')}>
      <ul>
        {calls.map((call) => (
          <li>
            <a href={call.url}>{pick(call, 'label', lang).text}</a>
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
    </Section>
  );
}

/**
 * The public page of one bill. First: our position as a badge, the stage (a stepper), the button
 * to the alerts form, what to do now and the alerts form (beside the rest on wide screens, where it
 * stays in view). Then the summary, organizers' texts, timeline, updates, sponsors and sources.
 */
export function BillPage(props: BillPageData): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { bill } = props;
  const stage = effectiveStage(bill);
  const timeline = timelineWithStages(
    props.actions.map((a) => ({ ...a, classification: JSON.parse(a.classification) as string[] })),
  );
  return (
    <article class="bill action-page">
      <header class="action-head">
        <h1>
          {billLabel(bill)}: {pick(bill, 'title', lang).text}
        </h1>
        <BillBadges bill={bill} />
        <JumpButton href="#subscribe" label={t('bills.getAlerts')} />
        <StageSteps bill={bill} />
      </header>
      <PartOfCampaigns campaigns={props.campaigns} />

      <ActionColumns
        lead={<WhatToDo bill={bill} sponsors={props.sponsors} />}
        form={<SubscribeForm bill={bill} errors={props.errors} values={props.values} />}
      >
        {pick(bill, 'summary', lang).text ? (
          <Section id="bill-summary" title={t('bills.summary')}>
            <Markdown source={pick(bill, 'summary', lang).text} />
          </Section>
        ) : null}

        {WRITTEN_SECTIONS.map(({ field, id, heading }) => {
          const text = pick(bill, field, lang).text;
          return text ? (
            <section aria-labelledby={id}>
              <h2 id={id}>{t(heading)}</h2>
              <Markdown source={text} />
            </section>
          ) : null;
        })}

        <Section id="bill-timeline" title={t('bills.timeline')}>
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
        </Section>

        {props.updates.length > 0 ? (
          <Section id="bill-updates" title={t('bills.updates')}>
            <ul>
              {props.updates.map((u) => (
                <li id={`movement-${u.id}`}>
                  <time datetime={new Date(u.createdAt).toISOString()}>{formatDate(lang, u.createdAt)}</time>:{' '}
                  {movementHeadline(u, lang)}
                  {movementDetail(u, lang) ? <p>{movementDetail(u, lang)}</p> : null}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}

        <ListSection
          id="bill-sponsors"
          title={t('bills.sponsors')}
          items={props.sponsors}
          item={(s) => (
            <>
              {s.name}
              {s.primary ? ` (${t('bills.primarySponsor')})` : ''}
            </>
          )}
        />

        <ListSection
          id="bill-sources"
          title={t('bills.sources')}
          items={sourcesOf(bill)}
          item={(s) => (
            <a href={s.url} rel="noopener noreferrer">
              {s.note || s.url}
            </a>
          )}
        />
      </ActionColumns>
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
