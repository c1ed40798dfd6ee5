// An event (OSDI `osdi:event`): a published advocacy day at the capitol, or a gathering (a vigil,
// rally, forum, listening session or training).
import * as z from 'zod';
import { dayPath } from '../../advocacy-days/kinds';
import type { EventRow } from '../queries/campaigns';
import { actionResource, actionSchema, isoDate, recordLinkFields, type ApiLinks } from './common';

export const EventSchema = actionSchema(
  'Event',
  {
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
  },
  recordLinkFields('attendance'),
);
export type EventResource = z.infer<typeof EventSchema>;

/** A day as OSDI shows an event: its public venue (never a participant's address). */
export function eventResource(day: EventRow, links: ApiLinks): EventResource {
  return actionResource(
    day,
    links,
    { title: day.title, page: dayPath(day), _links: links.withRecords(['events', day.id], 'attendance') },
    {
      description: day.summary,
      start_date: isoDate(day.startsAt),
      end_date: isoDate(day.endsAt),
      status: 'confirmed' as const,
      capacity: day.capacity,
      total_accepted: day.registeredCount,
      location: {
        venue: day.placeName,
        address_lines: [day.address],
        region: day.state.toUpperCase(),
        country: 'US',
      },
    },
  );
}
