import { and, eq, inArray } from 'drizzle-orm';
import { runBatch } from '../../src/db/batch';
import { utcToZonedInput, zonedInputToUtc } from '../../src/advocacy-days/calendar';
import { sealRegistrationContacts } from '../../src/advocacy-days/contact-fields';
import { registrationTermsStatement } from '../../src/advocacy-days/queries/search';
import { seatEmail } from '../../src/advocacy-days/emails';
import {
  advocacyDays,
  dayRegistrationLinks,
  dayRegistrations,
  dayTeams,
} from '../../src/advocacy-days/schema';
import { proposeAndSaveTeams } from '../../src/advocacy-days/teams';
import { queueEmail } from '../../src/email/outbox';
import { LOCAL_MAILBOX_PROVIDER } from '../../src/email/queries';
import { outbox } from '../../src/email/schema';
import { hashToken } from '../../src/lib/tokens';
import { DAY } from '../../src/lib/time';
import { officials } from '../../src/officials/schema';
import type { DemoContext } from './context';

// Two upcoming days at real state capitols, relative to the demo's "now":
// - Georgia (the main one): full, with a waitlist, registrants spread over Georgia districts whose
//   legislators come from the officials directory, and teams already built with roles and rooms.
// - South Carolina: a small day with seats left, to try registering, cancelling and the waitlist.
// People and their details are invented; every row is is_demo and pages label it.

const GA_DAY_ID = 'demo-day-georgia';
const SC_DAY_ID = 'demo-day-south-carolina';
const TZ = 'America/New_York';

/** A fixed private link for one demo registrant, so /dev/mail shows a confirmation that works. */
export const DEMO_LINK_TOKEN = 'demo-private-link-rev-grace-kim-0001';

// Senate and House districts (Georgia): metro Atlanta, Savannah and Macon.
const GA_SEATS: [upper: string, lower: string][] = [
  ['36', '58'],
  ['36', '57'],
  ['39', '55'],
  ['2', '161'],
  ['26', '143'],
];

const PEOPLE: {
  name: string;
  clergy?: boolean;
  first?: boolean;
  story?: boolean;
  lang?: 'es';
  congregation: string;
}[] = [
  { name: 'Rev. Grace Kim', clergy: true, congregation: 'Peachtree Korean Presbyterian' },
  { name: 'Lucía Hernández', story: true, lang: 'es', congregation: 'Iglesia Santa Fe' },
  { name: 'David Okafor', first: true, congregation: 'St. Anthony of Padua' },
  { name: 'Rabbi Miriam Levy', clergy: true, congregation: 'Temple Beth Shalom' },
  { name: 'José Ramírez', story: true, lang: 'es', first: true, congregation: 'Cristo Rey' },
  { name: 'Sarah Whitfield', congregation: 'Ebenezer Fellowship' },
  { name: 'Imam Yusuf Adeyemi', clergy: true, congregation: 'Masjid Al-Noor' },
  { name: 'Ana Castillo', story: true, congregation: 'Holy Cross Catholic' },
  { name: 'Tom Becker', first: true, congregation: 'First Lutheran' },
  { name: 'Sister Mary Nolan', clergy: true, congregation: 'Sisters of Mercy' },
  { name: 'Guadalupe Torres', story: true, lang: 'es', congregation: 'San Juan Diego' },
  { name: 'Michael Chen', congregation: 'Atlanta Chinese Christian Church' },
  { name: 'Pastor Daniel Reyes', clergy: true, lang: 'es', congregation: 'Iglesia Bautista Emanuel' },
  { name: 'Emily Johnson', first: true, congregation: 'Oakhurst Baptist' },
  { name: 'Fatima Hassan', story: true, congregation: 'Clarkston Community Center' },
  { name: 'Rev. James Washington', clergy: true, congregation: 'Big Bethel AME' },
  { name: 'María Gómez', lang: 'es', first: true, congregation: 'Santa María' },
  { name: 'Hannah Schultz', congregation: 'Unitarian Universalist of Savannah' },
  { name: 'Carlos Mendoza', story: true, congregation: 'St. Joseph Macon' },
  { name: 'Father Patrick Doyle', clergy: true, congregation: 'St. Benedict the Moor' },
  { name: 'Rosa Delgado', lang: 'es', congregation: 'Nuestra Señora de las Américas' },
  { name: 'Kevin Park', first: true, congregation: 'Korean United Methodist' },
  { name: 'Linda Alvarez', story: true, congregation: 'Macon Catholic Worker' },
  { name: 'Rev. Angela Brooks', clergy: true, congregation: 'Trinity UCC' },
  // Waitlist (the day is full):
  { name: 'Samuel Osei', congregation: 'Ghanaian Methodist Fellowship' },
  { name: 'Elena Vargas', lang: 'es', story: true, congregation: 'Iglesia La Roca' },
  { name: 'Peter Novak', first: true, congregation: 'St. Thomas More' },
  { name: 'Noor Rahman', congregation: 'Roswell Islamic Center' },
  { name: 'Claire Dubois', congregation: 'Friends Meeting of Atlanta' },
];
const GA_CAPACITY = 24;

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function demoCode(index: number): string {
  // Fixed, distinct six-character codes: "GA" + four characters from the check-in alphabet.
  let n = index + 31 * 31 * 7;
  let tail = '';
  for (let i = 0; i < 4; i++) {
    tail = CODE_ALPHABET[n % CODE_ALPHABET.length] + tail;
    n = Math.floor(n / CODE_ALPHABET.length);
  }
  return `GA${tail}`;
}

function demoEmail(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(rev|rabbi|imam|sister|pastor|father)\.? /, '')
    .replace(/[^a-z]+/g, '.');
  return `${local}@example.org`;
}

/** A wall-clock time some days from `now`, in the capitol's zone. */
function daysFrom(now: number, days: number, time: string): number {
  const date = utcToZonedInput(now + days * DAY, TZ).slice(0, 10);
  return zonedInputToUtc(`${date}T${time}`, TZ);
}

/** The advocacy-day demo content (fixed ids, a re-run adds nothing). */
export async function seedAdvocacyDays({ db, env, now, log }: DemoContext): Promise<void> {
  const gaStart = daysFrom(now, 21, '08:30');
  const scStart = daysFrom(now, 35, '09:00');
  await db
    .insert(advocacyDays)
    .values([
      {
        id: GA_DAY_ID,
        slug: 'georgia-faith-advocacy-day',
        title: 'Georgia Faith Advocacy Day for Immigrant Families',
        summary:
          'People of faith from across Georgia meet their own state senators and representatives to ask them to oppose bills that would take driver’s licenses and IDs from immigrant neighbors.',
        startsAt: gaStart,
        endsAt: daysFrom(now, 21, '16:00'),
        timeZone: TZ,
        placeName: 'Georgia State Capitol',
        address: '206 Washington St SW, Atlanta, GA 30334',
        state: 'ga',
        agenda:
          '8:30 Welcome and training at Central Presbyterian Church (across the street)\n10:30 Interfaith prayer rally on the Capitol steps\n11:30 Team meetings with legislators\n14:30 Debrief and next steps',
        whatToBring: 'A photo ID for the Capitol entrance, comfortable shoes, and your story.',
        accessibility:
          'The Capitol and the church have step-free entrances and elevators. Spanish–English interpretation all day; ask us for ASL.',
        capacity: GA_CAPACITY,
        registrationDeadline: gaStart - 5 * DAY,
        talkingPoints:
          'We are people of faith from your district. Our traditions teach us to welcome the stranger.\n\nBills that take driver’s licenses and IDs from people with deferred action make our roads less safe and our neighbors afraid to call for help.\n\nOur ask: will you vote no and speak against these bills in committee?',
        leaveBehind:
          'Georgia’s congregations ask you to stand with immigrant families: keep licenses and IDs within reach of every resident who qualifies under federal law. Contact: Welcome Table Coalition (demo).',
        titleEs: 'Día de Incidencia de Fe en Georgia por las Familias Inmigrantes',
        summaryEs:
          'Personas de fe de todo Georgia se reúnen con sus propios senadores y representantes estatales para pedirles que se opongan a los proyectos de ley que quitarían las licencias de conducir y las identificaciones a nuestros vecinos inmigrantes.',
        agendaEs:
          '8:30 Bienvenida y capacitación en la Iglesia Presbiteriana Central (al otro lado de la calle)\n10:30 Concentración interreligiosa de oración en las escaleras del Capitolio\n11:30 Reuniones de los equipos con sus legisladores\n14:30 Evaluación y próximos pasos',
        whatToBringEs: 'Una identificación con foto para entrar al Capitolio, zapatos cómodos y su historia.',
        accessibilityEs:
          'El Capitolio y la iglesia tienen entradas sin escalones y ascensores. Interpretación español–inglés todo el día; pídanos lengua de señas (ASL).',
        talkingPointsEs:
          'Somos personas de fe de su distrito. Nuestras tradiciones nos enseñan a acoger al forastero.\n\nLos proyectos que quitan las licencias y las identificaciones a personas con acción diferida hacen menos seguras nuestras calles y dan miedo a nuestros vecinos de pedir ayuda.\n\nNuestra petición: ¿votará en contra y hablará en contra de estos proyectos en el comité?',
        leaveBehindEs:
          'Las congregaciones de Georgia le piden que acompañe a las familias inmigrantes: que las licencias y las identificaciones sigan al alcance de cada residente que califica según la ley federal. Contacto: Coalición Welcome Table (demo).',
        status: 'published',
        isDemo: true,
        createdAt: now,
      },
      {
        id: SC_DAY_ID,
        slug: 'south-carolina-faith-advocacy-day',
        title: 'South Carolina Faith Advocacy Day',
        summary:
          'Meet your own legislators at the State House and ask them to oppose HB 3120, which would bar immigrant neighbors from basic services.',
        startsAt: scStart,
        endsAt: daysFrom(now, 35, '15:00'),
        timeZone: TZ,
        placeName: 'South Carolina State House',
        address: '1100 Gervais St, Columbia, SC 29201',
        state: 'sc',
        agenda: '9:00 Training\n11:00 Legislator visits\n14:00 Debrief',
        whatToBring: 'A photo ID.',
        accessibility: 'Step-free entrance on the Assembly Street side.',
        capacity: 2,
        registrationDeadline: scStart - 3 * DAY,
        talkingPoints: 'HB 3120 would keep families from food assistance and housing help. Please vote no.',
        leaveBehind: 'South Carolina’s congregations ask you to oppose HB 3120. (Demo content.)',
        // Only part in Spanish, on purpose: the rest shows the English text (marked lang="en").
        titleEs: 'Día de Incidencia de Fe en Carolina del Sur',
        summaryEs:
          'Reúnase con sus propios legisladores en la Casa del Estado y pídales que se opongan a HB 3120, que negaría servicios básicos a nuestros vecinos inmigrantes.',
        agendaEs: '9:00 Capacitación\n11:00 Visitas a los legisladores\n14:00 Evaluación',
        status: 'published',
        isDemo: true,
        createdAt: now,
      },
    ])
    .onConflictDoNothing();

  const plainRegistrations = PEOPLE.map((person, index): typeof dayRegistrations.$inferInsert => {
    const [upper, lower] = GA_SEATS[index % GA_SEATS.length]!;
    // One person's address could not be placed: organizers set their districts by hand.
    const pending = index === 8;
    return {
      id: `demo-days-ga-${String(index + 1).padStart(2, '0')}`,
      dayId: GA_DAY_ID,
      seq: index + 1,
      status: (index < GA_CAPACITY ? 'registered' : 'waitlisted') as 'registered' | 'waitlisted',
      name: person.name,
      email: demoEmail(person.name),
      phone: `404-555-01${String(index + 10).padStart(2, '0')}`,
      address: pending ? '1 Demo Lane, GA' : 'Demo address (Georgia)',
      congregation: person.congregation,
      faithRole: (person.clergy ? 'clergy' : 'lay') as 'clergy' | 'lay',
      languages: person.lang === 'es' ? 'Spanish, English' : 'English',
      needsInterpretation: person.lang === 'es' && index % 2 === 0,
      accessibilityNeeds: index === 5 ? 'Wheelchair user' : null,
      dietaryNeeds: index % 4 === 0 ? 'Vegetarian' : null,
      firstTime: Boolean(person.first),
      willingToShareStory: Boolean(person.story),
      ride: (index % 7 === 0 ? 'offers' : index % 5 === 0 ? 'needs' : 'none') as 'offers' | 'needs' | 'none',
      rideSeats: index % 7 === 0 ? 3 : null,
      photoConsent: index % 3 !== 0,
      lang: person.lang ?? 'en',
      districtStatus: (pending ? 'pending' : 'found') as 'pending' | 'found',
      homeState: pending ? null : 'ga',
      upperDistrict: pending ? null : upper,
      lowerDistrict: pending ? null : lower,
      checkInCode: demoCode(index),
      isDemo: true,
      createdAt: now - (40 - index) * 3_600_000,
    };
  });
  // Stored as the app stores them: phone and address sealed with the local CONTACT_KEYS.
  const registrations = await Promise.all(
    plainRegistrations.map((row) => sealRegistrationContacts(db, row.id, row)),
  );
  // D1 allows 100 bound parameters per statement: a few rows at a time.
  // Each batch also stores the rows' search terms, as registering does.
  for (let start = 0; start < registrations.length; start += 3) {
    const chunk = registrations.slice(start, start + 3);
    await runBatch(db, [
      db.insert(dayRegistrations).values(chunk).onConflictDoNothing(),
      ...plainRegistrations.slice(start, start + 3).map((row) => registrationTermsStatement(db, row)),
    ]);
  }
  const scRegistration: typeof dayRegistrations.$inferInsert & { id: string } = {
    id: 'demo-days-sc-01',
    dayId: SC_DAY_ID,
    seq: 1,
    status: 'registered',
    name: 'Rev. Thomas Greene',
    email: 'thomas.greene@example.org',
    phone: '803-555-0101',
    address: 'Demo address (South Carolina)',
    congregation: 'Ladson Presbyterian',
    faithRole: 'clergy',
    lang: 'en',
    districtStatus: 'found',
    homeState: 'sc',
    upperDistrict: '21',
    lowerDistrict: '74',
    checkInCode: 'SC2345',
    isDemo: true,
    createdAt: now - DAY,
  };
  await runBatch(db, [
    db
      .insert(dayRegistrations)
      .values(await sealRegistrationContacts(db, scRegistration.id, scRegistration))
      .onConflictDoNothing(),
    registrationTermsStatement(db, scRegistration),
  ]);

  // Teams: built once (a re-run keeps what organizers changed since).
  const [gaDay] = await db.select().from(advocacyDays).where(eq(advocacyDays.id, GA_DAY_ID));
  const existingTeams = await db.select().from(dayTeams).where(eq(dayTeams.dayId, GA_DAY_ID));
  if (gaDay && existingTeams.length === 0) {
    const count = await proposeAndSaveTeams(db, gaDay, now);
    const teams = await db.select().from(dayTeams).where(eq(dayTeams.dayId, GA_DAY_ID));
    const meetingBase = daysFrom(now, 21, '11:30');
    const updates = teams.map((team, index) =>
      db
        .update(dayTeams)
        .set({
          meetingAt: meetingBase + (index % 6) * 30 * 60_000,
          room: team.chamber === 'upper' ? `Capitol ${320 + index}` : `CLOB ${500 + index}`,
        })
        .where(eq(dayTeams.id, team.id)),
    );
    if (updates.length) await runBatch(db, updates);
    log(`advocacy days: ${count} Georgia teams built`);
  }

  // Rev. Grace Kim's confirmation, in /dev/mail with a working private link: open it, cancel, and
  // watch the first person on the waitlist get the seat and an email.
  const [grace] = await db.select().from(dayRegistrations).where(eq(dayRegistrations.id, 'demo-days-ga-01'));
  if (gaDay && grace) {
    await db
      .insert(dayRegistrationLinks)
      .values({ tokenHash: await hashToken(DEMO_LINK_TOKEN), registrationId: grace.id, createdAt: now })
      .onConflictDoNothing();
    const email = queueEmail(
      db,
      env,
      seatEmail(env, gaDay, grace, DEMO_LINK_TOKEN, { id: `demo-days-seat:${grace.id}` }),
      now,
    );
    // Shown as already delivered to the local mailbox (the demo has no queue run at seeding time).
    await runBatch(db, [
      email.statement,
      db
        .update(outbox)
        .set({ status: 'sent', providerId: LOCAL_MAILBOX_PROVIDER, sentAt: now })
        .where(and(eq(outbox.id, email.id), eq(outbox.status, 'pending'))),
    ]);
  }

  const legislators = await db
    .select({ id: officials.id })
    .from(officials)
    .where(and(eq(officials.state, 'ga'), inArray(officials.chamber, ['upper', 'lower'])));
  log(
    `advocacy days: Georgia (${GA_CAPACITY} seats, ${PEOPLE.length - GA_CAPACITY} waiting, ${legislators.length} GA legislators in the directory) and South Carolina; ` +
      `demo private link: /days/r/${DEMO_LINK_TOKEN}`,
  );
}
