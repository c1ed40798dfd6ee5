import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv, SignedInOrganizer } from '../../env';
import type { MessageKey } from '../../lib/i18n';
import { LinkBar } from '../nav';

/** The organizer sections, in the order the dashboard and the navigation list them. */
export const ADMIN_SECTIONS: readonly {
  path: string;
  title: MessageKey;
  hint: MessageKey;
  ownersOnly?: true;
}[] = [
  { path: '/admin/campaigns', title: 'admin.section.campaigns', hint: 'admin.section.campaignsHint' },
  { path: '/admin/letters', title: 'admin.section.letters', hint: 'admin.section.lettersHint' },
  { path: '/admin/days', title: 'admin.section.days', hint: 'admin.section.daysHint' },
  { path: '/admin/gatherings', title: 'gatherings.admin.title', hint: 'gatherings.admin.hint' },
  { path: '/admin/officials', title: 'admin.section.officials', hint: 'admin.section.officialsHint' },
  { path: '/admin/meetings', title: 'admin.section.meetings', hint: 'admin.section.meetingsHint' },
  { path: '/admin/bills', title: 'admin.section.bills', hint: 'admin.section.billsHint' },
  { path: '/admin/outbox', title: 'admin.section.outbox', hint: 'admin.section.outboxHint' },
  { path: '/admin/privacy', title: 'admin.section.privacy', hint: 'admin.section.privacyHint' },
  { path: '/admin/api-keys', title: 'admin.section.apiKeys', hint: 'admin.section.apiKeysHint' },
  {
    path: '/admin/webhooks',
    title: 'admin.section.webhooks',
    hint: 'admin.section.webhooksHint',
    ownersOnly: true,
  },
  {
    path: '/admin/organizers',
    title: 'admin.section.organizers',
    hint: 'admin.section.organizersHint',
    ownersOnly: true,
  },
];

/** The sections the signed-in organizer's role lets them open. */
export function sectionsFor(organizer: SignedInOrganizer | null) {
  return ADMIN_SECTIONS.filter((section) => !section.ownersOnly || organizer?.role === 'owner');
}

/** A sign-out button (a POST: a GET never changes state). */
export function SignOutButton(): Child {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <form method="post" action="/sign-out" class="sign-out">
      <button type="submit" class="secondary outline">
        {t('admin.signOut')}
      </button>
    </form>
  );
}

/** The organizer area's navigation on every /admin page: the dashboard, each section, sign out. */
export function AdminNav(): Child {
  const { t, organizer } = useRequestContext<AppEnv>().var;
  return (
    <LinkBar
      label={t('admin.nav')}
      class="admin-nav"
      links={[
        { href: '/admin', label: t('admin.home') },
        ...sectionsFor(organizer).map((section) => ({
          href: section.path,
          label: t(section.title),
          section: true,
        })),
      ]}
    >
      <SignOutButton />
    </LinkBar>
  );
}
