import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { getDb } from '../db';
import { AppError } from '../lib/errors';
import { logEvent } from '../lib/log';
import { MINUTE } from '../lib/time';
import { readFormValues } from '../web/form';
import { countPasskeys, recordAudit } from './queries';
import { StepUpPage } from './views/step-up';
import { adminPermission, auditEventOf, may } from './roles';

/** A dangerous action wants a proof of identity at most this old. */
export const STEP_UP_MS = 15 * MINUTE;

/** True when the last proof of identity is too old for a dangerous action. */
export function needsStepUp(authenticatedAt: number, at: number): boolean {
  return at - authenticatedAt > STEP_UP_MS;
}

/** The "confirm it is you" page, carrying what was submitted (401: the action did not happen). */
async function askToConfirm(c: Context<AppEnv>) {
  const organizer = c.var.organizer!;
  const method = c.req.method === 'POST' ? 'POST' : 'GET';
  const values = method === 'POST' ? await readFormValues(c) : c.req.queries();
  const hasPasskey = (await countPasskeys(getDb(c.env), organizer.id)) > 0;
  const action = c.req.path;
  c.status(401);
  return c.render(
    <StepUpPage
      method={method}
      action={action}
      values={values}
      hasPasskey={hasPasskey}
      email={organizer.email}
    />,
    { title: c.var.t('stepUp.title'), noindex: true, passkeys: hasPasskey },
  );
}

/**
 * Checks every /admin request against the organizer's role (after `requireOrganizer`), and records
 * the sensitive ones that succeeded in the audit log: exports, erasure, sends, organizer changes.
 * Those need a recent proof of identity (step-up): sign-in, a passkey, or a fresh email link.
 */
export const guardAdminRole: MiddlewareHandler<AppEnv> = async function guardAdminRole(c, next) {
  const organizer = c.var.organizer;
  if (!organizer) throw new AppError('unauthorized');
  const path = c.req.path.replace(/^\/admin/, '');
  const requirement = adminPermission(c.req.method, path);
  if (!may(organizer.role, requirement.permission)) throw new AppError('forbidden');
  if (requirement.sensitive && needsStepUp(organizer.authenticatedAt, Date.now())) return askToConfirm(c);
  await next();
  const event = auditEventOf(requirement);
  if (event && c.res.status < 400) {
    try {
      await recordAudit(getDb(c.env), { at: Date.now(), organizerId: organizer.id, event, path });
    } catch (error) {
      // The action itself is done; a lost audit line is logged (ids only) rather than undoing it.
      logEvent('error', 'audit.write_failed', { event, error });
    }
  }
};
