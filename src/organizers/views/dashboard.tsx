import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import type { MessageKey } from '../../web/i18n';

/** The organizer sections, in the order the dashboard lists them; each feature fills its own. */
export const ADMIN_SECTIONS: readonly { path: string; title: MessageKey; hint: MessageKey }[] = [
  { path: '/admin/letters', title: 'admin.section.letters', hint: 'admin.section.lettersHint' },
  { path: '/admin/days', title: 'admin.section.days', hint: 'admin.section.daysHint' },
  { path: '/admin/officials', title: 'admin.section.officials', hint: 'admin.section.officialsHint' },
  { path: '/admin/meetings', title: 'admin.section.meetings', hint: 'admin.section.meetingsHint' },
  { path: '/admin/bills', title: 'admin.section.bills', hint: 'admin.section.billsHint' },
  { path: '/admin/outbox', title: 'admin.section.outbox', hint: 'admin.section.outboxHint' },
  { path: '/admin/privacy', title: 'admin.section.privacy', hint: 'admin.section.privacyHint' },
];

/** A sign-out button (a POST: a GET never changes state). */
export function SignOutButton(): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <form method="post" action="/sign-out" class="sign-out">
      <button type="submit" class="secondary">
        {t('admin.signOut')}
      </button>
    </form>
  );
}

/** The /admin dashboard: who is signed in, sign out, and a link to each organizer section. */
export function Dashboard(): Child {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const organizer = c.var.organizer;
  return (
    <>
      <hgroup>
        <h1>{t('admin.title')}</h1>
        <p>
          {t('admin.signedInAs', {
            email: organizer?.name ? `${organizer.name} <${organizer.email}>` : (organizer?.email ?? ''),
          })}
        </p>
      </hgroup>
      <SignOutButton />
      <nav aria-labelledby="admin-sections-heading">
        <h2 id="admin-sections-heading">{t('admin.sectionsHeading')}</h2>
        <ul class="admin-sections">
          {ADMIN_SECTIONS.map((section) => (
            <li>
              <a href={section.path}>{t(section.title)}</a>
              <br />
              <small>{t(section.hint)}</small>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
