import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { formatDayTimes } from '../../calendar';
import type { AdvocacyDay } from '../../schema';
import { DayTextTag } from '../parts';

/** The public list of upcoming days. */
export function DaysIndex(props: { days: AdvocacyDay[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <hgroup>
        <h1>{t('days.index.title')}</h1>
        <p>{t('days.index.intro')}</p>
      </hgroup>
      {props.days.length === 0 ? <p>{t('days.index.none')}</p> : null}
      <ul class="action-list">
        {props.days.map((day) => (
          <li>
            <DayTextTag day={day} field="title" as="a" href={`/days/${day.slug}`} />
            <p>
              {formatDayTimes(lang, day)} · {day.placeName}
              {day.isDemo ? <span class="demo-label"> · {t('common.demo')}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
