import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ErrorSummary, FieldList } from '../../web/form';
import type { FieldRow, FormState } from '../../web/form';
import { roleLabel } from '../links';
import { MANUAL_ROLES } from '../schema';
import { stateOptions } from '../validation';

/** Add or edit a hand-added official. */
export function ManualOfficialForm(
  props: FormState & {
    action: string;
    heading: string;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels: Record<string, string> = {
    name: t('officials.admin.name'),
    state: t('officials.admin.state'),
    chamber: t('officials.admin.role'),
    title: t('officials.admin.titleField'),
    email: t('officials.admin.email'),
    link: t('officials.admin.link'),
  };
  const state = { values: props.values ?? { lang: 'en', inOffice: 'on' }, errors: props.errors };
  const label = (
    key: 'givenName' | 'familyName' | 'district' | 'jurisdiction' | 'party' | 'phone' | 'address',
  ) => t(`officials.admin.${key}`);
  // Fields without an entry in `labels` name themselves, so the error summary shows only their message.
  const chambers = MANUAL_ROLES.map((role) => [role, roleLabel(t, role)] as const);
  const languages = [
    ['en', t('common.english')],
    ['es', t('common.spanish')],
  ] as const;
  const fields: FieldRow[] = [
    { kind: 'text', name: 'name', required: true, maxlength: 120 },
    [
      { kind: 'text', name: 'givenName', label: label('givenName') },
      { kind: 'text', name: 'familyName', label: label('familyName') },
    ],
    [
      { kind: 'select', name: 'state', options: stateOptions, placeholder: '', required: true },
      { kind: 'select', name: 'chamber', options: chambers, placeholder: '', required: true },
    ],
    { kind: 'text', name: 'title', required: true },
    [
      { kind: 'text', name: 'district', label: label('district') },
      { kind: 'text', name: 'jurisdictionName', label: label('jurisdiction') },
      { kind: 'text', name: 'party', label: label('party') },
    ],
    { kind: 'text', name: 'email', type: 'email' },
    [
      { kind: 'text', name: 'phone', type: 'tel', label: label('phone') },
      { kind: 'text', name: 'link', type: 'url' },
    ],
    { kind: 'text', name: 'address', label: label('address') },
    { kind: 'select', name: 'lang', label: t('officials.admin.lang'), options: languages, required: true },
    { kind: 'checkbox', name: 'inOffice', label: t('officials.admin.inOffice') },
  ];
  return (
    <>
      <h1>{props.heading}</h1>
      <ErrorSummary errors={state.errors} labels={labels} />
      <form method="post" action={props.action}>
        <FieldList
          labels={labels}
          hints={{ title: t('officials.admin.titleHint') }}
          state={state}
          fields={fields}
        />
        <button type="submit">{t('common.save')}</button>
      </form>
    </>
  );
}
