// A person (OSDI `osdi:person`), from the people index. Never a phone number or street address:
// /privacy says those serve an advocacy day only and are deleted after it.
import * as z from 'zod';
import type { Person } from '../../people/schema';
import { linkFields, resourceSchema, baseFieldsOf, type ApiLinks } from './common';

export const PersonSchema = resourceSchema(
  'Person',
  {
    given_name: z.string().nullable(),
    family_name: z.string().nullable(),
    email_addresses: z.array(
      z.object({
        address: z.string().email(),
        primary: z.boolean(),
        status: z.enum(['subscribed', 'unsubscribed']),
      }),
    ),
    postal_addresses: z.array(
      z.object({
        primary: z.boolean(),
        locality: z.string().optional(),
        region: z.string().optional(),
        postal_code: z.string().optional(),
        country: z.string(),
      }),
    ),
    languages_spoken: z.array(z.string()),
    custom_fields: z.record(z.string(), z.string()),
  },
  linkFields('osdi:signatures', 'osdi:attendances', 'osdi:submissions', 'osdi:taggings'),
);
export type PersonResource = z.infer<typeof PersonSchema>;

/** Only the fields that have a value. */
function present(fields: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => !!entry[1]));
}

/**
 * A person as OSDI shows them. Their email status is what an API client told us, else
 * "unsubscribed": consent to our own lists is not passed on to other systems.
 */
export function personResource(person: Person, links: ApiLinks): PersonResource {
  const place = present({ locality: person.locality, region: person.region, postal_code: person.postalCode });
  return {
    ...baseFieldsOf(person, { origin: person.originSystem, theirIdentifiers: person.identifiers }),
    given_name: person.givenName,
    family_name: person.familyName,
    email_addresses: [{ address: person.email, primary: true, status: person.emailStatus ?? 'unsubscribed' }],
    postal_addresses: Object.keys(place).length ? [{ primary: true, ...place, country: 'US' }] : [],
    languages_spoken: person.lang ? [person.lang] : [],
    custom_fields: present({
      clergy_title: person.clergyTitle,
      tradition: person.tradition,
      denomination: person.denomination,
      congregation: person.congregation,
    }),
    _links: links.of(['people', person.id], {
      'osdi:signatures': 'signatures',
      'osdi:attendances': 'attendances',
      'osdi:submissions': 'submissions',
      'osdi:taggings': 'taggings',
    }),
  };
}
