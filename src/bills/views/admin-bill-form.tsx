import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import { US_STATES } from '../../web/fields';
import { positionLabelKey } from '../links';
import { BILL_POSITIONS, CALL_TO_ACTION_KINDS } from '../schema';
import { CTA_ROWS } from '../validation';

/** What one of the organizer's bill forms shows back after a refusal: the messages and their input. */
export type FormState = { errors: FormErrors; values: FormValues };

/** The bill add/edit form (both languages of every text). */
export function BillForm(props: { action: string; errors?: FormErrors; values?: FormValues }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const common = { values: props.values, errors: props.errors };
  const labels: Record<string, string> = {
    state: t('bills.admin.field.state'),
    session: t('bills.admin.field.session'),
    identifier: t('bills.admin.field.identifier'),
    title: t('bills.admin.field.title'),
    titleEs: t('bills.admin.field.titleEs'),
    position: t('bills.admin.field.position'),
    summaryEn: t('bills.admin.field.summaryEn'),
    summaryEs: t('bills.admin.field.summaryEs'),
    analysisEn: t('bills.admin.field.analysisEn'),
    analysisEs: t('bills.admin.field.analysisEs'),
    talkingPointsEn: t('bills.admin.field.talkingPointsEn'),
    talkingPointsEs: t('bills.admin.field.talkingPointsEs'),
    sources: t('bills.admin.field.sources'),
  };
  for (let i = 0; i < CTA_ROWS; i++) labels[`cta${i}Url`] = t('bills.admin.cta', { n: i + 1 });
  return (
    <form method="post" action={props.action} novalidate>
      <ErrorSummary errors={props.errors} labels={labels} />
      <div class="grid">
        <SelectField
          name="state"
          label={labels.state!}
          options={US_STATES.map((s) => [s, s] as const)}
          required
          {...common}
        />
        <TextField name="session" label={labels.session!} required maxlength={40} {...common} />
        <TextField name="identifier" label={labels.identifier!} required maxlength={40} {...common} />
      </div>
      <TextField name="title" label={labels.title!} required maxlength={500} {...common} />
      <TextField name="titleEs" label={labels.titleEs!} maxlength={500} {...common} />
      <SelectField
        name="position"
        label={labels.position!}
        options={BILL_POSITIONS.map((p) => [p, t(positionLabelKey(p))] as const)}
        required
        {...common}
      />
      <div class="grid">
        <TextArea name="summaryEn" label={labels.summaryEn!} rows={5} {...common} />
        <TextArea name="summaryEs" label={labels.summaryEs!} rows={5} {...common} />
      </div>
      <div class="grid">
        <TextArea name="analysisEn" label={labels.analysisEn!} rows={5} {...common} />
        <TextArea name="analysisEs" label={labels.analysisEs!} rows={5} {...common} />
      </div>
      <div class="grid">
        <TextArea name="talkingPointsEn" label={labels.talkingPointsEn!} rows={5} {...common} />
        <TextArea name="talkingPointsEs" label={labels.talkingPointsEs!} rows={5} {...common} />
      </div>
      {Array.from({ length: CTA_ROWS }, (_, i) => (
        <fieldset>
          <legend>{t('bills.admin.cta', { n: i + 1 })}</legend>
          <SelectField
            name={`cta${i}Kind`}
            label={t('bills.admin.field.ctaKind')}
            options={CALL_TO_ACTION_KINDS.map((k) => [k, t(`bills.ctaKind.${k}`)] as const)}
            required
            {...common}
          />
          <TextField name={`cta${i}Url`} label={t('bills.admin.field.ctaUrl')} {...common} />
          <div class="grid">
            <TextField name={`cta${i}LabelEn`} label={t('bills.admin.field.ctaLabelEn')} {...common} />
            <TextField name={`cta${i}LabelEs`} label={t('bills.admin.field.ctaLabelEs')} {...common} />
          </div>
        </fieldset>
      ))}
      <TextArea name="sources" label={labels.sources!} rows={3} {...common} />
      <CheckboxField name="tracked" label={t('bills.admin.field.tracked')} {...common} />
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
