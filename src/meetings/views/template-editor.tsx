import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { TextArea, TextField } from '../../web/form';
import type { Lang, MessageKey, Translate } from '../../lib/i18n';
import { SavedNotice } from '../../web/ui/saved-notice';
import type { MeetingTemplateKind } from '../schema';
import { MERGE_FIELDS, type TemplateProblem } from '../templates';
import { Section } from '../../web/ui/section';

/** The name of each language a template is written in. */
const LANGUAGE_NAMES: Record<Lang, MessageKey> = { en: 'common.english', es: 'common.spanish' };

/** A refused template's problem as one sentence in the organizer's language, with its part and line. */
export function templateProblemText(t: Translate, problem: TemplateProblem): string {
  return t('meetings.templates.problem', {
    part: t(problem.part === 'subject' ? 'meetings.field.subject' : 'meetings.field.body'),
    line: problem.line,
    reason: t(`meetings.templates.reason.${problem.code}`, { name: problem.name ?? '' }),
  });
}

/**
 * The template editor: subject and body, merge fields, and a server-rendered preview on sample data.
 * The Preview button works without JavaScript; public/app.js also refreshes the preview as the
 * organizer types, from `data-live-preview` (POST …/preview, JSON).
 */
export function TemplateEditor(props: {
  kind: MeetingTemplateKind;
  lang: Lang;
  values: { subject: string; body: string };
  custom: boolean;
  problem: TemplateProblem | null;
  preview: { subject: string; text: string } | null;
  saved: boolean;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const action = `/admin/meetings/templates/${props.kind}/${props.lang}`;
  return (
    <>
      <h1>
        {t(`meetings.templates.kind.${props.kind}`)} ({t(LANGUAGE_NAMES[props.lang])})
      </h1>
      {props.saved ? <SavedNotice plain>{t('officials.admin.saved')}</SavedNotice> : null}
      <p>{t(props.custom ? 'meetings.templates.usingCustom' : 'meetings.templates.usingDefault')}</p>
      {props.problem ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t('meetings.templates.refused')}</h2>
          <p>{templateProblemText(t, props.problem)}</p>
          <p>{t('meetings.templates.savedStillUsed')}</p>
        </div>
      ) : null}
      <div class="grid">
        <form method="post" action={action} data-live-preview={`${action}/preview`}>
          <TextField
            name="subject"
            label={t('meetings.field.subject')}
            values={props.values}
            maxlength={300}
            required
          />
          <TextArea name="body" label={t('meetings.field.body')} values={props.values} rows={22} required />
          <div role="group">
            <button type="submit" name="intent" value="preview" class="secondary">
              {t('meetings.templates.preview')}
            </button>
            <button type="submit" name="intent" value="save">
              {t('common.save')}
            </button>
          </div>
        </form>
        <Section id="preview-heading" title={t('meetings.templates.previewHeading')}>
          <p class="hint" data-live-hint hidden>
            {t('meetings.templates.livePreview')}
          </p>
          <p class="field-error" data-preview-problem role="status" hidden={!props.problem}>
            {props.problem ? templateProblemText(t, props.problem) : ''}
          </p>
          <div class="email-preview" data-preview hidden={!props.preview}>
            <p>
              <strong>{t('meetings.field.subject')}:</strong>{' '}
              <span data-preview-subject lang={props.lang}>
                {props.preview?.subject ?? ''}
              </span>
            </p>
            {/* The template's language, not the page's: screen readers read it with the right voice. */}
            <pre class="pre-wrap" data-preview-text lang={props.lang}>
              {props.preview?.text ?? ''}
            </pre>
          </div>
          <p data-preview-none hidden={Boolean(props.preview)}>
            {t('meetings.templates.noPreview')}
          </p>
        </Section>
      </div>
      {props.custom ? (
        <form method="post" action={`${action}/reset`}>
          <button type="submit" class="secondary outline">
            {t('meetings.templates.reset')}
          </button>
        </form>
      ) : null}
      <Section id="fields-heading" title={t('meetings.templates.fields')}>
        <dl class="merge-fields">
          {Object.entries(MERGE_FIELDS).map(([name, key]) => (
            <>
              <dt>
                <code>{`{{${name}}}`}</code>
              </dt>
              <dd>{t(key)}</dd>
            </>
          ))}
        </dl>
      </Section>
      <p>
        <a href="/admin/meetings/templates">{t('meetings.templates.back')}</a>
      </p>
    </>
  );
}
