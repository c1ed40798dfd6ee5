// Tables of this feature; re-exported by src/schema.ts.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  bilingual,
  choice,
  demoFlag,
  epochMs,
  epochMsNotNull,
  fanoutCursorColumns,
  fanoutCursorIndex,
  langColumn,
  ownerId,
  privateLinkColumns,
  requiredRef,
  timestamps,
} from '../db/columns';
import { officials } from '../officials/schema';
import { LETTER_STATUSES, SIGNER_ROLES, TRADITIONS } from './choices';

if (!TRADITIONS.every((value) => /^[a-z-]+$/.test(value))) throw new Error('a tradition needs quoting');
/**
 * A signer's place in the public list's grouping (the order of TRADITIONS), as SQL with literal
 * values: an index on this very expression lets the public list read one page through the index
 * instead of sorting every signer (see docs/performance.md). The values are fixed identifiers,
 * checked above, never input.
 */
export const traditionRankSql = sql.raw(
  `(case "tradition" ${TRADITIONS.map((value, index) => `when '${value}' then ${index}`).join(' ')} else ${TRADITIONS.length} end)`,
);

/** A sign-on letter: its text in both languages, who it is addressed to, and whether it is open. */
export const letters = sqliteTable('letters', {
  id: text().primaryKey(),
  /** The public address: /letters/<slug>. */
  slug: text().notNull().unique(),
  status: choice(LETTER_STATUSES, 'draft'),
  ...bilingual('title', 'both'),
  /** Markdown, rendered safely when shown (raw HTML escaped). */
  ...bilingual('body', 'both'),
  /** Free text, one addressee per line (e.g. "Sheriff Dana Morales, Alder County"). */
  addressees: text().notNull().default(''),
  /** Last day signatures are accepted (YYYY-MM-DD, anywhere on earth); null means no deadline. */
  deadline: text(),
  /** How many signatures the coalition hopes for; null means no goal shown. */
  goal: integer(),
  isDemo: demoFlag(),
  ...timestamps(),
  /** When an organizer closed it (null while draft or open): signers' private links end after it. */
  closedAt: epochMs(),
});

/**
 * One person's signature. It counts only once confirmed (the link in the confirmation email) and
 * not hidden by an organizer. Withdrawing deletes the row; unconfirmed rows expire after 7 days.
 */
export const letterSignatures = sqliteTable(
  'letter_signatures',
  {
    id: text().primaryKey(),
    letterId: ownerId(() => letters.id),
    /** Lower-cased; one signature per letter and address. Never shown publicly. */
    email: text().notNull(),
    /** A key of HONORIFICS ('rev', 'rabbi', …, 'none'), or 'other' with honorificOther. */
    honorific: text().notNull(),
    honorificOther: text(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    role: text({ enum: SIGNER_ROLES }).notNull(),
    tradition: text().notNull(),
    denomination: text(),
    congregation: text(),
    city: text().notNull(),
    state: text().notNull(),
    comment: text(),
    showPublicly: integer({ mode: 'boolean' }).notNull(),
    keepInformed: integer({ mode: 'boolean' }).notNull(),
    /** The signer's language, for every email they get. */
    lang: langColumn(),
    confirmTokenHash: text().notNull(),
    withdrawTokenHash: text().notNull(),
    /** How many confirmation emails were queued; the outbox id of the n-th is derived from it. */
    confirmationsSent: integer().notNull().default(1),
    lastConfirmationAt: epochMsNotNull(),
    confirmedAt: epochMs(),
    /** Set by an organizer: an offensive or fake name leaves the public list and the count. */
    hiddenAt: epochMs(),
    /** Set by an organizer who checked the person is who they say. */
    verifiedAt: epochMs(),
    isDemo: demoFlag(),
    /** Null when signed on this site; the API client's origin_system when recorded through the API. */
    origin: text(),
    createdAt: epochMsNotNull(),
  },
  (t) => [
    uniqueIndex('letter_signatures_letter_email_idx').on(t.letterId, t.email),
    uniqueIndex('letter_signatures_confirm_idx').on(t.confirmTokenHash),
    uniqueIndex('letter_signatures_withdraw_idx').on(t.withdrawTokenHash),
    index('letter_signatures_public_idx').on(t.letterId, t.confirmedAt, t.hiddenAt, t.tradition),
    // The expiry job's scan: unconfirmed rows by when their last link went out.
    index('letter_signatures_unconfirmed_idx').on(t.confirmedAt, t.lastConfirmationAt),
    // The CSV export's keyset pages (letter, created_at, id): without it every page sorts the whole
    // letter (a 100,000-signature export took 26 s instead of 7; see docs/performance.md).
    index('letter_signatures_export_idx').on(t.letterId, t.createdAt, t.id),
    // The pages of an update's fan-out: a letter's opted-in signers in id order (src/letters/updates.ts).
    index('letter_signatures_updates_idx').on(t.letterId, t.keepInformed, t.id),
    // The API's pages of signatures (a signature's modified time is its confirmation), all, per
    // letter and per person.
    index('letter_signatures_confirmed_idx').on(t.confirmedAt, t.id),
    index('letter_signatures_letter_confirmed_idx').on(t.letterId, t.confirmedAt, t.id),
    index('letter_signatures_email_idx').on(t.email),
    // The API's taggings of one faith tradition, in (confirmed, id) order, and the look-up of a
    // person's earlier signature in the same tradition (each person is tagged once).
    index('letter_signatures_tradition_confirmed_idx').on(t.tradition, t.confirmedAt, t.id),
    index('letter_signatures_email_tradition_idx').on(t.email, t.tradition, t.confirmedAt, t.id),
    // The public signers list: one page in list order (tradition group, last and first name) read
    // through this index; only signatures that count and are shown are in it (an insert of an
    // unconfirmed signature does not touch it).
    index('letter_signatures_list_idx')
      .on(t.letterId, traditionRankSql, t.lastName, t.firstName, t.id)
      .where(sql`${t.confirmedAt} is not null and ${t.hiddenAt} is null and ${t.showPublicly} = 1`),
    // The public counts (by tradition, by state, shown or not) of signatures that count, read from
    // the index alone.
    index('letter_signatures_counts_idx')
      .on(t.letterId, t.tradition, t.state, t.showPublicly, t.confirmedAt, t.hiddenAt)
      .where(sql`${t.confirmedAt} is not null and ${t.hiddenAt} is null`),
  ],
);

/**
 * A letter's counts of signatures (see LetterTally in tally.ts), kept by triggers on
 * letter_signatures (written by hand in migration 0014): every insert, change and delete adjusts
 * them in the same statement, whoever makes it (signing, confirming, an organizer's marks, expiry,
 * erasure, a data import), so a page reads one row instead of counting the letter's signatures.
 * No row yet means no signature yet.
 */
export const letterTallies = sqliteTable('letter_tallies', {
  letterId: text()
    .primaryKey()
    .references(() => letters.id, { onDelete: 'cascade' }),
  /** Every signature, confirmed or not. */
  signatures: integer().notNull().default(0),
  unconfirmed: integer().notNull().default(0),
  confirmed: integer().notNull().default(0),
  signed: integer().notNull().default(0),
  named: integer().notNull().default(0),
  hidden: integer().notNull().default(0),
  /** Marked verified by an organizer, confirmed or not. */
  verified: integer().notNull().default(0),
});

/** A delivery of a letter by email to its addressees, with the outbox rows that carry it. */
export const letterDeliveries = sqliteTable(
  'letter_deliveries',
  {
    id: text().primaryKey(),
    letterId: ownerId(() => letters.id),
    organizerId: text(),
    lang: langColumn(),
    /** JSON array of the outbox ids, one per recipient (their sent_at says when each went out). */
    outboxIds: text().notNull(),
    recipientCount: integer().notNull(),
    signerCount: integer().notNull(),
    createdAt: epochMsNotNull(),
  },
  (t) => [index('letter_deliveries_letter_idx').on(t.letterId, t.createdAt)],
);

/** Officials from the directory a letter is addressed to, besides the free-text addressees. */
export const letterAddresseeOfficials = sqliteTable(
  'letter_addressee_officials',
  {
    letterId: ownerId(() => letters.id),
    officialId: requiredRef(() => officials.id),
    createdAt: epochMsNotNull(),
  },
  (t) => [primaryKey({ columns: [t.letterId, t.officialId] })],
);

/**
 * An update an organizer wrote to the signers who ticked "keep me informed". Its id is made when the
 * preview is shown, so pressing "Send" twice stores one update; each recipient's email has the
 * outbox id `letter-update:<update id>:<signature id>`, so no page of the fan-out is sent twice.
 */
export const letterUpdates = sqliteTable(
  'letter_updates',
  {
    id: text().primaryKey(),
    letterId: ownerId(() => letters.id),
    organizerId: text(),
    // Spanish null when the organizer wrote none: Spanish readers get the English text with a note.
    ...bilingual('subject', 'en'),
    /** Markdown, rendered safely in the email (raw HTML escaped). */
    ...bilingual('body', 'en'),
    /** "What you can do next": an optional link with its words in each language. */
    nextStepUrl: text(),
    ...bilingual('nextStepLabel'),
    /** How many people it was going to when the organizer pressed "Send". */
    recipientCount: integer().notNull(),
    // 'sending' until the last page of recipients is stored and handed to the outbox; the pages
    // stored so far, and the last signature id stored (the keyset cursor).
    ...fanoutCursorColumns(['sending', 'done'], 'sending'),
    isDemo: demoFlag(),
    createdAt: epochMsNotNull(),
  },
  (t) => [
    index('letter_updates_letter_idx').on(t.letterId, t.createdAt),
    fanoutCursorIndex('letter_updates', t),
  ],
);

/**
 * The private "stop these updates" link of one update email (RFC 8058 one-click unsubscribe). Only
 * the hash of the token is stored; erasing or withdrawing the signature deletes its links.
 */
export const letterUpdateLinks = sqliteTable(
  'letter_update_links',
  {
    ...privateLinkColumns(),
    signatureId: ownerId(() => letterSignatures.id),
    updateId: ownerId(() => letterUpdates.id),
  },
  (t) => [index('letter_update_links_signature_idx').on(t.signatureId)],
);

export type Letter = typeof letters.$inferSelect;
export type LetterSignature = typeof letterSignatures.$inferSelect;
export type LetterDelivery = typeof letterDeliveries.$inferSelect;
export type LetterUpdate = typeof letterUpdates.$inferSelect;
