import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { BotCheck, ErrorSummary, FieldList, valueOf } from '../../web/form';
import type { FormErrors, FormValues } from '../../web/form';
import type { Official } from '../../officials/schema';
import { DETAIL_FIELDS, EMAIL_DRAFT_FIELDS, OfficialLine, useLabels } from './request-parts';

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
        <FieldList labels={labels} state={props} fields={EMAIL_DRAFT_FIELDS} />
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
