import * as z from 'zod';
import { field } from '../web/fields';

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
