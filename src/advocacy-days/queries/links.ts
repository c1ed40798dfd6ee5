// The private links of registrations: each is a random token whose hash alone is stored.
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { openRegistration } from '../contact-fields';
import { hashToken, newToken } from '../../lib/tokens';
import { REGISTRATION_LINK_GRACE_MS } from '../decisions';
import {
  advocacyDays,
  dayRegistrationLinks,
  dayRegistrations,
  type AdvocacyDay,
  type Registration,
} from '../schema';

/** A new private link for a registration, as a statement for the same batch as its email. */
export async function newLinkStatement(db: Db, registrationId: string, at: number) {
  const token = newToken();
  // INSERT … SELECT: inserts nothing (instead of failing the batch) when the registration is absent.
  const statement = db.run(sql`
    insert into day_registration_links (token_hash, registration_id, created_at)
    select ${await hashToken(token)}, id, ${at} from day_registrations where id = ${registrationId}`);
  return { token, statement };
}

/**
 * The registration behind a private link (by the token's hash), with its day; none once the link
 * has ended (REGISTRATION_LINK_GRACE_MS after the day), even before the clean-up deletes it.
 */
export async function findRegistrationByTokenHash(
  db: Db,
  tokenHash: string,
  at = Date.now(),
): Promise<{ registration: Registration; day: AdvocacyDay } | undefined> {
  const [row] = await db
    .select({ registration: dayRegistrations, day: advocacyDays })
    .from(dayRegistrationLinks)
    .innerJoin(dayRegistrations, eq(dayRegistrations.id, dayRegistrationLinks.registrationId))
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(
      and(
        eq(dayRegistrationLinks.tokenHash, tokenHash),
        gt(advocacyDays.endsAt, at - REGISTRATION_LINK_GRACE_MS),
      ),
    )
    .limit(1);
  return row && { ...row, registration: await openRegistration(db, row.registration) };
}

/** Deletes the private links of days that ended more than REGISTRATION_LINK_GRACE_MS ago. */
export async function deleteEndedRegistrationLinks(db: Db, at: number): Promise<number> {
  const ended = db
    .select({ id: dayRegistrations.id })
    .from(dayRegistrations)
    .innerJoin(advocacyDays, eq(advocacyDays.id, dayRegistrations.dayId))
    .where(lt(advocacyDays.endsAt, at - REGISTRATION_LINK_GRACE_MS));
  const result = await db
    .delete(dayRegistrationLinks)
    .where(inArray(dayRegistrationLinks.registrationId, ended));
  return result.meta.changes;
}
