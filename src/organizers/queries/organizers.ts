// The organizers themselves: the allowlist and roles.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { newId } from '../../lib/tokens';
import { organizers } from '../schema';
import type { Role } from '../roles';
import { auditStatement } from './audit';

/** An organizer on the allowlist, found by (lower-case) email. */
export async function findOrganizerByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: organizers.id, email: organizers.email, lang: organizers.lang })
    .from(organizers)
    .where(eq(organizers.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** Puts an address on the allowlist; adding it twice changes nothing. Returns true when it was new. */
export async function addOrganizer(
  db: Db,
  input: { email: string; name?: string | null; id?: string; at?: number; role?: Role },
): Promise<boolean> {
  const rows = await db
    .insert(organizers)
    .values({
      id: input.id ?? newId(),
      email: input.email.toLowerCase(),
      name: input.name ?? null,
      role: input.role ?? 'organizer',
      createdAt: input.at ?? Date.now(),
    })
    .onConflictDoNothing()
    .returning({ id: organizers.id });
  return rows.length > 0;
}

/** Every organizer with their role, for the owner's page. */
export async function listOrganizers(db: Db) {
  return db
    .select({ id: organizers.id, email: organizers.email, name: organizers.name, role: organizers.role })
    .from(organizers)
    .orderBy(organizers.email);
}

/** Changes an organizer's role, with its audit entry, in one batch; false when there is no such organizer. */
export async function changeRole(db: Db, input: { organizerId: string; role: Role; by: string; at: number }) {
  const [updated] = await db.batch([
    db
      .update(organizers)
      .set({ role: input.role })
      .where(eq(organizers.id, input.organizerId))
      .returning({ id: organizers.id }),
    auditStatement(db, {
      at: input.at,
      organizerId: input.by,
      event: 'role_changed',
      detail: { organizerId: input.organizerId, role: input.role },
    }),
  ]);
  return updated.length > 0;
}

/** Removes an organizer (their sessions and link go with them), with its audit entry. */
export async function removeOrganizer(db: Db, input: { organizerId: string; by: string; at: number }) {
  const [removed] = await db.batch([
    db.delete(organizers).where(eq(organizers.id, input.organizerId)).returning({ id: organizers.id }),
    auditStatement(db, {
      at: input.at,
      organizerId: input.by,
      event: 'organizer_removed',
      detail: { organizerId: input.organizerId },
    }),
  ]);
  return removed.length > 0;
}

/** Sets the role of a listed organizer (the command line's `--role`); false when the address is not listed. */
export async function setRoleByEmail(db: Db, email: string, role: Role): Promise<boolean> {
  const rows = await db
    .update(organizers)
    .set({ role })
    .where(eq(organizers.email, email.toLowerCase()))
    .returning({ id: organizers.id });
  return rows.length > 0;
}
