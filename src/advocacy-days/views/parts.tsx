// Pieces shared by the pages of a day: its organizer-written texts, and its details.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDayTimes, mapUrl } from '../calendar';
import type { AdvocacyDay } from '../schema';
import { langAttribute, pick } from '../../lib/bilingual';
import { textLines, type DayTextField } from '../texts';
import { seatsLeft } from '../decisions';
import { dayWords } from '../kinds';
import { formatNumber, type Lang, type Translate } from '../../lib/i18n';

/**
 * An organizer-written text of a day in the reader's language (or the other one when theirs was
 * not written), with a `lang` attribute when it is not in the page's language.
 */
export function DayTextTag(props: {
  day: AdvocacyDay;
  field: DayTextField;
  as: 'h1' | 'p' | 'a' | 'span';
  href?: string;
}): Child {
  const { lang } = useRequestContext<AppEnv>().var;
  const text = pick(props.day, props.field, lang);
  const Tag = props.as;
  return (
    <Tag lang={langAttribute(text, lang)} href={props.href}>
      {text.text}
    </Tag>
  );
}

/** "12 of 40 seats left." or, when full, the place on the waitlist a new person would get. */
export function seatStatus(
  t: Translate,
  lang: Lang,
  day: Pick<AdvocacyDay, 'capacity' | 'kind'>,
  counts: { registered: number; waitlisted: number },
): string {
  const left = seatsLeft(day.capacity, counts.registered);
  const words = dayWords(day);
  return left > 0
    ? t(words.left, {
        count: formatNumber(lang, left),
        capacity: formatNumber(lang, day.capacity),
      })
    : t(words.waitlistNext, { position: formatNumber(lang, counts.waitlisted + 1) });
}

/** When and where a day is, with a link to the map. */
export function DayWhenWhere(props: { day: AdvocacyDay; class?: string }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  return (
    <dl class={props.class}>
      <dt>{t('days.page.when')}</dt>
      <dd>{formatDayTimes(lang, day)}</dd>
      <dt>{t('days.page.where')}</dt>
      <dd>
        {day.placeName}, {day.address} (
        <a href={mapUrl(`${day.placeName}, ${day.address}`)}>{t('days.page.map')}</a>)
      </dd>
    </dl>
  );
}

/** The organizer-written details of a day: agenda, what to bring, accessibility. */
export function DayTexts(props: { day: AdvocacyDay }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const { day } = props;
  const agenda = pick(day, 'agenda', lang);
  const whatToBring = pick(day, 'whatToBring', lang);
  const accessibility = pick(day, 'accessibility', lang);
  return (
    <>
      {textLines(agenda.text).length ? (
        <>
          <h2>{t('days.page.agenda')}</h2>
          <ul lang={langAttribute(agenda, lang)}>
            {textLines(agenda.text).map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      {whatToBring.text.trim() ? (
        <>
          <h2>{t('days.page.whatToBring')}</h2>
          <p lang={langAttribute(whatToBring, lang)}>{whatToBring.text}</p>
        </>
      ) : null}
      {accessibility.text.trim() ? (
        <>
          <h2>{t('days.page.accessibility')}</h2>
          <p lang={langAttribute(accessibility, lang)}>{accessibility.text}</p>
        </>
      ) : null}
    </>
  );
}

/** The details of a day: when, where, agenda, what to bring, accessibility. */
export function DayDetails(props: { day: AdvocacyDay }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <section aria-labelledby="day-details">
      <h2 id="day-details" class="visually-hidden">
        {t('days.page.details')}
      </h2>
      <DayWhenWhere day={props.day} />
      <DayTexts day={props.day} />
    </section>
  );
}
