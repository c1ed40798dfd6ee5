import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../../env';
import { EMAIL_FIELD, FieldList, LANGUAGE_OPTIONS } from '../../../web/form';
import { SeatForm } from './registration-form';
import type { FieldSpec, FormState } from '../../../web/form';

/**
 * The RSVP to a gathering, also used to change one's RSVP (without the email): a name, the email,
 * a phone only if the person wants texts on the day, and the language of our emails.
 */
export function RsvpForm(props: FormState & { action: string; full?: boolean; change?: boolean }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const labels = {
    name: t('days.field.name'),
    email: t('days.field.email'),
    phone: t('days.field.phone'),
    language: t('gatherings.field.language'),
  };
  const fields: FieldSpec[] = [
    { kind: 'text', name: 'name', required: true, autocomplete: 'name', maxlength: 120 },
    ...(props.change ? [] : [EMAIL_FIELD]),
    { kind: 'text', name: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 40 },
    {
      kind: 'choices',
      name: 'language',
      required: true,
      options: LANGUAGE_OPTIONS,
      value: props.values?.language ?? lang,
    },
  ];
  return (
    <SeatForm {...props} labels={labels} feature="gatherings">
      <FieldList
        fields={fields}
        labels={labels}
        hints={{ phone: t('gatherings.hint.phone') }}
        state={props}
      />
    </SeatForm>
  );
}
