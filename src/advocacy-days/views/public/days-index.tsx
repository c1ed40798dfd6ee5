import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { ActionListPage } from '../../../web/ui/item-list';
import { formatDayTimes } from '../../calendar';
import { dayPath, isGathering, KIND_LABELS, type DaySection } from '../../kinds';
import type { AdvocacyDay } from '../../schema';
import { DayTextTag } from '../parts';

/** The public list of upcoming advocacy days, or of upcoming gatherings with their kind. */
export function DaysIndex(props: { days: AdvocacyDay[]; section: DaySection }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const days = props.section === 'days';
  return (
    <ActionListPage
      title={t(days ? 'days.index.title' : 'gatherings.index.title')}
      intro={t(days ? 'days.index.intro' : 'gatherings.index.intro')}
      none={t(days ? 'days.index.none' : 'gatherings.index.none')}
      items={props.days}
      item={(day) => (
        <>
          <DayTextTag day={day} field="title" as="a" href={dayPath(day)} />
          <p>
            {isGathering(day) ? `${t(KIND_LABELS[day.kind])} · ` : ''}
            {formatDayTimes(lang, day)} · {day.placeName}
            <DemoLabel of={day} inline />
          </p>
        </>
      )}
    />
  );
}
