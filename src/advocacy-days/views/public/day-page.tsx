import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActionCampaign, AppEnv } from '../../../env';
import type { FormState } from '../../../web/form';
import { formatNumber } from '../../../lib/i18n';
import { formatInZone } from '../../calendar';
import type { RegistrationClosedReason } from '../../decisions';
import type { DayCounts } from '../../queries/registrations';
import type { AdvocacyDay } from '../../schema';
import { DayDetails, DayTextTag } from '../parts';
import { RegistrationForm } from './registration-form';
import { PartOfCampaigns } from '../../../web/ui/part-of-campaigns';

/** The public page of a day with the registration form (or why registration is closed). */
export function DayPage(
  props: FormState & {
    day: AdvocacyDay;
    counts: DayCounts;
    closed: RegistrationClosedReason | null;
    preview?: boolean;
    campaigns?: ActionCampaign[];
  },
): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day, counts } = props;
  const left = Math.max(0, day.capacity - counts.registered);
  return (
    <article>
      <hgroup>
        <DayTextTag day={day} field="title" as="h1" />
        <DayTextTag day={day} field="summary" as="p" />
      </hgroup>
      <DemoLabel of={day} />
      <PartOfCampaigns campaigns={props.campaigns} />
      {props.preview ? <p class="notice">{t('days.page.preview')}</p> : null}
      <DayDetails day={day} />
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">{t('days.page.register')}</h2>
        <p class="notice">
          {left > 0
            ? t('days.page.seatsLeft', {
                count: formatNumber(lang, left),
                capacity: formatNumber(lang, day.capacity),
              })
            : t('days.page.full', { waiting: formatNumber(lang, counts.waitlisted) })}
          <br />
          {t('days.page.deadline', { date: formatInZone(lang, day.registrationDeadline, day.timeZone) })}
        </p>
        {props.closed ? (
          <p>{t(`days.closed.${props.closed}`)}</p>
        ) : (
          <RegistrationForm
            action={`/days/${day.slug}/register`}
            values={props.values}
            errors={props.errors}
            full={left === 0}
          />
        )}
      </section>
    </article>
  );
}
