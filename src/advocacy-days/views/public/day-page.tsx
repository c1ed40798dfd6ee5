import type { Child } from 'hono/jsx';
import { DemoLabel } from '../../../web/ui/demo-label';
import { useRequestContext } from 'hono/jsx-renderer';
import type { ActionCampaign, AppEnv } from '../../../env';
import type { FormState } from '../../../web/form';
import { formatNumber } from '../../../lib/i18n';
import { ActionColumns, JumpButton } from '../../../web/ui/action-page';
import { formatInZone } from '../../calendar';
import { seatsLeft, type RegistrationClosedReason } from '../../decisions';
import type { DayCounts } from '../../queries/registrations';
import type { AdvocacyDay } from '../../schema';
import { DayTextTag, DayTexts, DayWhenWhere, seatStatus } from '../parts';
import { dayPath, dayWords, isGathering, KIND_LABELS } from '../../kinds';
import { RegistrationForm } from './registration-form';
import { PartOfCampaigns } from '../../../web/ui/part-of-campaigns';
import { RsvpForm } from './rsvp-form';

/**
 * The public page of a day. First: the title, when and where, seats left (or the place on the
 * waitlist to expect), the registration deadline and the button that moves to the form. Then the
 * details beside the registration form (which stays in view on wide screens).
 */
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
  const left = seatsLeft(day.capacity, counts.registered);
  const gathering = isGathering(day);
  const words = dayWords(day);
  const form = {
    action: `${dayPath(day)}/register`,
    values: props.values,
    errors: props.errors,
    full: left === 0,
  };
  return (
    <article class="action-page">
      <DemoLabel of={day} />
      {props.preview ? <p class="notice">{t(words.preview)}</p> : null}
      <header class="action-head">
        {gathering ? <p>{t(KIND_LABELS[day.kind])}</p> : null}
        <DayTextTag day={day} field="title" as="h1" />
        <DayWhenWhere day={day} class="action-facts" />
        <section class="action-status" aria-label={t(words.status)}>
          <p>
            <strong class="status-count">{seatStatus(t, lang, day, counts)}</strong>
          </p>
          <p>
            {props.closed
              ? t(words.closed[props.closed])
              : t(words.deadline, { date: formatInZone(lang, day.registrationDeadline, day.timeZone) })}
          </p>
        </section>
        {props.closed ? null : (
          <JumpButton href="#register" label={left > 0 ? t(words.submit) : t('days.page.joinWaitlist')} />
        )}
      </header>
      <PartOfCampaigns campaigns={props.campaigns} />
      <ActionColumns
        lead={
          <section aria-labelledby="day-details">
            <h2 id="day-details" class="visually-hidden">
              {t('days.page.details')}
            </h2>
            <DayTextTag day={day} field="summary" as="p" />
            <DayTexts day={day} />
          </section>
        }
        form={
          props.closed ? null : (
            <section aria-labelledby="register-heading" id="register" tabindex={-1}>
              <h2 id="register-heading">{t(words.register)}</h2>
              {left === 0 ? (
                <p class="notice">{t(words.full, { waiting: formatNumber(lang, counts.waitlisted) })}</p>
              ) : null}
              {gathering ? <RsvpForm {...form} /> : <RegistrationForm {...form} />}
            </section>
          )
        }
      />
    </article>
  );
}
