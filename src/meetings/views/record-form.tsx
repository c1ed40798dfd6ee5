import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ErrorSummary, SelectField, TextArea, TextField, type FormValues } from '../../web/form';
import { stanceLabel } from '../../officials/links';
import { STANCES } from '../../officials/schema';
import type { MeetingPageProps } from './parts';

/** What happened in the meeting: date, stance perceived, up to three commitments, next steps. */
export function RecordForm(props: MeetingPageProps & { action: string }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const m = props.meeting;
  const defaults: FormValues = {
    heldOn: m.heldOn ?? (m.scheduledFor ?? new Date().toISOString()).slice(0, 10),
    stancePerceived: m.stancePerceived ?? 'unknown',
    nextSteps: m.nextSteps ?? '',
    debriefNotes: m.debriefNotes ?? '',
  };
  props.commitments.slice(0, 3).forEach((c, index) => {
    defaults[`commitment${index + 1}`] = c.text;
    defaults[`bill${index + 1}`] = c.billId ?? '';
    defaults[`followUp${index + 1}`] = c.followUpOn ?? '';
  });
  const values = props.form === 'record' ? props.values : defaults;
  const errors = props.form === 'record' ? props.errors : undefined;
  const billOptions = props.bills.map(
    (bill) => [bill.id, `${bill.identifier}: ${bill.title}`.slice(0, 90)] as const,
  );
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">
        {t(m.status === 'held' ? 'meetings.outcome.edit' : 'meetings.outcome.record')}
      </h2>
      <p>{t('meetings.outcome.intro')}</p>
      <ErrorSummary
        errors={errors}
        labels={{
          heldOn: t('meetings.field.heldOn'),
          stancePerceived: t('meetings.field.stancePerceived'),
          commitment1: t('meetings.field.commitment', { n: 1 }),
          commitment2: t('meetings.field.commitment', { n: 2 }),
          commitment3: t('meetings.field.commitment', { n: 3 }),
        }}
      />
      <form method="post" action={props.action}>
        <div class="grid">
          <TextField
            name="heldOn"
            type="date"
            label={t('meetings.field.heldOn')}
            values={values}
            errors={errors}
            required
          />
          <SelectField
            name="stancePerceived"
            label={t('meetings.field.stancePerceived')}
            values={values}
            errors={errors}
            options={STANCES.map((s) => [s, stanceLabel(t, s)] as const)}
            required
          />
        </div>
        {[1, 2, 3].map((n) => (
          <fieldset>
            <legend>{t('meetings.field.commitment', { n })}</legend>
            <TextArea
              name={`commitment${n}`}
              label={t('meetings.field.commitmentText')}
              values={values}
              errors={errors}
              rows={2}
              maxlength={500}
            />
            <div class="grid">
              {billOptions.length ? (
                <SelectField
                  name={`bill${n}`}
                  label={t('meetings.field.bill')}
                  values={values}
                  errors={errors}
                  options={billOptions}
                  placeholder={t('common.none')}
                />
              ) : null}
              <TextField
                name={`followUp${n}`}
                type="date"
                label={t('meetings.field.followUpOn')}
                values={values}
                errors={errors}
              />
            </div>
          </fieldset>
        ))}
        <TextArea
          name="nextSteps"
          label={t('meetings.field.nextSteps')}
          values={values}
          errors={errors}
          rows={3}
          maxlength={2000}
        />
        <TextArea
          name="debriefNotes"
          label={t('meetings.field.debriefNotes')}
          hint={t('meetings.field.debriefNotesHint')}
          values={values}
          errors={errors}
          rows={4}
          maxlength={4000}
        />
        <button type="submit">{t('meetings.outcome.button')}</button>
      </form>
    </section>
  );
}
