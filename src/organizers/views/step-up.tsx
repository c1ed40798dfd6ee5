import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { FormValues } from '../../web/form';
import { PasskeyStatus } from './passkeys';

/**
 * "Confirm it is you": shown instead of a dangerous action (an export, an erasure, a send) when the
 * organizer last proved who they are more than 15 minutes ago. What they submitted travels in the
 * hidden fields of the Continue form, so nothing is lost while they confirm.
 */
export function StepUpPage(props: {
  method: 'GET' | 'POST';
  action: string;
  values: FormValues;
  hasPasskey: boolean;
  email: string;
}): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const hidden = Object.entries(props.values).flatMap(([name, value]) =>
    ([] as string[]).concat(value).map((v) => <input type="hidden" name={name} value={v} />),
  );
  return (
    <section class="sign-in">
      <h1>{t('stepUp.title')}</h1>
      <p>{t('stepUp.intro')}</p>
      {props.hasPasskey ? (
        <>
          <noscript>
            <p>{t('passkeys.proveNeedsScript')}</p>
          </noscript>
          <button
            type="button"
            data-passkey="sign-in"
            data-purpose="step_up"
            data-then-submit="step-up-continue"
            hidden
          >
            {t('stepUp.passkeyButton')}
          </button>
          <PasskeyStatus />
        </>
      ) : (
        <form method="post" action="/sign-in" target="_blank">
          <input type="hidden" name="email" value={props.email} />
          <p>{t('stepUp.linkIntro')}</p>
          <button type="submit">{t('stepUp.linkButton')}</button>
        </form>
      )}
      <form id="step-up-continue" method={props.method === 'POST' ? 'post' : 'get'} action={props.action}>
        {hidden}
        <p>{t('stepUp.continueHint')}</p>
        <button type="submit" class="secondary">
          {t('stepUp.continue')}
        </button>
      </form>
    </section>
  );
}
