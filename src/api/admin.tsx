import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { may } from '../organizers/roles';
import { readForm, type FormErrors, type FormValues } from '../web/form';
import { field } from '../web/fields';
import { createApiKey } from './keys';
import { listApiKeys, revokeApiKey } from './queries/keys';
import { API_BASE } from './resources/common';
import { API_KEY_SCOPES } from './schema';
import { ApiKeysPage } from './views/api-keys';

/** The "create a key" form. */
const createKeySchema = z.object({ name: field.line(100), scope: field.choice(API_KEY_SCOPES) });

/**
 * /admin/api-keys: everyone signed in sees the keys (never their secrets); owners and organizers
 * create (after a recent proof of identity, and audited: a key lets data leave) and revoke them.
 */
export const apiKeysAdmin = new Hono<AppEnv>();

async function renderKeys(
  c: Context<AppEnv>,
  extra: { created?: { name: string; secret: string }; values?: FormValues; errors?: FormErrors } = {},
) {
  const keys = await listApiKeys(getDb(c.env));
  return c.render(
    <ApiKeysPage
      keys={keys}
      apiUrl={`${new URL(c.req.url).origin}${API_BASE}/`}
      mayChange={may(c.var.organizer!.role, 'export')}
      revoked={c.req.query('saved') === 'revoked'}
      {...extra}
    />,
    { title: c.var.t('apiKeys.title'), noindex: true },
  );
}

apiKeysAdmin.get('/', (c) => renderKeys(c));

apiKeysAdmin.post('/', async (c) => {
  const form = await readForm(c, createKeySchema, { botCheck: false });
  if (form.status !== 'valid') {
    c.status(422);
    return renderKeys(c, { values: form.values, errors: form.status === 'invalid' ? form.errors : {} });
  }
  const { secret, key } = await createApiKey(getDb(c.env), {
    ...form.data,
    organizerId: c.var.organizer!.id,
    at: Date.now(),
  });
  // Shown in this answer only (never in a redirect's address, which browsers keep in history).
  return renderKeys(c, { created: { name: key.name, secret } });
});

apiKeysAdmin.post('/:id/revoke', async (c) => {
  if (!(await revokeApiKey(getDb(c.env), c.req.param('id'), Date.now()))) throw new AppError('not_found');
  return c.redirect('/admin/api-keys?saved=revoked', 303);
});
