// Pieces both steps of the meeting request share: the detail fields, their labels, the official.
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { officialPath, roleLabel } from '../../officials/links';
import type { FieldSpec } from '../../web/form';
import type { Official } from '../../officials/schema';

/** The fields of step one, carried through step two in hidden inputs. */
export const DETAIL_FIELDS = [
  'senderName',
  'senderEmail',
  'senderPhone',
  'groupName',
  'city',
  'purpose',
  'proposedDates',
  'attendees',
  'story',
  'campaign',
] as const;

/** The labels of the request's fields, for the error summaries of both steps. */
export function useLabels(): Record<string, string> {
  const { t } = useRequestContext<AppEnv>().var;
  return {
    senderName: t('meetings.field.senderName'),
    senderEmail: t('meetings.field.senderEmail'),
    senderPhone: t('meetings.field.senderPhone'),
    groupName: t('meetings.field.groupName'),
    city: t('meetings.field.city'),
    purpose: t('meetings.field.purpose'),
    proposedDates: t('meetings.field.proposedDates'),
    attendees: t('meetings.field.attendees'),
    story: t('meetings.field.story'),
    subject: t('meetings.field.subject'),
    body: t('meetings.field.body'),
    _form: t('meetings.field.form'),
  };
}

/** Who the request is for: name linked to their page, office, district, state. */
export function OfficialLine(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <p>
      <a href={officialPath(o)}>{o.name}</a> · {roleLabel(t, o.chamber)}
      {o.district ? ` · ${t('officials.district', { district: o.district })}` : ''} · {o.state.toUpperCase()}
    </p>
  );
}

/** The subject and body of an email a person reviews before it goes (the request, a thank-you). */
export const EMAIL_DRAFT_FIELDS: FieldSpec[] = [
  { kind: 'text', name: 'subject', maxlength: 200, required: true },
  { kind: 'area', name: 'body', rows: 18, maxlength: 10000, required: true },
];
