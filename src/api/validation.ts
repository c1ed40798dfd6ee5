// What API clients may send: OSDI people and the helpers' bodies. Liberal in what is optional,
// strict in size; street addresses and phone numbers are not read (we keep neither for a person).
import * as z from 'zod';
import { apiSchemas } from './resources/common';

const line = (max: number) => z.string().trim().max(max);

export const PersonInputSchema = z
  .object({
    identifiers: z.array(line(200)).max(20).optional(),
    origin_system: line(100).optional(),
    given_name: line(120).optional(),
    family_name: line(120).optional(),
    email_addresses: z
      .array(
        z.object({
          address: z.string().trim().toLowerCase().pipe(z.email().max(254)),
          primary: z.boolean().optional(),
          status: line(40).optional(),
        }),
      )
      .min(1)
      .max(5),
    postal_addresses: z
      .array(
        z.object({
          primary: z.boolean().optional(),
          locality: line(120).optional(),
          region: line(40).optional(),
          postal_code: line(20).optional(),
          country: line(60).optional(),
        }),
      )
      .max(5)
      .optional(),
    languages_spoken: z.array(line(10)).max(5).optional(),
    custom_fields: z.record(z.string(), z.union([line(200), z.number(), z.boolean()])).optional(),
  })
  .register(apiSchemas, { id: 'PersonInput' });
export type PersonInput = z.infer<typeof PersonInputSchema>;

/** `{ href }` of a person another response gave: its last segment is the id. */
const PersonLink = z.object({ 'osdi:person': z.object({ href: z.string().max(500) }).optional() });

export const SignupBodySchema = z
  .object({ person: PersonInputSchema, add_tags: z.array(line(100)).max(50).optional() })
  .register(apiSchemas, { id: 'PersonSignupHelper' });
export type SignupBody = z.infer<typeof SignupBodySchema>;

/** What a record helper is told of the record: who (a person, or a link to one) and where it came from. */
const RecordBodyFields = {
  person: PersonInputSchema.optional(),
  _links: PersonLink.optional(),
  identifiers: z.array(line(200)).max(20).optional(),
  origin_system: line(100).optional(),
};

export const SignatureBodySchema = z
  .object({ ...RecordBodyFields, comments: line(2000).optional() })
  .register(apiSchemas, { id: 'RecordSignatureHelper' });
export type SignatureBody = z.infer<typeof SignatureBodySchema>;

export const AttendanceBodySchema = z
  .object(RecordBodyFields)
  .register(apiSchemas, { id: 'RecordAttendanceHelper' });
export type AttendanceBody = z.infer<typeof AttendanceBodySchema>;
