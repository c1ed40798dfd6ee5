// The organizer's printable strategy chart: the five columns of the Midwest Academy chart filled
// from the campaign's records, and the timeline of what happened. Prints on one landscape page.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { langAttribute, pick } from '../../lib/bilingual';
import { formatDate } from '../../lib/i18n';
import { stanceLabel, titleLabel } from '../../officials/links';
import type { LadderWarning } from '../ladder';
import { GOAL_HORIZONS, PARTY_SIDES } from '../schema';
import type { ActionChoice, CampaignParts, TargetRow } from '../queries';
import type { CampaignRecords, TimelineEvent } from '../records';
import { ActionLink } from './action-link';
import { CampaignLinks } from './admin-campaign';
import { Timeline } from './timeline';

function Column(props: { id: string; title: string; children: Child }): Child {
  return (
    <section aria-labelledby={`chart-${props.id}`} class="chart-column">
      <h2 id={`chart-${props.id}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A target with what they committed to and our power-map notes. */
function TargetEntry(props: { target: TargetRow; records: CampaignRecords }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { target } = props;
  const commitments = props.records.commitments.filter((c) => c.officialId === target.officialId);
  const notes = props.records.powerMap.filter((entry) => entry.officialId === target.officialId).slice(0, 3);
  return (
    <li>
      <strong>{target.official.name}</strong>, {titleLabel(t, target.official.title)} ·{' '}
      {t(`campaigns.rank.${target.rank}`)}
      <p>{t('campaigns.chart.commitments')}</p>
      {commitments.length ? (
        <ul>
          {commitments.map((c) => (
            <li>
              {c.text} ({c.done ? t('campaigns.chart.done') : t('campaigns.chart.open')}
              {c.heldOn ? `, ${formatDate(lang, c.heldOn)}` : ''})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('campaigns.chart.noCommitments')}</p>
      )}
      <p>{t('campaigns.chart.powerMap')}</p>
      {notes.length ? (
        <ul>
          {notes.map((entry) => (
            <li>
              {t('campaigns.chart.stanceOn', {
                stance: stanceLabel(t, entry.stance),
                date: formatDate(lang, entry.notedOn),
              })}
              {entry.note ? `: ${entry.note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>—</p>
      )}
    </li>
  );
}

/** The strategy chart page of a campaign. */
export function StrategyChart(props: {
  parts: CampaignParts;
  records: CampaignRecords;
  timeline: TimelineEvent[];
  warnings: LadderWarning[];
  actions: ActionChoice[];
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { campaign, goals, parties, targets, tactics, communications } = props.parts;
  const title = pick(campaign, 'title', lang);
  const issue = pick(campaign, 'issue', lang);
  const winnable = pick(campaign, 'winnable', lang);
  const warned = new Set(props.warnings.map((w) => w.tacticId));
  return (
    <article class="strategy-chart-page">
      <h1 lang={langAttribute(title, lang)}>{t('campaigns.chart.title', { title: title.text })}</h1>
      <CampaignLinks campaign={campaign} />
      <p class="no-print">
        <button type="button" data-print hidden>
          {t('common.print')}
        </button>
      </p>
      {issue.text ? (
        <p lang={langAttribute(issue, lang)}>
          <strong>{t('campaigns.chart.issue')}:</strong> {issue.text}
        </p>
      ) : null}
      {winnable.text ? (
        <p lang={langAttribute(winnable, lang)}>
          <strong>{t('campaigns.chart.winnable')}:</strong> {winnable.text}
        </p>
      ) : null}
      <div class="strategy-chart">
        <Column id="goals" title={t('campaigns.chart.col.goals')}>
          {GOAL_HORIZONS.map((horizon) => {
            const of = goals.filter((goal) => goal.horizon === horizon);
            return of.length ? (
              <>
                <h3>{t(`campaigns.horizon.${horizon}`)}</h3>
                <ul>
                  {of.map((goal) => (
                    <li>
                      {pick(goal, 'text', lang).text} ({t(`campaigns.goalStatus.${goal.status}`)})
                    </li>
                  ))}
                </ul>
              </>
            ) : null;
          })}
          {goals.length ? null : <p>{t('campaigns.empty.goals')}</p>}
        </Column>
        <Column id="considerations" title={t('campaigns.chart.col.considerations')}>
          <p class="pre-line">{campaign.considerations ?? '—'}</p>
        </Column>
        <Column id="parties" title={t('campaigns.chart.col.parties')}>
          {PARTY_SIDES.map((side) => (
            <>
              <h3>{t(`campaigns.chart.side.${side}`)}</h3>
              <ul>
                {parties
                  .filter((party) => party.side === side)
                  .map((party) => (
                    <li>
                      <strong>{party.name}</strong>
                      {party.note ? `: ${party.note}` : ''}
                      {party.outreachPlan ? (
                        <> ({t('campaigns.chart.plan', { plan: party.outreachPlan })})</>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </>
          ))}
        </Column>
        <Column id="targets" title={t('campaigns.chart.col.targets')}>
          {targets.length ? (
            <ul>
              {targets.map((target) => (
                <TargetEntry target={target} records={props.records} />
              ))}
            </ul>
          ) : (
            <p>{t('campaigns.empty.targets')}</p>
          )}
        </Column>
        <Column id="tactics" title={t('campaigns.chart.col.tactics')}>
          <ol>
            {tactics.map((tactic) => (
              <li data-warning={warned.has(tactic.id) ? 'yes' : 'no'}>
                {formatDate(lang, tactic.onDate)} · {t(`campaigns.rung.${tactic.rung}`)}:{' '}
                {pick(tactic, 'title', lang).text} ({t(`campaigns.tacticStatus.${tactic.status}`)}) ·{' '}
                <ActionLink tactic={tactic} actions={props.actions} />
                {warned.has(tactic.id) ? <strong> ⚠ {t('campaigns.chart.skipsRungs')}</strong> : null}
              </li>
            ))}
          </ol>
          <h3>{t('campaigns.part.communications')}</h3>
          <ul>
            {communications.map((item) => (
              <li>
                {t(`campaigns.kind.${item.kind}`)}: {pick(item, 'text', lang).text}
                {item.onDate ? ` (${formatDate(lang, item.onDate)})` : ''}
                {item.url ? (
                  <>
                    {' '}
                    · <a href={item.url}>{item.url}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Column>
      </div>
      <Timeline events={props.timeline} />
    </article>
  );
}
