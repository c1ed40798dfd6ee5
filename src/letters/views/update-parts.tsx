// Pieces the organizer's update pages share: the form's fields, who receives it, the history and
// the email previews.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { labelsOf, TextArea, TextField, type FormState } from '../../web/form';
import { formatDate, formatNumber, type Lang } from '../../lib/i18n';
import type { Letter } from '../schema';
import type { UpdateEmailCounts, UpdateWithCounts } from '../queries/updates';
import { UPDATE_BODY_MAX, UPDATE_SUBJECT_MAX, type EmailPreview, type RecipientCounts } from '../updates';
import { DataTable } from '../../web/ui/admin-list';
import { adminPath } from './admin';
import { SavedNotice } from '../../web/ui/saved-notice';
import { Section } from '../../web/ui/section';

/** The fields of the update form, in the order they appear. */
export const UPDATE_FIELDS = [
  'subjectEn',
  'bodyEn',
  'subjectEs',
  'bodyEs',
  'nextStepUrl',
  'nextStepLabelEn',
  'nextStepLabelEs',
] as const;

/** The labels of the update form's fields (and of the form itself), for its error summary. */
export function useFieldLabels(): Record<string, string> {
  const { t } = useRequestContext<AppEnv>().var;
  return {
    ...labelsOf(UPDATE_FIELDS, (name) => t(`letters.updates.field.${name}`)),
    updateId: t('letters.updates.previewButton'),
    _form: t('letters.updates.title'),
  };
}

export function Recipients(props: { recipients: RecipientCounts }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return props.recipients.total > 0 ? (
    <p>
      <strong>
        {t('letters.updates.recipients', {
          count: props.recipients.total,
          en: props.recipients.en,
          es: props.recipients.es,
        })}
      </strong>
    </p>
  ) : (
    <SavedNotice>{t('letters.updates.recipientsNone')}</SavedNotice>
  );
}

/** The counts of an update's emails in words. */
export function CountsLine(props: { counts: UpdateEmailCounts }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  const c = props.counts;
  return (
    <>
      {t('letters.updates.counts', {
        sent: formatNumber(lang, c.sent),
        queued: formatNumber(lang, c.queued),
        failed: formatNumber(lang, c.failed),
        suppressed: formatNumber(lang, c.suppressed),
      })}
    </>
  );
}

export function PastUpdates(props: { letter: Letter; updates: UpdateWithCounts[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <Section id="past-updates-heading" title={t('letters.updates.pastHeading')}>
      <DataTable
        items={props.updates}
        empty={t('letters.updates.noneYet')}
        columns={[
          {
            label: t('letters.updates.sentAtColumn'),
            cell: (update) => formatDate(lang, update.createdAt, true),
          },
          {
            label: t('letters.updates.subjectColumn'),
            cell: (update) => <UpdateSubjects letter={props.letter} update={update} />,
          },
          {
            label: t('letters.updates.recipientsColumn'),
            cell: (update) => formatNumber(lang, update.recipientCount),
          },
          {
            label: t('letters.updates.statusColumn'),
            cell: (update) => (
              <>
                <CountsLine counts={update.counts} />
                {update.fanoutStatus === 'sending' ? (
                  <>
                    <br />
                    <small>{t('letters.updates.stillSending')}</small>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

/** An update's subjects in the list: the English one links to it, the Spanish one (or "English only") below. */
function UpdateSubjects(props: { letter: Letter; update: UpdateWithCounts }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const { update } = props;
  return (
    <>
      <a href={adminPath(props.letter, `/updates/${encodeURIComponent(update.id)}`)}>{update.subjectEn}</a>
      {update.subjectEs ? (
        <>
          <br />
          <span lang="es">{update.subjectEs}</span>
        </>
      ) : (
        <>
          {' '}
          <small>({t('letters.updates.englishOnly')})</small>
        </>
      )}
    </>
  );
}

/** The subject and body of an update in one language (English required, Spanish optional). */
export function UpdateTextFields(
  props: FormState & {
    lang: Lang;
    labels: Record<string, string>;
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const english = props.lang === 'en';
  const subject = english ? 'subjectEn' : 'subjectEs';
  const body = english ? 'bodyEn' : 'bodyEs';
  return (
    <fieldset>
      <legend>{t(english ? 'letters.updates.englishHeading' : 'letters.updates.spanishHeading')}</legend>
      {english ? null : (
        <p>
          <small>{t('letters.updates.spanishHint')}</small>
        </p>
      )}
      <TextField
        name={subject}
        label={props.labels[subject]!}
        required={english}
        maxlength={UPDATE_SUBJECT_MAX}
        values={props.values}
        errors={props.errors}
      />
      <TextArea
        name={body}
        label={props.labels[body]!}
        hint={t('letters.updates.hint.body', { max: UPDATE_BODY_MAX })}
        required={english}
        rows={10}
        values={props.values}
        errors={props.errors}
      />
    </fieldset>
  );
}

export function EmailPreviewCard(props: { preview: EmailPreview }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const p = props.preview;
  const id = `preview-${p.lang}`;
  return (
    <section aria-labelledby={id} class="email-preview">
      <h2 id={id}>
        {p.count === null
          ? t(p.lang === 'en' ? 'common.english' : 'common.spanish')
          : t(p.lang === 'en' ? 'letters.updates.previewEnglish' : 'letters.updates.previewSpanish', {
              count: p.count,
            })}
      </h2>
      {p.fallback ? <p class="notice">{t('letters.updates.previewFallback')}</p> : null}
      <article lang={p.lang}>
        <p>
          <strong>{t('letters.updates.subjectLabel')}</strong> {p.subject}
        </p>
        <hr />
        <p>{p.greeting}</p>
        {raw(p.bodyHtml)}
        {p.nextStep ? (
          <p>
            <a href={p.nextStep.url} rel="noopener noreferrer">
              {p.nextStep.label}
            </a>
          </p>
        ) : null}
      </article>
      <details>
        <summary>{t('letters.updates.plainText')}</summary>
        <pre lang={p.lang} class="pre-wrap">
          {p.text}
        </pre>
      </details>
    </section>
  );
}
