// The organizers' own copies of the meeting templates (meeting_templates); without a row the
// default file in templates/ is used (templates.ts).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import type { Lang } from '../../lib/i18n';
import { meetingTemplates, type MeetingTemplateKind } from '../schema';

/** The organizers' saved subject and body of one template, if they saved one. */
export async function findSavedMeetingTemplate(
  db: Db,
  kind: MeetingTemplateKind,
  lang: Lang,
): Promise<{ subject: string; body: string } | undefined> {
  const [row] = await db
    .select({ subject: meetingTemplates.subject, body: meetingTemplates.body })
    .from(meetingTemplates)
    .where(and(eq(meetingTemplates.kind, kind), eq(meetingTemplates.lang, lang)))
    .limit(1);
  return row;
}

/** Which templates organizers saved their own copy of, as "kind.lang" (e.g. "thanks.es"). */
export async function listSavedMeetingTemplates(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ kind: meetingTemplates.kind, lang: meetingTemplates.lang })
    .from(meetingTemplates);
  return new Set(rows.map((r) => `${r.kind}.${r.lang}`));
}

/** Saves (or replaces) the organizers' copy of a template. */
export async function saveMeetingTemplate(
  db: Db,
  kind: MeetingTemplateKind,
  lang: Lang,
  edited: { subject: string; body: string },
  organizerId: string | null,
  at: number,
): Promise<void> {
  await db
    .insert(meetingTemplates)
    .values({ kind, lang, ...edited, updatedBy: organizerId, updatedAt: at })
    .onConflictDoUpdate({
      target: [meetingTemplates.kind, meetingTemplates.lang],
      set: { ...edited, updatedBy: organizerId, updatedAt: at },
    });
}

/** Removes the organizers' copy, so the default is used again. */
export async function resetMeetingTemplate(db: Db, kind: MeetingTemplateKind, lang: Lang): Promise<void> {
  await db
    .delete(meetingTemplates)
    .where(and(eq(meetingTemplates.kind, kind), eq(meetingTemplates.lang, lang)));
}
