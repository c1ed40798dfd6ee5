import { DAY } from '../../src/lib/time';
import { eq } from 'drizzle-orm';
import { addLetterOfficial, signatureTermsStatement } from '../../src/letters/queries';
import { runBatch } from '../../src/db/batch';
import {
  letterSignatures,
  letterUpdates,
  letters,
  type Letter,
  type LetterSignature,
} from '../../src/letters/schema';
import { getUpdate } from '../../src/letters/queries/updates';
import { sendUpdate } from '../../src/letters/updates';
import { findGovernor } from '../../src/officials/queries';
import type { DemoContext } from './context';

// Demo letters draw on the organizing toolkit's local campaigns: TRUST policies that stop honoring
// ICE "hold" (detainer) requests, racial profiling prevention, and municipal IDs. Places and names
// are invented and every row is marked is_demo, so pages label them "Demo content".

const TRUST_EN = `Dear Sheriff Morales,

We write to you as pastors, rabbis, imams, priests, sisters and lay leaders of Alder County's congregations. Every week we sit with families who are afraid to call for help, to testify as witnesses, or to drive their children to school, because a traffic stop can end in an ICE "hold."

ICE detainer requests are **requests**, not orders. Local law enforcement may choose whether to honor them, and more than 300 counties and cities, along with several states, have adopted TRUST policies that limit or end that cooperation. Holding people past their release date on a detainer has kept neighbors in jail for days and sometimes weeks without a judge's warrant.

When immigrant families can trust local officers, they report crimes, come forward as witnesses, enroll their children in school and see a doctor when they need one. Public safety grows out of that trust.

We therefore ask you to adopt a written TRUST policy for the Alder County Sheriff's Office that:

1. declines ICE detainer ("hold") requests unless they are accompanied by a judicial warrant;
2. does not notify ICE of a person's release date or transfer people to ICE custody;
3. does not ask anyone about their immigration status or place of birth.

Our traditions teach us to welcome the stranger and to seek the peace of the city where we live. We stand ready to meet with you and to support you in making Alder County a place where every family is safe to call for help.

*Demo content: Alder County and its sheriff are invented for this demonstration.*`;

const TRUST_ES = `Estimado Sheriff Morales:

Le escribimos como pastores, rabinos, imanes, sacerdotes, religiosas y líderes laicos de las congregaciones del condado de Alder. Cada semana acompañamos a familias que tienen miedo de pedir ayuda, de declarar como testigos o de llevar a sus hijos a la escuela, porque una parada de tráfico puede terminar en una «retención» de ICE.

Las solicitudes de retención de ICE son **solicitudes**, no órdenes. Las autoridades locales pueden decidir si las cumplen, y más de 300 condados y ciudades, junto con varios estados, han adoptado políticas TRUST que limitan o ponen fin a esa cooperación. Retener a personas después de su fecha de salida por una solicitud de ICE ha mantenido a nuestros vecinos en la cárcel durante días y a veces semanas, sin orden de un juez.

Cuando las familias inmigrantes pueden confiar en la policía local, denuncian delitos, se presentan como testigos, inscriben a sus hijos en la escuela y van al médico cuando lo necesitan. La seguridad pública nace de esa confianza.

Por eso le pedimos que adopte una política TRUST por escrito para la Oficina del Sheriff del condado de Alder que:

1. rechace las solicitudes de retención de ICE salvo que vengan acompañadas de una orden judicial;
2. no notifique a ICE la fecha de salida de una persona ni la entregue a la custodia de ICE;
3. no pregunte a nadie por su situación migratoria ni por su lugar de nacimiento.

Nuestras tradiciones nos enseñan a acoger al forastero y a buscar la paz de la ciudad donde vivimos. Estamos dispuestos a reunirnos con usted y a apoyarle para que el condado de Alder sea un lugar donde toda familia pueda pedir ayuda sin miedo.

*Contenido de demostración: el condado de Alder y su sheriff son inventados para esta demostración.*`;

const PROFILING_EN = `Dear Governor,

As faith leaders from across Georgia, we ask you to support a racial profiling prevention policy for every state law enforcement agency: a written policy against stopping, detaining or treating anyone differently because of race, color, ethnicity or national origin, and the collection of traffic-stop data so that the public can see whether the policy is kept.

Such laws already exist in other states. They protect our congregants, and they protect the honest work of officers who serve everyone equally.

*Demo content for this demonstration.*`;

const PROFILING_ES = `Estimado Gobernador:

Como líderes de fe de todo Georgia, le pedimos que apoye una política de prevención del perfil racial para todas las agencias policiales del estado: una política escrita contra detener, retener o tratar a alguien de manera distinta por su raza, color, origen étnico o nacionalidad, y la recopilación de datos de las paradas de tráfico para que el público pueda ver si la política se cumple.

Estas leyes ya existen en otros estados. Protegen a nuestras congregaciones y protegen el trabajo honesto de los agentes que sirven a todos por igual.

*Contenido de demostración.*`;

const MUNICIPAL_ID_EN = `Dear Mayor and Council of Riverton,

We, faith leaders of Riverton, support a municipal ID card open to every resident. A city ID lets a neighbor open a bank account, pick up a child from school, visit the library and show who they are to a police officer.

*Demo content: this letter is closed, to show how a closed letter looks.*`;

const MUNICIPAL_ID_ES = `Estimados Alcaldesa y Concejo de Riverton:

Nosotros, líderes de fe de Riverton, apoyamos una tarjeta de identificación municipal abierta a todos los residentes. Una identificación de la ciudad permite abrir una cuenta bancaria, recoger a un hijo en la escuela, visitar la biblioteca y mostrar quién es uno ante un agente de policía.

*Contenido de demostración: esta carta está cerrada para mostrar cómo se ve una carta cerrada.*`;

// One invented signer per line: title|first|last|role|tradition|denomination|congregation|city|state
// (empty denomination or congregation means none). One line each keeps the list readable.

const TRUST_SIGNERS: string[] = [
  'fr|Miguel|Hernández|clergy|catholic|Roman Catholic|St. Joseph Parish|Alder|GA',
  'sister|Maureen|Doyle|clergy|catholic|Sisters of Mercy|Mercy Center|Macon|GA',
  'none|Lucía|Ramírez|lay|catholic|Roman Catholic|Sagrado Corazón|Dalton|GA',
  'fr|Thomas|Nguyen|clergy|catholic|Roman Catholic|Our Lady of Vietnam|Houston|TX',
  'rev|Karen|Lindqvist|clergy|mainline|ELCA|Grace Lutheran Church|Alder|GA',
  'rev|David|Okafor|clergy|mainline|United Methodist|First UMC|Athens|GA',
  'rev|Elizabeth|Park|clergy|mainline|Presbyterian (PCUSA)|Westminster Presbyterian|Charlotte|NC',
  "rev|John|Whitfield|clergy|mainline|Episcopal|St. Luke's Episcopal|Columbia|SC",
  'pastor|Samuel|Ortiz|clergy|evangelical|Southern Baptist|Iglesia Bautista Emanuel|Gainesville|GA',
  'pastor|Rachel|Moore|clergy|evangelical|Evangelical Covenant|New Hope Covenant|Chicago|IL',
  'none|Daniel|Kim|lay|evangelical|Nondenominational|City Church|Atlanta|GA',
  'pastor|Ana|Castillo|clergy|pentecostal|Assemblies of God|Iglesia Fuente de Vida|Alder|GA',
  'pastor|José|Mendoza|clergy|pentecostal|Church of God|Templo Getsemaní|San Antonio|TX',
  'rev|Marcus|Jefferson|clergy|black-church|AME|Bethel AME Church|Alder|GA',
  'rev|Gloria|Simmons|clergy|black-church|National Baptist|Greater Mount Zion Baptist|Savannah|GA',
  'dr|Harold|Washington|clergy|black-church|CME|Lane Chapel CME|Memphis|TN',
  'fr|Nicholas|Papadakis|clergy|orthodox|Greek Orthodox|Holy Trinity Cathedral|Charleston|SC',
  'none|Ruth|Yoder|lay|anabaptist|Mennonite Church USA|Alder Mennonite Fellowship|Alder|GA',
  'none|Peter|Fox|organization|anabaptist|Religious Society of Friends|Atlanta Friends Meeting|Atlanta|GA',
  'rabbi|Miriam|Cohen|clergy|jewish|Reform|Temple Beth Shalom|Alder|GA',
  'rabbi|Aaron|Levitt|clergy|jewish|Conservative|Congregation Or Chadash|Atlanta|GA',
  'rabbi|Sarah|Feldman|clergy|jewish|Reconstructionist|Kehillat Shalom|Philadelphia|PA',
  'none|Daniel|Rosen|lay|jewish|Reform|Temple Sinai|Greenville|SC',
  'imam|Yusuf|Abdullah|clergy|muslim|Sunni|Masjid Al-Noor|Alder|GA',
  'imam|Omar|Siddiqui|clergy|muslim|Sunni|Islamic Center of the Piedmont|Raleigh|NC',
  'none|Amina|Hassan|organization|muslim||Muslim Women for Justice|Minneapolis|MN',
  'other|Kenji|Tanaka|clergy|buddhist|Jodo Shinshu|Buddhist Temple of Alder|Alder|GA',
  'none|Linh|Tran|lay|buddhist|Zen|Open Heart Zen Center|Oakland|CA',
  'none|Priya|Raman|lay|hindu||Hindu Temple of Atlanta|Atlanta|GA',
  'none|Harpreet|Singh|clergy|sikh||Gurdwara Sahib of Alder|Alder|GA',
  'none|Manpreet|Kaur|lay|sikh||Sikh Gurdwara of Charlotte|Charlotte|NC',
  'rev|Jennifer|Holt|clergy|uu|Unitarian Universalist|UU Fellowship of Alder|Alder|GA',
  'rev|Paul|Bennett|clergy|uu|Unitarian Universalist|First Unitarian Church|Denver|CO',
  "none|Mahnaz|Rahimi|lay|bahai|Bahá'í Faith|Bahá'í Community of Alder|Alder|GA",
  'rev|Grace|Thompson|organization|interfaith||Alder Interfaith Council|Alder|GA',
  'dr|Robert|Ellis|clergy|interfaith||Interfaith Chaplaincy, Mercer University|Macon|GA',
];
// The honorific "other" of the Buddhist priest above.
const OTHER_TITLES: Record<string, string> = { Tanaka: 'Rev. Sensei' };

const PROFILING_SIGNERS: string[] = [
  'rev|Marcus|Jefferson|clergy|black-church|AME|Bethel AME Church|Alder|GA',
  'rabbi|Aaron|Levitt|clergy|jewish|Conservative|Congregation Or Chadash|Atlanta|GA',
  'imam|Khalid|Rahman|clergy|muslim|Sunni|Masjid Al-Falah|Savannah|GA',
  'fr|Miguel|Hernández|clergy|catholic|Roman Catholic|St. Joseph Parish|Alder|GA',
  'rev|David|Okafor|clergy|mainline|United Methodist|First UMC|Athens|GA',
  'pastor|Samuel|Ortiz|clergy|evangelical|Southern Baptist|Iglesia Bautista Emanuel|Gainesville|GA',
  'none|Harpreet|Singh|clergy|sikh||Gurdwara Sahib of Alder|Alder|GA',
];

const MUNICIPAL_SIGNERS: string[] = [
  'rev|Angela|Brooks|clergy|mainline|UCC|Riverton UCC|Riverton|SC',
  'fr|Luis|Vargas|clergy|catholic|Roman Catholic|San Juan Bautista|Riverton|SC',
  'rabbi|Noah|Stein|clergy|jewish|Reform|Temple Emanu-El|Riverton|SC',
  'imam|Ibrahim|Diallo|clergy|muslim|Sunni|Riverton Islamic Center|Riverton|SC',
];

function signerRows(letterId: string, key: string, lines: string[], now: number): LetterSignature[] {
  return lines.map((line, index) => {
    const [
      honorific = 'none',
      firstName = '',
      lastName = '',
      role = 'clergy',
      tradition = 'other',
      denomination,
      congregation,
      city = '',
      state = '',
    ] = line.split('|');
    const number = String(index + 1).padStart(2, '0');
    const id = `demo-${key}-signer-${number}`;
    const createdAt = now - (lines.length - index) * 6 * 3_600_000;
    return {
      id,
      letterId,
      email: `demo-${key}-${number}@example.org`,
      origin: null,
      honorific,
      honorificOther: honorific === 'other' ? (OTHER_TITLES[lastName] ?? 'Rev.') : null,
      firstName,
      lastName,
      role: role as LetterSignature['role'],
      tradition,
      denomination: denomination || null,
      congregation: congregation || null,
      city,
      state,
      comment: null,
      // A few demo signers chose not to be listed, so the page shows how that reads.
      showPublicly: index % 9 !== 4,
      keepInformed: index % 2 === 0,
      lang: index % 3 === 0 ? 'es' : 'en',
      // Not hashes of any token: demo rows have no working private links.
      confirmTokenHash: `demo-confirm-${id}`,
      withdrawTokenHash: `demo-withdraw-${id}`,
      confirmationsSent: 1,
      lastConfirmationAt: createdAt,
      confirmedAt: createdAt + 600_000,
      hiddenAt: null,
      verifiedAt: role === 'clergy' && index % 4 === 0 ? createdAt + DAY : null,
      isDemo: true,
      createdAt,
    };
  });
}

/** Demo sign-on letters (two open, one closed) with a few dozen invented signers; a re-run adds nothing. */
export async function seedLetters(context: DemoContext): Promise<void> {
  const { db, now, log } = context;
  // The profiling letter goes to the governor from the officials directory when it is loaded.
  const governor = await findGovernor(db, 'ga');
  const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
  const demoLetters: Letter[] = [
    {
      id: 'demo-letter-trust',
      slug: 'alder-county-trust-policy',
      status: 'open',
      titleEn: 'Faith leaders ask the Alder County Sheriff to adopt a TRUST policy',
      titleEs: 'Líderes de fe piden al Sheriff del condado de Alder adoptar una política TRUST',
      bodyEn: TRUST_EN,
      bodyEs: TRUST_ES,
      addressees: "Sheriff Dana Morales, Alder County Sheriff's Office\nAlder County Board of Commissioners",
      deadline: isoDay(now + 30 * DAY),
      goal: 100,
      isDemo: true,
      createdAt: now - 10 * DAY,
      updatedAt: now - 10 * DAY,
      closedAt: null,
    },
    {
      id: 'demo-letter-profiling',
      slug: 'georgia-racial-profiling-prevention',
      status: 'open',
      titleEn: 'Georgia clergy for a racial profiling prevention policy',
      titleEs: 'Clero de Georgia por una política de prevención del perfil racial',
      bodyEn: PROFILING_EN,
      bodyEs: PROFILING_ES,
      addressees: governor ? '' : 'The Governor of Georgia',
      deadline: isoDay(now + 45 * DAY),
      goal: 50,
      isDemo: true,
      createdAt: now - 5 * DAY,
      updatedAt: now - 5 * DAY,
      closedAt: null,
    },
    {
      id: 'demo-letter-municipal-id',
      slug: 'riverton-municipal-id',
      status: 'closed',
      titleEn: 'Riverton faith leaders support a municipal ID',
      titleEs: 'Líderes de fe de Riverton apoyan una identificación municipal',
      bodyEn: MUNICIPAL_ID_EN,
      bodyEs: MUNICIPAL_ID_ES,
      addressees: 'Mayor and City Council of Riverton',
      deadline: isoDay(now - 20 * DAY),
      goal: null,
      isDemo: true,
      createdAt: now - 60 * DAY,
      updatedAt: now - 20 * DAY,
      closedAt: now - 20 * DAY,
    },
  ];
  await db.insert(letters).values(demoLetters).onConflictDoNothing();
  const rows = [
    ...signerRows('demo-letter-trust', 'trust', TRUST_SIGNERS, now),
    ...signerRows('demo-letter-profiling', 'profiling', PROFILING_SIGNERS, now),
    ...signerRows('demo-letter-municipal-id', 'municipal', MUNICIPAL_SIGNERS, now - 30 * DAY),
  ];
  // D1 allows 100 bound parameters per statement: 27 columns, so 3 rows per insert.
  // Each batch also stores the rows' search terms, as signing does.
  for (let start = 0; start < rows.length; start += 3) {
    const chunk = rows.slice(start, start + 3);
    await runBatch(db, [
      db.insert(letterSignatures).values(chunk).onConflictDoNothing(),
      ...chunk.map((row) => signatureTermsStatement(db, row)),
    ]);
  }
  if (governor) await addLetterOfficial(db, 'demo-letter-profiling', governor.id, now);
  await seedPastUpdate(context, demoLetters[2]!);
  log(
    `letters: ${demoLetters.length} letters, ${rows.length} demo signers${governor ? ', addressed to the governor' : ''}`,
  );
}

/** The fixed id of the demo's past update to signers (a re-run finds it and sends nothing). */
const DEMO_UPDATE_ID = 'demo-update-municipal-id-vote';

/**
 * One past update on the closed letter, sent through the real fan-out 12 days ago, so the organizer's
 * "Updates to signers" page shows a history and /dev/mail shows what a signer receives. Half of the
 * demo signers ticked "keep me informed", so the open TRUST letter has people to write to as well.
 */
async function seedPastUpdate({ db, env, now, log }: DemoContext, letter: Letter): Promise<void> {
  if (await getUpdate(db, letter.id, DEMO_UPDATE_ID)) return;
  const outcome = await sendUpdate(
    env,
    db,
    letter,
    {
      updateId: DEMO_UPDATE_ID,
      subjectEn: 'Riverton voted yes on a municipal ID',
      bodyEn: `Thank you for signing our letter to the Mayor and Council of Riverton.

We delivered it with your names on Tuesday, and on Thursday night the council voted **5 to 2** to create a municipal ID open to every resident. Council member Ruiz read from our letter before the vote.

The city clerk opens applications in the spring. Congregations can help neighbors get their card by hosting a sign-up day.

*Demo content: Riverton and its council are invented for this demonstration.*`,
      subjectEs: 'Riverton votó a favor de una identificación municipal',
      bodyEs: `Gracias por firmar nuestra carta a la Alcaldesa y al Concejo de Riverton.

La entregamos con sus nombres el martes, y el jueves por la noche el concejo votó **5 a 2** a favor de crear una identificación municipal abierta a todos los residentes. La concejala Ruiz leyó nuestra carta antes de la votación.

La secretaría de la ciudad abre las solicitudes en la primavera. Las congregaciones pueden ayudar a sus vecinos a obtener su tarjeta organizando un día de inscripción.

*Contenido de demostración: Riverton y su concejo son inventados para esta demostración.*`,
      nextStepUrl: `${env.PUBLIC_URL.replace(/\/$/, '')}/days`,
      nextStepLabelEn: 'Join the next advocacy day',
      nextStepLabelEs: 'Venga al próximo día de incidencia',
    },
    null,
    now - 12 * DAY,
  );
  await db.update(letterUpdates).set({ isDemo: true }).where(eq(letterUpdates.id, DEMO_UPDATE_ID));
  log(`letters: a past update to signers (${outcome.status})`);
}
