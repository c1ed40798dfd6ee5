import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { ErrorSummary, FieldList, type FormErrors, type FormValues } from '../../web/form';
import { EMAIL_DRAFT_FIELDS } from './request-parts';
import type { Official } from '../../officials/schema';

/** The thank-you or report-back, prepared from the template, for the sender to edit and send. */
export function EditEmailPage(props: {
  kind: 'thanks' | 'report';
  official: Official;
  to: string;
  replyTo: string;
  token: string;
  values: FormValues;
  errors?: FormErrors;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const labels = { subject: t('meetings.field.subject'), body: t('meetings.field.body') };
  const title = t(props.kind === 'thanks' ? 'meetings.thanks.title' : 'meetings.report.title');
  return (
    <>
      <h1>{title}</h1>
      <p>{t(props.kind === 'thanks' ? 'meetings.thanks.editIntro' : 'meetings.report.editIntro')}</p>
      <ErrorSummary errors={props.errors} labels={labels} />
      <dl class="email-headers">
        <dt>{t('meetings.preview.to')}</dt>
        <dd>{props.to}</dd>
        <dt>{t('meetings.preview.replyTo')}</dt>
        <dd>{props.replyTo}</dd>
        <dt>{t('meetings.preview.copy')}</dt>
        <dd>{props.replyTo}</dd>
      </dl>
      <form method="post" action={`/meetings/m/${props.token}/${props.kind}`}>
        <FieldList labels={labels} state={props} fields={EMAIL_DRAFT_FIELDS} />
        <button type="submit">{t('common.send')}</button>
      </form>
      <p>
        <a href={`/meetings/m/${props.token}`}>{t('meetings.backToRecord')}</a>
      </p>
    </>
  );
}
