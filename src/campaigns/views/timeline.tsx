import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { pick } from '../../lib/bilingual';
import { formatDate } from '../../lib/i18n';
import type { TimelineEvent } from '../records';

/** What happened in a campaign, oldest first, as the features recorded it. */
export function Timeline(props: { events: TimelineEvent[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <section aria-labelledby="timeline-title" class="campaign-timeline">
      <h2 id="timeline-title">{t('campaigns.chart.timeline')}</h2>
      {props.events.length === 0 ? (
        <p>{t('campaigns.chart.noTimeline')}</p>
      ) : (
        <ol>
          {props.events.map((event) => (
            <li data-kind={event.kind}>
              <time datetime={event.date}>{formatDate(lang, event.date)}</time>:{' '}
              {t(`campaigns.timeline.${event.kind}`, {
                title: pick(event, 'title', lang).text,
                count: event.count ?? 0,
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
