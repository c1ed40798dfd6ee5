// An event (OSDI `osdi:event`): a published advocacy day at the capitol, or a gathering (a vigil,
// rally, forum, listening session or training).
import * as z from 'zod';
import { dayPath } from '../../advocacy-days/kinds';
import type { EventRow } from '../queries/campaigns';
import { apiSchemas, LinkSchema, ResourceFields, isoDate, type ApiLinks, baseFieldsOf } from './common';

export const EventSchema = z
  .object({
    ...ResourceFields,
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
    _links: z.object({
      self: LinkSchema,
      'osdi:attendances': LinkSchema,
      'osdi:record_attendance_helper': LinkSchema,
    }),
  })
  .register(apiSchemas, { id: 'Event' });
export type EventResource = z.infer<typeof EventSchema>;

/** A day as OSDI shows an event: its public venue (never a participant's address). */
export function eventResource(day: EventRow, links: ApiLinks): EventResource {
  return {
    ...baseFieldsOf({ id: day.id, createdAt: day.createdAt, modifiedAt: day.updatedAt }),
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
    _links: {
      self: links.to('events', day.id),
      'osdi:attendances': links.to('events', day.id, 'attendances'),
      'osdi:record_attendance_helper': links.to('events', day.id, 'attendances'),
    },
  };
}
