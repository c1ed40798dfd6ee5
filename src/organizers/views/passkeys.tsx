import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate } from '../../lib/i18n';
import { DataTable } from '../../web/ui/admin-list';
import { PostButton } from '../../web/ui/post-button';
import { SavedNotice } from '../../web/ui/saved-notice';
import { Section } from '../../web/ui/section';

interface PasskeyRow {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** Where the passkey script says what went wrong (or that the browser cannot use passkeys). */
export function PasskeyStatus(): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <p
      data-passkey-status
      role="alert"
      hidden
      data-unsupported={t('passkeys.error.unsupported')}
      data-failed={t('passkeys.error.failed')}
    ></p>
  );
}

/** An organizer's own passkeys: the list, removing one, adding one (which needs JavaScript). */
export function PasskeysPage(props: { passkeys: PasskeyRow[]; notice?: 'added' | 'removed' }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <h1>{t('passkeys.title')}</h1>
      <p>{t('passkeys.intro')}</p>
      {props.notice ? (
        <SavedNotice>
          {t(props.notice === 'added' ? 'passkeys.notice.added' : 'passkeys.notice.removed')}
        </SavedNotice>
      ) : null}
      <DataTable
        items={props.passkeys}
        empty={t('passkeys.none')}
        columns={[
          { label: t('passkeys.nameHeader'), rowHeader: true, cell: (key) => key.name },
          { label: t('passkeys.addedHeader'), cell: (key) => formatDate(lang, key.createdAt, true) },
          {
            label: t('passkeys.usedHeader'),
            cell: (key) =>
              key.lastUsedAt ? formatDate(lang, key.lastUsedAt, true) : t('passkeys.neverUsed'),
          },
          {
            label: t('passkeys.actionsHeader'),
            class: 'row-actions',
            cell: (key) => (
              <PostButton action={`/admin/passkeys/${encodeURIComponent(key.id)}/remove`}>
                {t('passkeys.remove')}
                <span class="visually-hidden"> {key.name}</span>
              </PostButton>
            ),
          },
        ]}
      />
      <Section id="add-passkey-heading" title={t('passkeys.addTitle')}>
        <p>{t('passkeys.addIntro')}</p>
        <noscript>
          <p>{t('passkeys.needsScript')}</p>
        </noscript>
        <form data-passkey="register" hidden>
          <label for="passkey-name">
            {t('passkeys.nameLabel')}
            <input id="passkey-name" name="name" required maxlength={60} autocomplete="off" />
          </label>
          <button type="submit">{t('passkeys.add')}</button>
        </form>
        <PasskeyStatus />
      </Section>
    </>
  );
}

/** "Use your passkey": the second step of signing in, or signing in by passkey alone. */
export function PasskeyProofPage(props: { next: string | null; pending: boolean }): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <section class="sign-in">
      <h1>{t('passkeys.proveTitle')}</h1>
      <p>{t(props.pending ? 'passkeys.proveAfterLink' : 'passkeys.proveAlone')}</p>
      <noscript>
        <p>{t('passkeys.proveNeedsScript')}</p>
      </noscript>
      <button type="button" data-passkey="sign-in" data-purpose="sign_in" data-next={props.next ?? ''} hidden>
        {t('passkeys.proveButton')}
      </button>
      <PasskeyStatus />
      <p>
        <a href="/sign-in">{t('passkeys.backToSignIn')}</a>
      </p>
    </section>
  );
}
