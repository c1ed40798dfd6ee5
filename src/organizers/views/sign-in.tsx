import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { servesDevMailbox } from '../../email/policy';
import type { AppEnv } from '../../env';
import { BotCheck, EMAIL_FIELD, FieldForm, type FormState } from '../../web/form';
import { SavedNotice } from '../../web/ui/saved-notice';

/** The "send me a link" form; `next` travels along in a hidden field. */
export function SignInForm(
  props: FormState & {
    next: string | null;
    signedOut?: boolean;
  },
): Child {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const labels = { email: t('signIn.email') };
  return (
    <section class="sign-in">
      <h1>{t('signIn.title')}</h1>
      {props.signedOut ? <SavedNotice>{t('signIn.signedOut')}</SavedNotice> : null}
      {c.var.organizer ? (
        <p class="notice">
          {t('signIn.alreadySignedIn')} <a href="/admin">{t('signIn.toDashboard')}</a>
        </p>
      ) : null}
      <p>{t('signIn.intro')}</p>
      <FieldForm
        action="/sign-in"
        submit={t('signIn.submit')}
        labels={labels}
        state={props}
        fields={[EMAIL_FIELD]}
      >
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <BotCheck />
      </FieldForm>
      <p>
        <a href={props.next ? `/sign-in/passkey?next=${encodeURIComponent(props.next)}` : '/sign-in/passkey'}>
          {t('passkeys.signInWithPasskey')}
        </a>
      </p>
    </section>
  );
}

/** The answer to "send me a link": word for word the same whether or not the address is listed. */
export function SignInSent(props: { next: string | null }): Child {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const devMailbox = servesDevMailbox(c.env, c.req.url) && !c.env.RESEND_API_KEY;
  const again = props.next ? `/sign-in?next=${encodeURIComponent(props.next)}` : '/sign-in';
  return (
    <section class="sign-in">
      <h1>{t('signIn.sentTitle')}</h1>
      <p role="status">{t('signIn.sentBody')}</p>
      <p>{t('signIn.sentNotListed')}</p>
      {devMailbox ? (
        <p class="notice">
          <a href="/dev/mail">{t('signIn.devMailbox')}</a>
        </p>
      ) : null}
      <p>
        <a href={again}>{t('signIn.tryAgain')}</a>
      </p>
    </section>
  );
}

/** The page a sign-in link opens: only its button (a POST) signs in, since mail scanners open links. */
export function SignInConfirm(props: { action: string; next: string | null }): Child {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  return (
    <section class="sign-in">
      <h1>{t('signIn.confirmTitle')}</h1>
      <p>{t('signIn.confirmBody', { orgName: c.env.ORG_NAME })}</p>
      <form method="post" action={props.action}>
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <button type="submit">{t('signIn.confirmButton')}</button>
      </form>
    </section>
  );
}

/** An expired, used or superseded link: say why links stop working and offer a new one. */
export function SignInFailed(): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <section class="sign-in">
      <h1>{t('signIn.failedTitle')}</h1>
      <p>{t('signIn.failedBody')}</p>
      <p>
        <a href="/sign-in" role="button">
          {t('signIn.failedAgain')}
        </a>
      </p>
    </section>
  );
}
