import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import {
  BotCheck,
  ErrorSummary,
  TextArea,
  TextField,
  valueOf,
  type FormErrors,
  type FormValues,
} from '../../web/form';
import { formalName } from '../../officials/links';
import type { Official } from '../../officials/schema';
import { OfficialLine, useLabels } from './request-parts';

/** Step one: who is asking, for whom, why, when, and who else comes. */
export function RequestForm(props: { official: Official; values?: FormValues; errors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = useLabels();
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <h1>{t('meetings.new.title', { name: formalName(t, props.official) })}</h1>
      <OfficialLine official={props.official} />
      <p>{t('meetings.new.intro')}</p>
      <ErrorSummary errors={e} labels={labels} />
      <form method="post" action="/meetings/new">
        <input type="hidden" name="official" value={props.official.id} />
        <input type="hidden" name="campaign" value={valueOf(v, 'campaign')} />
        <fieldset>
          <legend>{t('meetings.new.aboutYou')}</legend>
          <TextField
            name="senderName"
            label={labels.senderName!}
            values={v}
            errors={e}
            autocomplete="name"
            maxlength={100}
            required
          />
          <TextField
            name="senderEmail"
            type="email"
            label={labels.senderEmail!}
            hint={t('meetings.field.senderEmailHint')}
            values={v}
            errors={e}
            autocomplete="email"
            required
          />
          <TextField
            name="senderPhone"
            type="tel"
            label={labels.senderPhone!}
            values={v}
            errors={e}
            autocomplete="tel"
            maxlength={40}
          />
          <TextField
            name="groupName"
            label={labels.groupName!}
            hint={t('meetings.field.groupNameHint')}
            values={v}
            errors={e}
            autocomplete="organization"
            maxlength={160}
            required
          />
          <TextField
            name="city"
            label={labels.city!}
            values={v}
            errors={e}
            autocomplete="address-level2"
            maxlength={100}
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t('meetings.new.aboutMeeting')}</legend>
          <TextArea
            name="purpose"
            label={labels.purpose!}
            hint={t('meetings.field.purposeHint')}
            values={v}
            errors={e}
            rows={3}
            maxlength={1000}
            required
          />
          <TextArea
            name="proposedDates"
            label={labels.proposedDates!}
            hint={t('meetings.field.proposedDatesHint')}
            values={v}
            errors={e}
            rows={3}
            maxlength={500}
            required
          />
          <TextArea
            name="attendees"
            label={labels.attendees!}
            hint={t('meetings.field.attendeesHint')}
            values={v}
            errors={e}
            rows={4}
            maxlength={2000}
          />
          <TextArea
            name="story"
            label={labels.story!}
            hint={t('meetings.field.storyHint')}
            values={v}
            errors={e}
            rows={5}
            maxlength={3000}
          />
        </fieldset>
        <BotCheck />
        <button type="submit">{t('meetings.new.preview')}</button>
      </form>
    </>
  );
}
