import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { ActionListPage } from '../../../web/ui/item-list';
import { formatDayTimes } from '../../calendar';
import type { AdvocacyDay } from '../../schema';
import { DayTextTag } from '../parts';

/** The public list of upcoming days. */
export function DaysIndex(props: { days: AdvocacyDay[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <ActionListPage
      title={t('days.index.title')}
      intro={t('days.index.intro')}
      none={t('days.index.none')}
      items={props.days}
      item={(day) => (
        <>
          <DayTextTag day={day} field="title" as="a" href={`/days/${day.slug}`} />
          <p>
            {formatDayTimes(lang, day)} · {day.placeName}
            <DemoLabel of={day} inline />
          </p>
        </>
      )}
    />
  );
}
