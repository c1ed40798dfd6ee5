import * as z from 'zod';
import { field, US_STATES } from '../web/fields';
import { MANUAL_ROLES, OFFICIAL_ROLES, STANCES } from './schema';

const optionalState = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  field.usState().optional(),
);

/** The directory search (query string); bad values are ignored rather than refused. */
export const officialSearchSchema = z.object({
  name: z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().trim().max(100).optional()),
  state: optionalState.catch(undefined),
  chamber: z.enum(OFFICIAL_ROLES).optional().catch(undefined),
  district: z.preprocess(
    (v) => (typeof v === 'string' ? v : undefined),
    z.string().trim().max(40).optional(),
  ),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});

/** "Find my officials": one address line. */
export const findMineSchema = z.object({
  address: field.line(300, 8),
});

/** An official added or edited by hand in /admin/officials. */
export const manualOfficialSchema = z.object({
  name: field.line(120),
  givenName: field.optionalLine(80),
  familyName: field.optionalLine(80),
  state: field.usState(),
  chamber: field.choice(MANUAL_ROLES),
  title: field.line(160),
  district: field.optionalLine(60),
  jurisdictionName: field.optionalLine(120),
  party: field.optionalLine(60),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    field.email().optional(),
  ),
  phone: field.optionalLine(40),
  address: field.optionalLine(300),
  link: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    field.url().optional(),
  ),
  lang: field.choice(['en', 'es']),
  inOffice: field.checkbox(),
});

/** The one setting organizers may change on an imported official. */
export const officialLangSchema = z.object({ lang: field.choice(['en', 'es']) });

/** The earliest day a power-map note may be about: the map is about officials serving now. */
export const POWER_MAP_EARLIEST = '1970-01-01';

/**
 * The latest day a note may be about: today where the day is furthest ahead (UTC+14), so an
 * organizer anywhere can date a note today, but never tomorrow (a future date would become "current").
 */
export function latestNoteDay(now = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** A power-map note. */
export const powerMapEntrySchema = z.object({
  stance: field.choice(STANCES),
  notedOn: field
    .date()
    .refine((day) => day <= latestNoteDay(), { message: 'officials.error.notedOnFuture' })
    .refine((day) => day >= POWER_MAP_EARLIEST, { message: 'officials.error.notedOnTooOld' }),
  note: field.optionalText(2000),
});

/** Postal codes as select options. */
export const stateOptions = US_STATES.map((code) => [code, code] as const);
