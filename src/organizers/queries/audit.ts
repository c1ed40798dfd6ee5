// The audit log: who did what and when (ids and paths only).
import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import { newId } from '../../lib/tokens';
import { auditEvents, organizers } from '../schema';

/** One audit-log entry (ids and paths only). */
export interface AuditEntry {
  at: number;
  organizerId: string | null;
  event: string;
  path?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

/** The statement that records an audit entry, for the same batch as the change it records. */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditEvents).values({
    id: newId(),
    at: entry.at,
    organizerId: entry.organizerId,
    event: entry.event,
    path: entry.path ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

/** Records an audit entry on its own. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditStatement(db, entry);
}

/** The newest audit entries, with the organizer's email for owners to read, newest first. */
export async function listAuditEvents(db: Db, limit = 200) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      event: auditEvents.event,
      path: auditEvents.path,
      detail: auditEvents.detail,
      organizerEmail: organizers.email,
    })
    .from(auditEvents)
    .leftJoin(organizers, eq(organizers.id, auditEvents.organizerId))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}

/** Deletes audit entries older than `before` (they are kept one year). */
export async function deleteAuditEventsBefore(db: Db, before: number): Promise<void> {
  await db.delete(auditEvents).where(lt(auditEvents.at, before));
}
