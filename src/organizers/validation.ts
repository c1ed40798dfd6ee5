import * as z from 'zod';
import { field } from '../web/fields';
import { LANGS } from '../lib/i18n';
import { ROLES } from './roles';

/** The "send me a link" form. `next` is where to go after signing in (checked by safeRedirectPath). */
export const signInRequestSchema = z.object({
  email: field.email(),
  next: z.string().max(1000).optional(),
});

/**
 * The button on a sign-in link's page: nothing to check but where to go next (read from the values
 * and checked by safeRedirectPath), so every post is valid.
 */
export const signInConfirmSchema = z.object({});

/** The owner's "invite an organizer" form. */
export const inviteSchema = z.object({
  email: field.email(),
  role: field.choice(ROLES),
  lang: field.choice(LANGS),
});

/** The owner's "change role" form. */
export const roleSchema = z.object({ role: field.choice(ROLES) });
