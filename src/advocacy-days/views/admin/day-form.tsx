import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { statusText } from '../../../web/ui/status-label';
import type { AppEnv } from '../../../env';
import { FieldForm } from '../../../web/form';
import type { FieldRow, FieldSpec, FormState, FormValues } from '../../../web/form';
import { utcToZonedInput } from '../../calendar';
import type { AdvocacyDay } from '../../schema';
import { DAY_OPTIONAL_TEXTS } from '../../validation';
import { GATHERING_KINDS, KIND_LABELS } from '../../kinds';
import type { MessageKey } from '../../../lib/i18n';
import { DAY_STATUS_LABELS, DayNav } from './parts';

/** The time zones a day can be in, by the name organizers know them by. */
const TIME_ZONES = [
  ['America/New_York', 'Eastern'],
  ['America/Chicago', 'Central'],
  ['America/Denver', 'Mountain'],
  ['America/Phoenix', 'Arizona'],
  ['America/Los_Angeles', 'Pacific'],
] as const;

/** Every field of the day form: the ones a day needs, then the texts an organizer may leave empty. */
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
  'status',
  ...DAY_OPTIONAL_TEXTS,
] as const;

/** The texts only an advocacy day has: what teams carry to their legislators. */
const PACKET_TEXTS = ['talkingPoints', 'leaveBehind'];

/** When and where the day is, and how many it seats. */
const WHEN_AND_WHERE: FieldSpec[] = [
  { kind: 'text', name: 'startsAt', type: 'datetime-local', required: true },
  { kind: 'text', name: 'endsAt', type: 'datetime-local', required: true },
  { kind: 'text', name: 'registrationDeadline', type: 'datetime-local', required: true },
  { kind: 'select', name: 'timeZone', required: true, options: TIME_ZONES },
  { kind: 'text', name: 'placeName', required: true, maxlength: 160 },
  { kind: 'text', name: 'address', required: true, maxlength: 300 },
  { kind: 'text', name: 'state', required: true, maxlength: 2 },
  { kind: 'text', name: 'capacity', type: 'number', inputmode: 'numeric', required: true },
];

/** A field and its optional Spanish twin (`<name>Es`: same size, never required). */
function withSpanish(spec: FieldSpec): FieldSpec[] {
  return [spec, { ...spec, name: `${spec.name}Es`, required: undefined }];
}

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
    kind: day.kind,
  };
}

/** The heading (and page title) of the day form. */
export function dayFormTitle(gathering: boolean, editing: boolean): MessageKey {
  if (gathering) return editing ? 'gatherings.admin.edit' : 'gatherings.admin.new';
  return editing ? 'days.admin.editDay' : 'days.admin.newDay';
}

/**
 * Create or edit a day, or (with `gathering`) a gathering: its kind first, and no talking points or
 * leave-behind.
 */
export function DayFormPage(
  props: FormState & {
    day?: AdvocacyDay;
    action: string;
    gathering: boolean;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { gathering } = props;
  const labels: Record<string, string> = {
    ...Object.fromEntries(DAY_FIELDS.map((name) => [name, t(`days.dayField.${name}`)])),
    kind: t('gatherings.field.kind'),
    ...(gathering
      ? {
          slug: t('gatherings.field.slug'),
          registrationDeadline: t('gatherings.field.registrationDeadline'),
          state: t('gatherings.field.state'),
          capacity: t('gatherings.field.capacity'),
        }
      : {}),
  };
  const spanishHint = t('days.dayHint.spanish');
  const hints: Record<string, string> = {
    ...Object.fromEntries(
      DAY_FIELDS.filter((name) => name.endsWith('Es')).map((name) => [name, spanishHint]),
    ),
    slug: t(gathering ? 'gatherings.hint.slug' : 'days.dayHint.slug'),
    state: t(gathering ? 'gatherings.hint.state' : 'days.dayHint.state'),
    agenda: t('days.dayHint.agenda'),
    talkingPoints: t('days.dayHint.packet'),
    leaveBehind: t('days.dayHint.packet'),
  };
  const statuses = (['draft', 'published'] as const).map(
    (status) => [status, statusText(t, DAY_STATUS_LABELS, status)] as const,
  );
  const kinds = GATHERING_KINDS.map((kind) => [kind, t(KIND_LABELS[kind])] as const);
  const fields: FieldRow[] = [
    ...(gathering ? [{ kind: 'select', name: 'kind', required: true, options: kinds } as const] : []),
    ...withSpanish({ kind: 'text', name: 'title', required: true, maxlength: 160 }),
    { kind: 'text', name: 'slug', required: true, maxlength: 80 },
    ...withSpanish({ kind: 'area', name: 'summary', required: true, rows: 3 }),
    { kind: 'select', name: 'status', required: true, options: statuses },
    ...WHEN_AND_WHERE,
    ...withSpanish({ kind: 'area', name: 'agenda', rows: 5 }),
    ...withSpanish({ kind: 'area', name: 'whatToBring', rows: 2 }),
    ...withSpanish({ kind: 'area', name: 'accessibility', rows: 3 }),
    ...(gathering ? [] : PACKET_TEXTS.flatMap((name) => withSpanish({ kind: 'area', name, rows: 8 }))),
  ];
  return (
    <>
      {props.day ? <DayNav day={props.day} /> : null}
      <h1>{t(dayFormTitle(gathering, Boolean(props.day)))}</h1>
      <FieldForm
        action={props.action}
        submit={t('common.save')}
        fields={fields}
        labels={labels}
        hints={hints}
        state={props}
      />
    </>
  );
}
