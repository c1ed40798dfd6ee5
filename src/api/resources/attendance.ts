// An attendance (OSDI `osdi:attendance`): one registration for an advocacy day.
import * as z from 'zod';
import type { AttendanceRow } from '../queries/actions';
import { linkFields, resourceSchema, ownFieldsOf, type ApiLinks } from './common';

export const ATTENDANCE_STATUSES = ['registered', 'waitlisted', 'cancelled', 'attended'] as const;

export const AttendanceSchema = resourceSchema(
  'Attendance',
  { status: z.enum(ATTENDANCE_STATUSES) },
  linkFields('osdi:event', 'osdi:person'),
);
export type AttendanceResource = z.infer<typeof AttendanceSchema>;

/** The status a client sees: "attended" once checked in at the door, else the seat's status. */
export function attendanceStatus(row: Pick<AttendanceRow, 'status' | 'checkedInAt'>) {
  return row.checkedInAt !== null && row.status === 'registered' ? 'attended' : row.status;
}

/** A registration as OSDI shows an attendance (no contact details, needs or districts). */
export function attendanceResource(row: AttendanceRow, links: ApiLinks): AttendanceResource {
  return {
    ...ownFieldsOf(row),
    status: attendanceStatus(row),
    _links: {
      self: links.to('events', row.dayId, 'attendances', row.id),
      'osdi:event': links.to('events', row.dayId),
      'osdi:person': links.to('people', row.personId),
    },
  };
}
