import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { CheckboxField, ErrorSummary, SelectField, TextField } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import { roleLabel } from '../links';
import { MANUAL_ROLES } from '../schema';
import { stateOptions } from '../validation';

/** Add or edit a hand-added official. */
export function ManualOfficialForm(props: {
  action: string;
  heading: string;
  values?: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels: Record<string, string> = {
    name: t('officials.admin.name'),
    state: t('officials.admin.state'),
    chamber: t('officials.admin.role'),
    title: t('officials.admin.titleField'),
    email: t('officials.admin.email'),
    link: t('officials.admin.link'),
  };
  const v = props.values ?? { lang: 'en', inOffice: 'on' };
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary errors={props.errors} labels={labels} />
      <form method="post" action={props.action}>
        <TextField
          name="name"
          label={labels.name!}
          values={v}
          errors={props.errors}
          required
          maxlength={120}
        />
        <div class="grid">
          <TextField
            name="givenName"
            label={t('officials.admin.givenName')}
            values={v}
            errors={props.errors}
          />
          <TextField
            name="familyName"
            label={t('officials.admin.familyName')}
            values={v}
            errors={props.errors}
          />
        </div>
        <div class="grid">
          <SelectField
            name="state"
            label={labels.state!}
            values={v}
            errors={props.errors}
            options={stateOptions}
            placeholder=""
            required
          />
          <SelectField
            name="chamber"
            label={labels.chamber!}
            values={v}
            errors={props.errors}
            options={MANUAL_ROLES.map((role) => [role, roleLabel(t, role)] as const)}
            placeholder=""
            required
          />
        </div>
        <TextField
          name="title"
          label={labels.title!}
          hint={t('officials.admin.titleHint')}
          values={v}
          errors={props.errors}
          required
        />
        <div class="grid">
          <TextField name="district" label={t('officials.admin.district')} values={v} errors={props.errors} />
          <TextField
            name="jurisdictionName"
            label={t('officials.admin.jurisdiction')}
            values={v}
            errors={props.errors}
          />
          <TextField name="party" label={t('officials.admin.party')} values={v} errors={props.errors} />
        </div>
        <TextField name="email" type="email" label={labels.email!} values={v} errors={props.errors} />
        <div class="grid">
          <TextField
            name="phone"
            type="tel"
            label={t('officials.admin.phone')}
            values={v}
            errors={props.errors}
          />
          <TextField name="link" type="url" label={labels.link!} values={v} errors={props.errors} />
        </div>
        <TextField name="address" label={t('officials.admin.address')} values={v} errors={props.errors} />
        <SelectField
          name="lang"
          label={t('officials.admin.lang')}
          values={v}
          options={[
            ['en', t('common.english')],
            ['es', t('common.spanish')],
          ]}
          required
        />
        <CheckboxField name="inOffice" label={t('officials.admin.inOffice')} values={v} />
        <button type="submit">{t('common.save')}</button>
      </form>
    </>
  );
}
