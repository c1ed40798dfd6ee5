import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, ErrorSummary, FieldList, valueOf } from '../../web/form';
import type { FieldRow, FormErrors, FormValues } from '../../web/form';
import { formalName } from '../../officials/links';
import type { Official } from '../../officials/schema';
import { OfficialLine, useLabels } from './request-parts';

/** The requester's fields, in order (labels and hints come from the form's own maps). */
const ABOUT_YOU: FieldRow[] = [
  { kind: 'text', name: 'senderName', autocomplete: 'name', maxlength: 100, required: true },
  { kind: 'text', name: 'senderEmail', type: 'email', autocomplete: 'email', required: true },
  { kind: 'text', name: 'senderPhone', type: 'tel', autocomplete: 'tel', maxlength: 40 },
  { kind: 'text', name: 'groupName', autocomplete: 'organization', maxlength: 160, required: true },
  { kind: 'text', name: 'city', autocomplete: 'address-level2', maxlength: 100, required: true },
];

/** The meeting's fields, in order. */
const ABOUT_MEETING: FieldRow[] = [
  { kind: 'area', name: 'purpose', rows: 3, maxlength: 1000, required: true },
  { kind: 'area', name: 'proposedDates', rows: 3, maxlength: 500, required: true },
  { kind: 'area', name: 'attendees', rows: 4, maxlength: 2000 },
  { kind: 'area', name: 'story', rows: 5, maxlength: 3000 },
];

/** Step one: who is asking, for whom, why, when, and who else comes. */
export function RequestForm(props: { official: Official; values?: FormValues; errors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = useLabels();
  const hints = {
    senderEmail: t('meetings.field.senderEmailHint'),
    groupName: t('meetings.field.groupNameHint'),
    purpose: t('meetings.field.purposeHint'),
    proposedDates: t('meetings.field.proposedDatesHint'),
    attendees: t('meetings.field.attendeesHint'),
    story: t('meetings.field.storyHint'),
  };
  const fields = { labels, hints, state: props };
  return (
    <>
      <h1>{t('meetings.new.title', { name: formalName(t, props.official) })}</h1>
      <OfficialLine official={props.official} />
      <p>{t('meetings.new.intro')}</p>
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action="/meetings/new">
        <input type="hidden" name="official" value={props.official.id} />
        <input type="hidden" name="campaign" value={valueOf(props.values, 'campaign')} />
        <FieldList legend={t('meetings.new.aboutYou')} fields={ABOUT_YOU} {...fields} />
        <FieldList legend={t('meetings.new.aboutMeeting')} fields={ABOUT_MEETING} {...fields} />
        <BotCheck />
        <button type="submit">{t('meetings.new.preview')}</button>
      </form>
    </>
  );
}
