import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { readForm, refusedForm, type FormErrors, type FormValues } from '../web/form';
import {
  addOrganizer,
  changeRole,
  findOrganizerByEmail,
  listAuditEvents,
  listOrganizers,
  recordAudit,
  removeOrganizer,
  removePasskeys,
} from './queries';
import { leavesAnOwner } from './roles';
import { requestSignInLink } from './sign-in-links';
import { inviteSchema, roleSchema } from './validation';
import { AuditPage, OrganizersPage, ORGANIZERS_NOTICES } from './views/organizers';
import type { MessageKey } from '../lib/i18n';
import { savedNoticeOf } from '../web/ui/saved-notice';

/** The owner's pages under /admin/organizers (the role guard lets only owners in). */
export const organizersAdmin = new Hono<AppEnv>();

async function renderOrganizers(
  c: Context<AppEnv>,
  extra: { values?: FormValues; errors?: FormErrors; rowErrors?: { id: string; message: MessageKey } } = {},
) {
  const notice = savedNoticeOf(c.req.query('saved'), ORGANIZERS_NOTICES);
  const organizers = await listOrganizers(getDb(c.env));
  return c.render(<OrganizersPage organizers={organizers} notice={notice} {...extra} />, {
    title: c.var.t('organizers.title'),
  });
}

organizersAdmin.get('/', (c) => renderOrganizers(c));

organizersAdmin.post('/invite', async (c) => {
  const form = await readForm(c, inviteSchema);
  if (form.status !== 'valid') return renderOrganizers(c, refusedForm(c, form));
  const db = getDb(c.env);
  const at = Date.now();
  const { email, role, lang } = form.data;
  if (await findOrganizerByEmail(db, email)) {
    c.status(422);
    return renderOrganizers(c, {
      values: form.values,
      errors: { email: { key: 'organizers.error.listed' } },
    });
  }
  await addOrganizer(db, { email, role, at });
  const invited = await findOrganizerByEmail(db, email);
  await recordAudit(db, {
    at,
    organizerId: c.var.organizer!.id,
    event: 'organizer_invited',
    detail: { organizerId: invited?.id ?? null, role },
  });
  // The invitation is a sign-in link; a failure to send it is for the outbox page, the
  // organizer is listed either way and can ask for a link on the sign-in page.
  await requestSignInLink(db, c.env, { email, lang, next: '/admin', at });
  return c.redirect('/admin/organizers?saved=invited', 303);
});

organizersAdmin.post('/:id/role', async (c) => {
  const id = c.req.param('id');
  const form = await readForm(c, roleSchema);
  if (form.status !== 'valid') {
    c.status(422);
    return renderOrganizers(c, { rowErrors: { id, message: 'organizers.error.role' } });
  }
  const db = getDb(c.env);
  const organizers = await listOrganizers(db);
  const target = organizers.find((row) => row.id === id);
  if (!target) throw new AppError('not_found');
  if (!leavesAnOwner(organizers, { id, role: form.data.role })) {
    c.status(422);
    return renderOrganizers(c, { rowErrors: { id, message: 'organizers.error.lastOwner' } });
  }
  await changeRole(db, { organizerId: id, role: form.data.role, by: c.var.organizer!.id, at: Date.now() });
  return c.redirect('/admin/organizers?saved=role', 303);
});

organizersAdmin.post('/:id/remove', async (c) => {
  const id = c.req.param('id');
  const db = getDb(c.env);
  const organizers = await listOrganizers(db);
  if (!organizers.some((row) => row.id === id)) throw new AppError('not_found');
  if (!leavesAnOwner(organizers, { id, role: null })) {
    c.status(422);
    return renderOrganizers(c, { rowErrors: { id, message: 'organizers.error.lastOwner' } });
  }
  await removeOrganizer(db, { organizerId: id, by: c.var.organizer!.id, at: Date.now() });
  return c.redirect('/admin/organizers?saved=removed', 303);
});

organizersAdmin.post('/:id/reset-passkeys', async (c) => {
  const id = c.req.param('id');
  const db = getDb(c.env);
  if (!(await listOrganizers(db)).some((row) => row.id === id)) throw new AppError('not_found');
  await removePasskeys(db, { organizerId: id, by: c.var.organizer!.id, at: Date.now() });
  return c.redirect('/admin/organizers?saved=passkeysReset', 303);
});

organizersAdmin.get('/audit', async (c) => {
  const events = await listAuditEvents(getDb(c.env));
  return c.render(<AuditPage events={events} />, { title: c.var.t('organizers.auditTitle') });
});
