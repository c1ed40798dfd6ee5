// An event (OSDI `osdi:event`): a published advocacy day at the capitol, or a gathering (a vigil,
// rally, forum, listening session or training).
import * as z from 'zod';
import { dayPath } from '../../advocacy-days/kinds';
import type { EventRow } from '../queries/campaigns';
import { isoDate, linkFields, resourceSchema, ownFieldsOf, type ApiLinks } from './common';

export const EventSchema = resourceSchema(
  'Event',
  {
    title: z.string(),
    description: z.string(),
    start_date: z.string().datetime(),
    end_date: z.string().datetime(),
    status: z.literal('confirmed'),
    capacity: z.number().int(),
    total_accepted: z.number().int(),
    location: z.object({
      venue: z.string(),
      address_lines: z.array(z.string()),
      region: z.string(),
      country: z.string(),
    }),
    browser_url: z.string().url(),
  },
  linkFields('osdi:attendances', 'osdi:record_attendance_helper'),
);
export type EventResource = z.infer<typeof EventSchema>;

/** A day as OSDI shows an event: its public venue (never a participant's address). */
export function eventResource(day: EventRow, links: ApiLinks): EventResource {
  return {
    ...ownFieldsOf(day),
    title: day.title,
    description: day.summary,
    start_date: isoDate(day.startsAt),
    end_date: isoDate(day.endsAt),
    status: 'confirmed',
    capacity: day.capacity,
    total_accepted: day.registeredCount,
    location: {
      venue: day.placeName,
      address_lines: [day.address],
      region: day.state.toUpperCase(),
      country: 'US',
    },
    browser_url: links.site(dayPath(day)),
    _links: links.of(['events', day.id], {
      'osdi:attendances': 'attendances',
      'osdi:record_attendance_helper': 'attendances',
    }),
  };
}
