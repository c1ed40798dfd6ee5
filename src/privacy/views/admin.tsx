import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { CheckboxField, EMAIL_FIELD, ErrorSummary, FieldForm } from '../../web/form';
import type { FormErrors, FormState, FormValues } from '../../web/form';
import { formatDate, type MessageKey } from '../../lib/i18n';
import { personalDataSources, type ErasureMode, type PersonalDataKey } from '../queries/registry';
import type { ErasureRecord } from '../queries';
import { DataTable } from '../../web/ui/admin-list';
import { PostButton } from '../../web/ui/post-button';
import { Section } from '../../web/ui/section';

/** The label of a registry table in the organizer's language. */
export function tableLabelKey(key: PersonalDataKey): MessageKey {
  return `privacy.table.${key}`;
}

function modeKey(mode: ErasureMode): MessageKey {
  return `privacy.admin.mode.${mode}`;
}

/** The look-up form. */
export function LookupForm(props: { values?: FormValues; errors?: FormErrors }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = { email: t('privacy.admin.emailLabel') };
  return (
    <FieldForm
      action="/admin/privacy/find"
      submit={t('privacy.admin.find')}
      labels={labels}
      state={props}
      fields={[{ ...EMAIL_FIELD, autocomplete: 'off' }]}
    />
  );
}

/** Past erasures: when, by whom, how many rows per table (never the address). */
export function ErasureHistory(props: { erasures: ErasureRecord[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <Section id="erasures-title" title={t('privacy.admin.historyTitle')}>
      <DataTable
        items={props.erasures}
        empty={t('privacy.admin.historyEmpty')}
        rowId={(erasure) => `erasure-${erasure.id}`}
        columns={[
          { label: t('privacy.admin.whenHeader'), cell: (erasure) => formatDate(lang, erasure.at, true) },
          {
            label: t('privacy.admin.byHeader'),
            cell: (erasure) =>
              erasure.organizer
                ? [erasure.organizer.name, erasure.organizer.email].filter(Boolean).join(' · ')
                : erasure.organizerId
                  ? t('privacy.admin.organizerGone')
                  : '—',
          },
          {
            label: t('privacy.admin.countsHeader'),
            cell: (erasure) =>
              Object.entries(erasure.counts)
                .filter(([, n]) => n > 0)
                .map(([key, n]) => `${t(tableLabelKey(key as PersonalDataKey))}: ${n}`)
                .join('; ') || '0',
          },
        ]}
      />
    </Section>
  );
}

/** What is held about one address, with the export and erase forms. */
export function LookupResult(
  props: FormState & {
    email: string;
    counts: Record<string, number>;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  const hasOrganizer = (props.counts.organizers ?? 0) > 0;
  return (
    <Section id="result-title" title={t('privacy.admin.resultTitle', { email: props.email })}>
      {total === 0 ? <p>{t('privacy.admin.nothing')}</p> : null}
      <DataTable
        items={personalDataSources}
        rowId={(source) => `count-${source.key}`}
        columns={[
          {
            label: t('privacy.admin.tableHeader'),
            rowHeader: true,
            cell: (source) => t(tableLabelKey(source.key)),
          },
          { label: t('privacy.admin.rowsHeader'), cell: (source) => props.counts[source.key] ?? 0 },
          { label: t('privacy.admin.onErasureHeader'), cell: (source) => t(modeKey(source.mode)) },
          { label: t('privacy.admin.whyHeader'), cell: (source) => t(`privacy.why.${source.key}`) },
        ]}
      />
      {total > 0 ? (
        <>
          <h3>{t('privacy.admin.exportTitle')}</h3>
          <PostButton action="/admin/privacy/export" hidden={{ email: props.email }} buttonClass="secondary">
            {t('privacy.admin.exportButton')}
          </PostButton>
          <h3>{t('privacy.admin.eraseTitle')}</h3>
          <p>{t('privacy.admin.eraseWarning')}</p>
          <form method="post" action="/admin/privacy/erase" novalidate>
            <ErrorSummary errors={props.errors} labels={{ confirm: t('privacy.admin.eraseTitle') }} />
            <input type="hidden" name="email" value={props.email} />
            {hasOrganizer ? (
              <CheckboxField
                name="includeOrganizer"
                label={t('privacy.admin.includeOrganizer')}
                values={props.values}
                errors={props.errors}
              />
            ) : null}
            <CheckboxField
              name="confirm"
              label={t('privacy.admin.confirm')}
              values={props.values}
              errors={props.errors}
              required
            />
            <button type="submit" class="contrast">
              {t('privacy.admin.eraseButton')}
            </button>
          </form>
        </>
      ) : null}
    </Section>
  );
}
