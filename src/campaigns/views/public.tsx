// A campaign's public page: only the parts its organizers chose to show. Allies and opponents, the
// organizational considerations and the power map are never on it.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { langAttribute, pick } from '../../lib/bilingual';
import { formatDate } from '../../lib/i18n';
import { officialPath, titleLabel } from '../../officials/links';
import { DemoLabel } from '../../web/ui/demo-label';
import { ListSection, Section } from '../../web/ui/section';
import type { PublicAction } from '../public-actions';
import type { CampaignParts } from '../queries';
import type { CampaignProgress } from '../records';
import { GOAL_HORIZONS, type PublicPart } from '../schema';
import { actionOptionLabel } from './part-forms';

function ActionItem(props: { item: PublicAction }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { item } = props;
  const label = item.action
    ? actionOptionLabel(t, lang, item.action)
    : t('campaigns.public.requestMeeting', { name: item.officialName ?? '' });
  return (
    <li>
      <a href={item.href}>{label}</a> ({formatDate(lang, item.tactic.onDate)}:{' '}
      {pick(item.tactic, 'title', lang).text})
    </li>
  );
}

/** The public page of a published campaign. */
export function PublicCampaignPage(props: {
  parts: CampaignParts;
  actions: PublicAction[];
  progress: CampaignProgress;
  updates: Child;
  subscribe: Child;
}): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { campaign, goals, targets, communications } = props.parts;
  const shows = (part: PublicPart) => campaign.publicParts.includes(part);
  const title = pick(campaign, 'title', lang);
  const issue = pick(campaign, 'issue', lang);
  const winnable = pick(campaign, 'winnable', lang);
  return (
    <article>
      <h1 lang={langAttribute(title, lang)}>{title.text}</h1>
      <DemoLabel of={campaign} />
      {shows('issue') && issue.text ? (
        <p class="pre-line" lang={langAttribute(issue, lang)}>
          {issue.text}
        </p>
      ) : null}
      {shows('winnable') && winnable.text ? (
        <Section id="campaign-winnable" title={t('campaigns.chart.winnable')}>
          <p class="pre-line" lang={langAttribute(winnable, lang)}>
            {winnable.text}
          </p>
        </Section>
      ) : null}
      {shows('actions') ? (
        <Section id="campaign-actions" title={t('campaigns.public.actions')}>
          {props.actions.length ? (
            <ol>
              {props.actions.map((item) => (
                <ActionItem item={item} />
              ))}
            </ol>
          ) : (
            <p>{t('campaigns.public.noActions')}</p>
          )}
        </Section>
      ) : null}
      {shows('goals') ? (
        <ListSection
          id="campaign-goals"
          title={t('campaigns.public.goals')}
          items={GOAL_HORIZONS.flatMap((horizon) => goals.filter((goal) => goal.horizon === horizon))}
          item={(goal) => (
            <>
              {t(`campaigns.horizon.${goal.horizon}`)}: {pick(goal, 'text', lang).text} (
              {t(`campaigns.goalStatus.${goal.status}`)})
            </>
          )}
        />
      ) : null}
      {shows('targets') ? (
        <ListSection
          id="campaign-targets"
          title={t('campaigns.public.targets')}
          items={targets}
          item={(target) => (
            <>
              <a href={officialPath(target.official)}>{target.official.name}</a>,{' '}
              {titleLabel(t, target.official.title)}
            </>
          )}
        />
      ) : null}
      {shows('progress') ? (
        <Section id="campaign-progress" title={t('campaigns.public.progress')}>
          <ul class="campaign-progress">
            <li>{t('campaigns.progress.signatures', { count: props.progress.signatures })}</li>
            <li>{t('campaigns.progress.registered', { count: props.progress.registered })}</li>
            <li>{t('campaigns.progress.meetings', { count: props.progress.meetingsHeld })}</li>
            <li>{t('campaigns.progress.commitments', { count: props.progress.commitments })}</li>
          </ul>
        </Section>
      ) : null}
      {shows('communications') ? (
        <ListSection
          id="campaign-communications"
          title={t('campaigns.public.communications')}
          items={communications}
          item={(item) => (
            <>
              {pick(item, 'text', lang).text}
              {item.onDate ? ` (${formatDate(lang, item.onDate)})` : ''}
              {item.url ? (
                <>
                  {' '}
                  <a href={item.url}>{t('campaigns.public.read')}</a>
                </>
              ) : null}
            </>
          )}
        />
      ) : null}
      {props.updates}
      {props.subscribe}
    </article>
  );
}
