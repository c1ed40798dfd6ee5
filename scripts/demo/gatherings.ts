import { utcToZonedInput, zonedInputToUtc } from '../../src/advocacy-days/calendar';
import { sealRegistrationContacts } from '../../src/advocacy-days/contact-fields';
import { registrationTermsStatement } from '../../src/advocacy-days/queries/search';
import { runBatch } from '../../src/db/batch';
import { advocacyDays, dayRegistrations } from '../../src/advocacy-days/schema';
import { DAY, HOUR } from '../../src/lib/time';
import type { DemoContext } from './context';

// One upcoming vigil at a congregation, with a few RSVPs: the gathering a campaign's tactic links
// to. People and places are invented; every row is is_demo and pages label it.

/** The demo vigil's id (a campaign's tactic names it). */
export const DEMO_VIGIL_ID = 'demo-gathering-alder-vigil';
const TZ = 'America/New_York';

/** A wall-clock time some days from `now`, in the vigil's zone. */
function daysFrom(now: number, days: number, time: string): number {
  const date = utcToZonedInput(now + days * DAY, TZ).slice(0, 10);
  return zonedInputToUtc(`${date}T${time}`, TZ);
}

const RSVPS: { name: string; email: string; lang: 'en' | 'es'; phone?: string; code: string }[] = [
  { name: 'Rev. Ruth Alvarado', email: 'ruth.alvarado@example.org', lang: 'en', code: 'VG2345' },
  {
    name: 'Marisol Fuentes',
    email: 'marisol.fuentes@example.org',
    lang: 'es',
    phone: '404-555-0177',
    code: 'VG3456',
  },
  { name: 'Owen Gallagher', email: 'owen.gallagher@example.org', lang: 'en', code: 'VG4567' },
  { name: 'Teresa Quispe', email: 'teresa.quispe@example.org', lang: 'es', code: 'VG5678' },
];

/** The gatherings demo content (fixed ids, a re-run adds nothing). */
export async function seedGatherings({ db, now, log }: DemoContext): Promise<void> {
  const startsAt = daysFrom(now, 14, '18:30');
  await db
    .insert(advocacyDays)
    .values({
      id: DEMO_VIGIL_ID,
      kind: 'vigil',
      slug: 'alder-county-interfaith-vigil',
      title: 'Interfaith vigil for Alder County families',
      summary:
        'Candles, prayer and testimony on the church lawn, for the families torn apart by detentions in Alder County, and for a county that keeps its officers out of immigration enforcement.',
      startsAt,
      endsAt: startsAt + HOUR + 30 * 60_000,
      timeZone: TZ,
      placeName: 'Alder Street Baptist Church',
      address: '412 Alder St, Alder, GA 30601',
      state: 'ga',
      agenda:
        '18:30 Gathering and candles\n18:45 Prayers from our traditions\n19:10 Testimony from families\n19:40 Closing song',
      whatToBring: 'A candle if you have one (we will have more), and a neighbor.',
      accessibility: 'The lawn is level, with chairs; the fellowship hall is step-free if it rains.',
      capacity: 120,
      registrationDeadline: startsAt - 2 * HOUR,
      titleEs: 'Vigilia interreligiosa por las familias del condado de Alder',
      summaryEs:
        'Velas, oración y testimonios en el jardín de la iglesia, por las familias separadas por las detenciones en el condado de Alder, y por un condado que mantenga a sus agentes fuera de la aplicación de las leyes de inmigración.',
      agendaEs:
        '18:30 Encuentro y velas\n18:45 Oraciones de nuestras tradiciones\n19:10 Testimonios de familias\n19:40 Canto de despedida',
      whatToBringEs: 'Una vela si tiene (tendremos más), y a un vecino o vecina.',
      accessibilityEs:
        'El jardín es plano y tiene sillas; si llueve, el salón parroquial no tiene escalones.',
      status: 'published',
      isDemo: true,
      createdAt: now,
    })
    .onConflictDoNothing();
  // Stored as the app stores them: the one phone sealed with the local CONTACT_KEYS.
  const rows = await Promise.all(
    RSVPS.map((person, index) =>
      sealRegistrationContacts<typeof dayRegistrations.$inferInsert>(db, `demo-vigil-rsvp-${index + 1}`, {
        id: `demo-vigil-rsvp-${index + 1}`,
        dayId: DEMO_VIGIL_ID,
        seq: index + 1,
        status: 'registered',
        name: person.name,
        email: person.email,
        phone: person.phone ?? null,
        faithRole: 'lay',
        lang: person.lang,
        checkInCode: person.code,
        isDemo: true,
        createdAt: now - (RSVPS.length - index) * HOUR,
      }),
    ),
  );
  await runBatch(db, [
    db.insert(dayRegistrations).values(rows).onConflictDoNothing(),
    ...rows.map((row) => registrationTermsStatement(db, row)),
  ]);
  log(`gatherings: the Alder County vigil with ${RSVPS.length} RSVPs`);
}
