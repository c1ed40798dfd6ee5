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
import { formalName, officialPath, roleLabel } from '../../officials/links';
import type { Official } from '../../officials/schema';

const DETAIL_FIELDS = [
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

function useLabels(): Record<string, string> {
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

function OfficialLine(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const o = props.official;
  return (
    <p>
      <a href={officialPath(o)}>{o.name}</a> · {roleLabel(t, o.chamber)}
      {o.district ? ` · ${t('officials.district', { district: o.district })}` : ''} · {o.state.toUpperCase()}
    </p>
  );
}

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

/** Step two: the exact email, editable, with every detail carried in hidden fields. */
export function PreviewForm(props: { official: Official; values: FormValues; errors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = useLabels();
  const v = props.values;
  return (
    <>
      <h1>{t('meetings.preview.title')}</h1>
      <OfficialLine official={props.official} />
      <p>{t('meetings.preview.intro')}</p>
      <ErrorSummary errors={props.errors} labels={labels} />
      <dl class="email-headers">
        <dt>{t('meetings.preview.to')}</dt>
        <dd>
          {props.official.name} &lt;{props.official.email}&gt;
        </dd>
        <dt>{t('meetings.preview.replyTo')}</dt>
        <dd>{valueOf(v, 'senderEmail')}</dd>
        <dt>{t('meetings.preview.copy')}</dt>
        <dd>{valueOf(v, 'senderEmail')}</dd>
      </dl>
      <form method="post" action="/meetings/new/send">
        <input type="hidden" name="official" value={props.official.id} />
        {DETAIL_FIELDS.map((name) => (
          <input type="hidden" name={name} value={valueOf(v, name)} />
        ))}
        <TextField
          name="subject"
          label={labels.subject!}
          values={v}
          errors={props.errors}
          maxlength={200}
          required
        />
        <TextArea
          name="body"
          label={labels.body!}
          values={v}
          errors={props.errors}
          rows={18}
          maxlength={10000}
          required
        />
        <p>{t('meetings.preview.confirmFirst')}</p>
        <BotCheck />
        <button type="submit">{t('meetings.preview.send')}</button>
      </form>
      <form method="post" action="/meetings/new" class="secondary-form">
        <input type="hidden" name="official" value={props.official.id} />
        <input type="hidden" name="back" value="1" />
        {DETAIL_FIELDS.map((name) => (
          <input type="hidden" name={name} value={valueOf(v, name)} />
        ))}
        <BotCheck />
        <button type="submit" class="secondary">
          {t('meetings.preview.backToDetails')}
        </button>
      </form>
    </>
  );
}

/** After step two: the confirmation email is on its way. */
export function CheckEmailPage(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('meetings.checkEmail.title')}</h1>
      <p>{t('meetings.checkEmail.body', { name: props.official.name })}</p>
      <p>{t('meetings.checkEmail.nothingSent')}</p>
      <p>
        <a href={officialPath(props.official)}>{t('meetings.backToOfficial')}</a>
      </p>
    </>
  );
}

/** Too many requests from this address today. */
export function SenderLimitPage(): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('meetings.limit.title')}</h1>
      <p>{t('meetings.limit.sender')}</p>
    </>
  );
}
