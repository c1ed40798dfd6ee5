import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { statusText } from '../../../web/ui/status-label';
import type { AppEnv } from '../../../env';
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../web/form';
import type { FormErrors, FormValues } from '../../../web/form';
import { utcToZonedInput } from '../../calendar';
import type { AdvocacyDay } from '../../schema';
import { DAY_STATUS_LABELS, DayNav } from './parts';

const DAY_FIELDS = [
  'slug',
  'title',
  'summary',
  'startsAt',
  'endsAt',
  'registrationDeadline',
  'timeZone',
  'placeName',
  'address',
  'state',
  'capacity',
  'agenda',
  'whatToBring',
  'accessibility',
  'talkingPoints',
  'leaveBehind',
  'status',
  'titleEs',
  'summaryEs',
  'agendaEs',
  'whatToBringEs',
  'accessibilityEs',
  'talkingPointsEs',
  'leaveBehindEs',
] as const;

/** The values of the day form for an existing day. */
export function dayFormValues(day: AdvocacyDay): FormValues {
  return {
    slug: day.slug,
    title: day.title,
    summary: day.summary,
    startsAt: utcToZonedInput(day.startsAt, day.timeZone),
    endsAt: utcToZonedInput(day.endsAt, day.timeZone),
    registrationDeadline: utcToZonedInput(day.registrationDeadline, day.timeZone),
    timeZone: day.timeZone,
    placeName: day.placeName,
    address: day.address,
    state: day.state.toUpperCase(),
    capacity: String(day.capacity),
    agenda: day.agenda,
    whatToBring: day.whatToBring,
    accessibility: day.accessibility,
    talkingPoints: day.talkingPoints,
    leaveBehind: day.leaveBehind,
    titleEs: day.titleEs,
    summaryEs: day.summaryEs,
    agendaEs: day.agendaEs,
    whatToBringEs: day.whatToBringEs,
    accessibilityEs: day.accessibilityEs,
    talkingPointsEs: day.talkingPointsEs,
    leaveBehindEs: day.leaveBehindEs,
    status: day.status,
  };
}

/** Create or edit a day. */
export function DayFormPage(props: {
  day?: AdvocacyDay;
  action: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = Object.fromEntries(DAY_FIELDS.map((name) => [name, t(`days.dayField.${name}`)]));
  const common = { values: props.values, errors: props.errors };
  const spanish = { hint: t('days.dayHint.spanish'), ...common };
  return (
    <>
      {props.day ? <DayNav day={props.day} /> : null}
      <h1>{props.day ? t('days.admin.editDay') : t('days.admin.newDay')}</h1>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={props.errors} labels={labels} />
        <TextField name="title" label={labels.title!} required maxlength={160} {...common} />
        <TextField name="titleEs" label={labels.titleEs!} maxlength={160} {...spanish} />
        <TextField
          name="slug"
          label={labels.slug!}
          hint={t('days.dayHint.slug')}
          required
          maxlength={80}
          {...common}
        />
        <TextArea name="summary" label={labels.summary!} required rows={3} {...common} />
        <TextArea name="summaryEs" label={labels.summaryEs!} rows={3} {...spanish} />
        <SelectField
          name="status"
          label={labels.status!}
          required
          options={(['draft', 'published'] as const).map((status) => [
            status,
            statusText(t, DAY_STATUS_LABELS, status),
          ])}
          {...common}
        />
        <TextField name="startsAt" type="datetime-local" label={labels.startsAt!} required {...common} />
        <TextField name="endsAt" type="datetime-local" label={labels.endsAt!} required {...common} />
        <TextField
          name="registrationDeadline"
          type="datetime-local"
          label={labels.registrationDeadline!}
          required
          {...common}
        />
        <SelectField
          name="timeZone"
          label={labels.timeZone!}
          required
          options={[
            ['America/New_York', 'Eastern'],
            ['America/Chicago', 'Central'],
            ['America/Denver', 'Mountain'],
            ['America/Phoenix', 'Arizona'],
            ['America/Los_Angeles', 'Pacific'],
          ]}
          {...common}
        />
        <TextField name="placeName" label={labels.placeName!} required maxlength={160} {...common} />
        <TextField name="address" label={labels.address!} required maxlength={300} {...common} />
        <TextField
          name="state"
          label={labels.state!}
          hint={t('days.dayHint.state')}
          required
          maxlength={2}
          {...common}
        />
        <TextField
          name="capacity"
          type="number"
          inputmode="numeric"
          label={labels.capacity!}
          required
          {...common}
        />
        <TextArea name="agenda" label={labels.agenda!} hint={t('days.dayHint.agenda')} rows={5} {...common} />
        <TextArea name="agendaEs" label={labels.agendaEs!} rows={5} {...spanish} />
        <TextArea name="whatToBring" label={labels.whatToBring!} rows={2} {...common} />
        <TextArea name="whatToBringEs" label={labels.whatToBringEs!} rows={2} {...spanish} />
        <TextArea name="accessibility" label={labels.accessibility!} rows={3} {...common} />
        <TextArea name="accessibilityEs" label={labels.accessibilityEs!} rows={3} {...spanish} />
        <TextArea
          name="talkingPoints"
          label={labels.talkingPoints!}
          hint={t('days.dayHint.packet')}
          rows={8}
          {...common}
        />
        <TextArea name="talkingPointsEs" label={labels.talkingPointsEs!} rows={8} {...spanish} />
        <TextArea
          name="leaveBehind"
          label={labels.leaveBehind!}
          hint={t('days.dayHint.packet')}
          rows={8}
          {...common}
        />
        <TextArea name="leaveBehindEs" label={labels.leaveBehindEs!} rows={8} {...spanish} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </>
  );
}
