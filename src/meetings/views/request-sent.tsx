import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { officialPath } from '../../officials/links';
import type { Official } from '../../officials/schema';

/** After step two: the confirmation email is on its way. */
export function CheckEmailPage(props: { official: Official }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('meetings.checkEmail.title')}</h1>
      <p>{t('meetings.checkEmail.body', { name: props.official.name })}</p>
      <p>{t('meetings.checkEmail.nothingSent')}</p>
      <p>
        <a href={officialPath(props.official)}>{t('meetings.backToOfficial')}</a>
      </p>
    </>
  );
}

/** Too many requests from this address today. */
export function SenderLimitPage(): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('meetings.limit.title')}</h1>
      <p>{t('meetings.limit.sender')}</p>
    </>
  );
}
