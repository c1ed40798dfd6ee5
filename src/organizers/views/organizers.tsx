import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../env';
import { formatDate, type MessageKey } from '../../lib/i18n';
import { EMAIL_FIELD, FieldForm, LANGUAGE_OPTIONS } from '../../web/form';
import type { FormState } from '../../web/form';
import { AdminListPage, DataTable } from '../../web/ui/admin-list';
import { PostButton } from '../../web/ui/post-button';
import { SavedNotice } from '../../web/ui/saved-notice';
import { ROLES, type Role } from '../roles';
import { Section } from '../../web/ui/section';

/** The label and the one-line description of each role. */
export const ROLE_LABELS: Record<Role, { label: MessageKey; hint: MessageKey }> = {
  owner: { label: 'organizers.role.owner', hint: 'organizers.role.ownerHint' },
  organizer: { label: 'organizers.role.organizer', hint: 'organizers.role.organizerHint' },
  viewer: { label: 'organizers.role.viewer', hint: 'organizers.role.viewerHint' },
};

/** The buttons on each organizer's row: the path after `/admin/organizers/:id/` and the label. */
const ROW_ACTIONS: [string, MessageKey][] = [
  ['reset-passkeys', 'organizers.resetPasskeys'],
  ['remove', 'organizers.remove'],
];

/** What a save on this page said. */
export const ORGANIZERS_NOTICES = ['invited', 'role', 'removed', 'passkeysReset'] as const;
export type OrganizersNotice = (typeof ORGANIZERS_NOTICES)[number];

interface OrganizerRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/** The owner's page: everyone who can sign in, their roles, and inviting someone new. */
export function OrganizersPage(
  props: FormState & {
    organizers: OrganizerRow[];
    notice?: OrganizersNotice;
    rowErrors?: { id: string; message: MessageKey };
  },
): Child {
  const { t } = useRequestContext<AppEnv>().var;
  const me = useRequestContext<AppEnv>().var.organizer;
  const roleOptions = ROLES.map((role) => [role, t(ROLE_LABELS[role].label)] as const);
  const inviteLabels = {
    email: t('organizers.emailLabel'),
    role: t('organizers.roleHeader'),
    lang: t('organizers.langLabel'),
  };
  return (
    <>
      <h1>{t('organizers.title')}</h1>
      <p>
        <a href="/admin/organizers/audit">{t('organizers.auditLink')}</a>
      </p>
      {props.notice ? <SavedNotice>{t(`organizers.notice.${props.notice}`)}</SavedNotice> : null}
      {props.rowErrors ? (
        <div role="alert" class="error-summary" tabindex={-1}>
          <p>{t(props.rowErrors.message)}</p>
        </div>
      ) : null}
      <dl>
        {ROLES.map((role) => (
          <>
            <dt>{t(ROLE_LABELS[role].label)}</dt>
            <dd>{t(ROLE_LABELS[role].hint)}</dd>
          </>
        ))}
      </dl>
      <DataTable
        caption={t('organizers.tableCaption', { count: props.organizers.length })}
        items={props.organizers}
        rowId={(row) => `organizer-${row.id}`}
        columns={[
          {
            label: t('organizers.emailHeader'),
            rowHeader: true,
            cell: (row) => (
              <>
                {row.name ? `${row.name} · ${row.email}` : row.email}
                {row.id === me?.id ? ` (${t('organizers.you')})` : ''}
              </>
            ),
          },
          {
            label: t('organizers.roleHeader'),
            cell: (row) => (
              <form method="post" action={`/admin/organizers/${row.id}/role`} class="inline-form">
                <label for={`role-${row.id}`}>
                  <span class="visually-hidden">{t('organizers.roleFor', { email: row.email })}</span>
                  <select id={`role-${row.id}`} name="role">
                    {roleOptions.map(([value, label]) => (
                      <option value={value} selected={value === row.role}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" class="secondary">
                  {t('organizers.changeRole')}
                </button>
              </form>
            ),
          },
          {
            label: t('organizers.actionsHeader'),
            class: 'row-actions',
            cell: (row) =>
              ROW_ACTIONS.map(([action, label]) => (
                <PostButton action={`/admin/organizers/${row.id}/${action}`}>
                  {t(label)}
                  <span class="visually-hidden"> {row.email}</span>
                </PostButton>
              )),
          },
        ]}
      />
      <Section id="invite-heading" title={t('organizers.inviteTitle')}>
        <p>{t('organizers.inviteIntro')}</p>
        <FieldForm
          action="/admin/organizers/invite"
          submit={t('organizers.invite')}
          labels={inviteLabels}
          state={props}
          fields={[
            { ...EMAIL_FIELD, autocomplete: 'off' },
            { kind: 'select', name: 'role', options: roleOptions, required: true },
            { kind: 'select', name: 'lang', options: LANGUAGE_OPTIONS, required: true },
          ]}
        />
      </Section>
    </>
  );
}

interface AuditRow {
  id: string;
  at: number;
  event: string;
  path: string | null;
  detail: string | null;
  organizerEmail: string | null;
}

/** The audit log for owners: who did what and when, newest first (ids and paths, no one's data). */
export function AuditPage(props: { events: AuditRow[] }): Child {
  const { t, lang } = useRequestContext<AppEnv>().var;
  return (
    <>
      <AdminListPage
        title={t('organizers.auditTitle')}
        intro={t('organizers.auditIntro')}
        items={props.events}
        empty={t('organizers.auditEmpty')}
        columns={[
          { label: t('organizers.auditWhen'), cell: (event) => formatDate(lang, event.at, true) },
          { label: t('organizers.auditWho'), cell: (event) => event.organizerEmail ?? '—' },
          { label: t('organizers.auditWhat'), cell: (event) => <code>{event.event}</code> },
          {
            label: t('organizers.auditWhere'),
            cell: (event) => (
              <>
                {event.path ? <code>/admin{event.path}</code> : null}
                {event.detail ? <code> {event.detail}</code> : null}
              </>
            ),
          },
        ]}
      />
      <p>
        <a href="/admin/organizers">{t('organizers.back')}</a>
      </p>
    </>
  );
}
