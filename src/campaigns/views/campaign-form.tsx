import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { Translate } from '../../lib/i18n';
import { FieldForm, type FieldRow, type FormState } from '../../web/form';
import { PUBLIC_PARTS } from '../schema';

/** The label of each field of the campaign form (also the error summary's). */
export function campaignLabels(t: Translate): Record<string, string> {
  return {
    slug: t('campaigns.field.slug'),
    title: t('campaigns.field.title'),
    titleEs: t('campaigns.field.titleEs'),
    issueEn: t('campaigns.field.issueEn'),
    issueEs: t('campaigns.field.issueEs'),
    winnableEn: t('campaigns.field.winnableEn'),
    winnableEs: t('campaigns.field.winnableEs'),
    considerations: t('campaigns.field.considerations'),
    published: t('campaigns.field.published'),
    publicParts: t('campaigns.field.publicParts'),
  };
}

/** The fields of the campaign form, in order. */
function campaignFields(t: Translate): FieldRow[] {
  return [
    { kind: 'text', name: 'slug', required: true, maxlength: 80, hint: t('campaigns.hint.slug') },
    [
      { kind: 'text', name: 'title', required: true, maxlength: 200 },
      { kind: 'text', name: 'titleEs', maxlength: 200 },
    ],
    [
      { kind: 'area', name: 'issueEn', rows: 4, maxlength: 5000 },
      { kind: 'area', name: 'issueEs', rows: 4, maxlength: 5000 },
    ],
    [
      { kind: 'area', name: 'winnableEn', rows: 3, maxlength: 5000 },
      { kind: 'area', name: 'winnableEs', rows: 3, maxlength: 5000 },
    ],
    {
      kind: 'area',
      name: 'considerations',
      rows: 4,
      maxlength: 5000,
      hint: t('campaigns.hint.considerations'),
    },
    { kind: 'checkbox', name: 'published' },
    {
      kind: 'choices',
      name: 'publicParts',
      multiple: true,
      hint: t('campaigns.hint.publicParts'),
      options: PUBLIC_PARTS.map((part) => [part, t(`campaigns.publicPart.${part}`)] as const),
    },
  ];
}

/** The campaign's own form (new and edit). */
export function CampaignForm(props: { action: string; state: FormState }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <FieldForm
      action={props.action}
      labels={campaignLabels(t)}
      fields={campaignFields(t)}
      state={props.state}
      submit={t('common.save')}
    />
  );
}

/** The new-campaign page. */
export function NewCampaignPage(props: { state: FormState }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('campaigns.admin.newTitle')}</h1>
      <CampaignForm action="/admin/campaigns/new" state={props.state} />
    </>
  );
}
