import * as z from 'zod';
import { field } from '../web/fields';
import { STANCES } from '../officials/schema';
import type { MeetingAttendee } from './schema';

const MAX_ATTENDEES = 12;

/**
 * "Who else will attend": one person per line, "Name, email or phone". The name is one line of a
 * header-safe length; the contact is optional.
 */
export function parseAttendees(text: string | null): MeetingAttendee[] | null {
  if (!text) return [];
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > MAX_ATTENDEES) return null;
  const attendees: MeetingAttendee[] = [];
  for (const line of lines) {
    const comma = line.indexOf(',');
    const name = (comma === -1 ? line : line.slice(0, comma)).trim();
    const contact = comma === -1 ? '' : line.slice(comma + 1).trim();
    if (!name || name.length > 100 || contact.length > 200) return null;
    attendees.push({ name, contact });
  }
  return attendees;
}

/** Attendees back to the text a person typed, for re-showing a form. */
export function attendeesToText(attendees: readonly MeetingAttendee[]): string {
  return attendees.map((a) => (a.contact ? `${a.name}, ${a.contact}` : a.name)).join('\n');
}

/** The details of a meeting request (step one of the form). */
export const requestDetailsSchema = z.object({
  official: z.string().trim().min(1).max(80),
  senderName: field.line(100),
  senderEmail: field.email(),
  senderPhone: field.optionalLine(40),
  groupName: field.line(160),
  city: field.line(100),
  purpose: field.text(1000, 10),
  proposedDates: field.text(500),
  attendees: field.optionalText(2000).transform((v, ctx) => {
    const parsed = parseAttendees(v);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: 'meetings.error.attendees' });
      return z.NEVER;
    }
    return parsed;
  }),
  story: field.optionalText(3000),
  campaign: field.optionalLine(80),
});

/** Subject and body of an email the person read and edited. A subject is one line: no header injection. */
export const editedEmailSchema = z.object({
  subject: field.line(200),
  body: field.text(10000, 20),
});

/** Step two: the details again (hidden fields) with the email as edited. */
export const requestSendSchema = requestDetailsSchema.extend(editedEmailSchema.shape);

/** The official agreed to a date and place. `scheduledFor` is the meeting's local date and time. */
export const scheduleSchema = z.object({
  scheduledFor: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'meetings.error.dateTime' }),
  place: field.line(200),
});

/** The official declined. */
export const declineSchema = z.object({ note: field.optionalText(1000) });

const optionalDate = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  field.date().optional(),
);
const optionalBill = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().max(120).optional(),
);

/** How many commitments the record form offers. */
export const COMMITMENT_SLOTS = 3;

/** What happened in the meeting. */
export const recordSchema = z
  .object({
    heldOn: field.date(),
    stancePerceived: field.choice(STANCES),
    nextSteps: field.optionalText(2000),
    debriefNotes: field.optionalText(4000),
    commitment1: field.optionalText(500),
    commitment2: field.optionalText(500),
    commitment3: field.optionalText(500),
    bill1: optionalBill,
    bill2: optionalBill,
    bill3: optionalBill,
    followUp1: optionalDate,
    followUp2: optionalDate,
    followUp3: optionalDate,
  })
  .transform((v) => ({
    heldOn: v.heldOn,
    stancePerceived: v.stancePerceived,
    nextSteps: v.nextSteps,
    debriefNotes: v.debriefNotes,
    commitments: (
      [
        [v.commitment1, v.bill1, v.followUp1],
        [v.commitment2, v.bill2, v.followUp2],
        [v.commitment3, v.bill3, v.followUp3],
      ] as const
    )
      .filter(([text]) => Boolean(text))
      .map(([text, billId, followUpOn]) => ({
        text: text!,
        billId: billId ?? null,
        followUpOn: followUpOn ?? null,
      })),
  }));

/** An organizer's copy of a template. */
export const templateEditSchema = z.object({
  subject: z.string().max(300),
  body: z.string().max(20000),
  intent: z.enum(['preview', 'save']).catch('preview'),
});

/** The campaign label organizers group a meeting under (empty removes it). */
export const campaignSchema = z.object({
  campaign: z
    .string()
    .trim()
    .max(80)
    .regex(/^[^\r\n]*$/)
    .default(''),
});

/** The kept / not-kept toggle of a commitment: "1" marks it done, anything else open. */
export const commitmentDoneSchema = z.object({ done: z.string().optional().catch(undefined) });
