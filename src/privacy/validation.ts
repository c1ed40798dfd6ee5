import * as z from 'zod';
import { field } from '../web/fields';

/** The address an organizer looks up (also carried by the export and erase forms). */
export const lookupSchema = z.object({ email: field.email() });

/** The erase form: the address, the explicit confirmation, and whether to remove an organizer account. */
export const eraseSchema = lookupSchema.extend({
  confirm: field.checkbox().refine((v) => v, { message: 'privacy.admin.confirmRequired' }),
  includeOrganizer: field.checkbox(),
});
