// The decisions of an advocacy day as plain functions of data: seats, waitlist, reminders, teams,
// roles, retention. Handlers and jobs call these; test/advocacy-days/decisions.test.ts tests them.
import { DAY, HOUR, MINUTE } from '../lib/time';
import type { TeamRole } from './schema';

/** Seats still free (never negative, even if an organizer lowered the capacity). */
export function seatsLeft(capacity: number, registered: number): number {
  return Math.max(0, capacity - registered);
}

/** Why a day takes no registrations, or null when it does. */
export type RegistrationClosedReason = 'draft' | 'deadline' | 'past';

/** Whether a day takes registrations at `now` (when full, people still join the waitlist). */
export function registrationClosedReason(
  day: { status: 'draft' | 'published'; registrationDeadline: number; startsAt: number },
  now: number,
): RegistrationClosedReason | null {
  if (day.status !== 'published') return 'draft';
  if (now >= day.startsAt) return 'past';
  if (now >= day.registrationDeadline) return 'deadline';
  return null;
}

/**
 * How often someone entering an already registered address on the form may trigger the "you are
 * already registered" email: often enough for a person who lost their link, too rarely for the form
 * to be used to flood someone's inbox.
 */
export const ALREADY_REGISTERED_EMAIL_EVERY_MS = 10 * MINUTE;

/** Whether the "you are already registered" email may go out now, given when the last one did. */
export function mayEmailAlreadyRegistered(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= ALREADY_REGISTERED_EMAIL_EVERY_MS;
}

/** A person's place on the waitlist: 1 + the number of people waiting who arrived before them. */
export function waitlistPosition(seq: number, waitingSeqs: readonly number[]): number {
  return 1 + waitingSeqs.filter((other) => other < seq).length;
}

/** The reminders we send, in days before the day. */
export const REMINDER_DAYS = [7, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/**
 * Which reminders are due for a registered person. A reminder is due from its point (7 or 1 day
 * before) until the day starts, only for people who already held their seat at that point (someone
 * who registers 3 days before gets the confirmation and then the 1-day reminder), and the 7-day one
 * is dropped once the 1-day one is due, so nobody gets two reminders in one hour.
 */
export function dueReminders(
  input: {
    startsAt: number;
    /** When the person got their seat: registration, or promotion from the waitlist. */
    seatSince: number;
    reminder7SentAt: number | null;
    reminder1SentAt: number | null;
  },
  now: number,
): ReminderDays[] {
  if (now >= input.startsAt) return [];
  const due: ReminderDays[] = [];
  const pointOf = (days: number) => input.startsAt - days * DAY;
  const oneDayDue = now >= pointOf(1) && input.seatSince < pointOf(1) && input.reminder1SentAt === null;
  const sevenDayDue =
    now >= pointOf(7) && now < pointOf(1) && input.seatSince < pointOf(7) && input.reminder7SentAt === null;
  if (sevenDayDue) due.push(7);
  if (oneDayDue) due.push(1);
  return due;
}

/**
 * How long a new registration's seat (or waitlist place) is held before the person confirms it
 * from the emailed link: fake registrations cannot keep seats from real people for longer.
 */
export const SEAT_HOLD_MS = 6 * HOUR;

/**
 * A registration's private links (manage, debrief, unsubscribe) end this long after its day: time
 * for the debrief invitation (sent within 3 days) and the debrief itself.
 */
export const REGISTRATION_LINK_GRACE_MS = 14 * DAY;

/** How long after a day phone numbers and street addresses are kept. */
export const RETENTION_MS = 90 * DAY;

/** True when a day's phone numbers and addresses must be deleted. */
export function personalDataExpired(day: { endsAt: number }, now: number): boolean {
  return now >= day.endsAt + RETENTION_MS;
}

/** True once a team's meeting may be debriefed: from the day's start (or its meeting, if set earlier). */
export function meetingHasBegun(
  day: { startsAt: number },
  team: { meetingAt: number | null } | null,
  now: number,
): boolean {
  return now >= day.startsAt || Boolean(team?.meetingAt && team.meetingAt <= now);
}

/**
 * Why a registration may not debrief a team, or null when it may: only a registered member of that
 * very team, and only once the meeting has begun (the debrief makes the team's meeting record).
 */
export function debriefRefusal(
  day: { startsAt: number },
  registration: { status: string; teamId: string | null },
  team: { id: string; meetingAt: number | null } | null,
  now: number,
): 'not_member' | 'not_started' | null {
  if (registration.status !== 'registered' || !team || registration.teamId !== team.id) return 'not_member';
  if (!meetingHasBegun(day, team, now)) return 'not_started';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Teams

/** A legislative seat a team visits. */
export interface Seat {
  chamber: 'upper' | 'lower';
  district: string;
}

/** Someone who can be put on a team: a registered person whose districts are known. */
export interface TeamCandidate {
  id: string;
  seq: number;
  upperDistrict: string | null;
  lowerDistrict: string | null;
}

/** A proposed team: the seat and who is on it, in arrival order. */
export interface ProposedTeam extends Seat {
  memberIds: string[];
}

/** "upper:36", the key of a seat in maps. */
export function seatKey(seat: Seat): string {
  return `${seat.chamber}:${seat.district}`;
}

function seatsOf(person: TeamCandidate): Seat[] {
  const seats: Seat[] = [];
  if (person.lowerDistrict) seats.push({ chamber: 'lower', district: person.lowerDistrict });
  if (person.upperDistrict) seats.push({ chamber: 'upper', district: person.upperDistrict });
  return seats;
}

function compareSeats(a: Seat, b: Seat): number {
  if (a.chamber !== b.chamber) return a.chamber === 'upper' ? -1 : 1;
  const na = Number(a.district);
  const nb = Number(b.district);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a.district.localeCompare(b.district);
}

/**
 * Proposes one team per legislator whose constituents registered. Everyone is a constituent of a
 * senator and a representative but joins one team: first every legislator gets one constituent
 * (legislators with the fewest constituents choose first, so nobody is left unvisited when it can
 * be helped), then everyone else joins the smaller of their two teams (the House team on a tie, as
 * representatives have the smaller districts). Organizers move people afterwards.
 */
export function proposeTeams(people: readonly TeamCandidate[]): ProposedTeam[] {
  const ordered = [...people].sort((a, b) => a.seq - b.seq);
  const constituents = new Map<string, { seat: Seat; people: TeamCandidate[] }>();
  for (const person of ordered) {
    for (const seat of seatsOf(person)) {
      const key = seatKey(seat);
      const entry = constituents.get(key) ?? { seat, people: [] };
      entry.people.push(person);
      constituents.set(key, entry);
    }
  }
  const members = new Map<string, string[]>([...constituents.keys()].map((key) => [key, []]));
  const assigned = new Set<string>();

  const bySparsity = [...constituents.values()].sort(
    (a, b) => a.people.length - b.people.length || compareSeats(a.seat, b.seat),
  );
  for (const { seat, people: pool } of bySparsity) {
    const first = pool.find((person) => !assigned.has(person.id));
    if (!first) continue;
    members.get(seatKey(seat))!.push(first.id);
    assigned.add(first.id);
  }

  for (const person of ordered) {
    if (assigned.has(person.id)) continue;
    const options = seatsOf(person);
    if (options.length === 0) continue;
    // seatsOf lists the House seat first, so a tie keeps it.
    const choice = options.reduce((best, seat) =>
      members.get(seatKey(seat))!.length < members.get(seatKey(best))!.length ? seat : best,
    );
    members.get(seatKey(choice))!.push(person.id);
    assigned.add(person.id);
  }

  const seq = new Map(ordered.map((person) => [person.id, person.seq]));
  return [...constituents.values()]
    .map(({ seat }) => ({
      ...seat,
      memberIds: members.get(seatKey(seat))!.sort((a, b) => seq.get(a)! - seq.get(b)!),
    }))
    .filter((team) => team.memberIds.length > 0)
    .sort(compareSeats);
}

/** What role suggestions look at: never anything beyond what the person told us for the day. */
export interface RoleCandidate {
  id: string;
  faithRole: 'clergy' | 'lay';
  firstTime: boolean;
  willingToShareStory: boolean;
}

/** How many people may hold each role in one meeting (the toolkit: one or two storytellers). */
export const ROLE_LIMITS: Record<TeamRole, number> = {
  facilitator: 1,
  storyteller: 2,
  ask: 1,
  notetaker: 1,
};

/**
 * Suggests the toolkit's roles for a team. Only people who said they are willing to share a story
 * are storytellers; an experienced member (clergy first) facilitates; clergy make the ask, speaking
 * with moral authority; a first-timer takes notes, which is the gentlest way in.
 */
export function suggestRoles(members: readonly RoleCandidate[]): Map<string, TeamRole | null> {
  const roles = new Map<string, TeamRole | null>(members.map((m) => [m.id, null]));
  if (members.length === 0) return roles;
  const free = () => members.filter((m) => roles.get(m.id) === null);
  const pick = (candidates: RoleCandidate[], score: (m: RoleCandidate) => number) =>
    candidates.reduce<RoleCandidate | undefined>(
      (best, m) => (best === undefined || score(m) > score(best) ? m : best),
      undefined,
    );
  const experience = (m: RoleCandidate) => (m.firstTime ? 0 : 2) + (m.faithRole === 'clergy' ? 1 : 0);

  // A lone visitor facilitates and makes the ask themselves; they are marked facilitator.
  const storytellerSlots = members.length === 1 ? 0 : members.length >= 5 ? 2 : 1;
  const willing = members.filter((m) => m.willingToShareStory);
  for (const teller of willing.slice(0, storytellerSlots)) roles.set(teller.id, 'storyteller');

  const facilitator = pick(free(), experience);
  if (facilitator) roles.set(facilitator.id, 'facilitator');
  const asker = pick(free(), (m) => (m.faithRole === 'clergy' ? 2 : 0) + (m.firstTime ? 0 : 1));
  if (asker) roles.set(asker.id, 'ask');
  const notetaker = pick(free(), (m) => (m.firstTime ? 1 : 0));
  if (notetaker) roles.set(notetaker.id, 'notetaker');
  return roles;
}

/** What is wrong or missing in a team's roles. */
export interface RoleCheck {
  /** Roles held by more people than allowed: the form is refused. */
  overLimit: TeamRole[];
  /** Roles nobody holds yet: shown as a warning on the team. */
  missing: TeamRole[];
}

/** Checks a team's roles against the toolkit's limits. */
export function checkRoles(roles: readonly (TeamRole | null)[]): RoleCheck {
  const counts = new Map<TeamRole, number>();
  for (const role of roles) if (role) counts.set(role, (counts.get(role) ?? 0) + 1);
  const all = Object.keys(ROLE_LIMITS) as TeamRole[];
  return {
    overLimit: all.filter((role) => (counts.get(role) ?? 0) > ROLE_LIMITS[role]),
    missing: all.filter((role) => !counts.get(role)),
  };
}

// ---------------------------------------------------------------------------------------------
// Check-in codes

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short check-in code without look-alike characters (no 0/O, 1/I/L). */
export function newCheckInCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** A typed code as stored: upper case, without spaces or dashes. */
export function normaliseCheckInCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
