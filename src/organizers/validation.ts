import * as z from 'zod';
import { field } from '../web/fields';

/** The "send me a link" form. `next` is where to go after signing in (checked by safeRedirectPath). */
export const signInRequestSchema = z.object({
  email: field.email(),
  next: z.string().max(1000).optional(),
});
