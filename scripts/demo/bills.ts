// Demo bills: the three named in the organizing toolkit (from their 2015 sessions), and a few
// invented, clearly labeled demo bills at every stage so the list, the timeline and alerts can be
// tried. Fixed ids and ON CONFLICT DO NOTHING: a second run adds nothing.
import type { BatchItem } from 'drizzle-orm/batch';
import { actionKeyOf, type ImportedAction } from '../../src/bills/import';
import { dateToMs } from '../../src/bills/movements';
import { insertActionStatements } from '../../src/bills/queries';
import {
  billMovements,
  bills,
  type BillPosition,
  type BillStage,
  type CallToAction,
} from '../../src/bills/schema';
import { sortActions, stageFromActions } from '../../src/bills/stage';
import type { DemoContext } from './context';

interface DemoAction {
  /** Days before the demo's "now" (current-looking bills) or a fixed date (2015 bills). */
  daysAgo?: number;
  date?: string;
  chamberKind: 'upper' | 'lower' | 'executive';
  description: string;
  classification: string[];
}

interface DemoBill {
  id: string;
  state: string;
  session: string;
  identifier: string;
  title: string;
  titleEs: string;
  position: BillPosition;
  summaryEn: string;
  summaryEs: string;
  analysisEn?: string;
  analysisEs?: string;
  talkingPointsEn?: string;
  talkingPointsEs?: string;
  isDemo: boolean;
  stageOverride?: BillStage;
  stageNoteEn?: string;
  stageNoteEs?: string;
  callsToAction: CallToAction[];
  sources?: { url: string; note: string }[];
  actions: DemoAction[];
}

const CHAMBERS = { upper: 'Senate', lower: 'House', executive: 'Governor' } as const;

const meetYourLegislator: CallToAction = {
  kind: 'meeting',
  // The page that finds a person's own legislators (a meeting request needs one of them).
  url: '/officials/find',
  labelEn: 'Ask your state legislator for a meeting',
  labelEs: 'Pida una reunión con su legislador estatal',
};
const georgiaDay: CallToAction = {
  kind: 'advocacy-day',
  url: '/days/georgia-faith-advocacy-day',
  labelEn: 'Join the Georgia faith advocacy day at the capitol',
  labelEs: 'Únase al día de incidencia de fe en el capitolio de Georgia',
};
const georgiaLetter: CallToAction = {
  kind: 'letter',
  url: '/letters/georgia-racial-profiling-prevention',
  labelEn: 'Sign the Georgia clergy letter',
  labelEs: 'Firme la carta del clero de Georgia',
};
const carolinaDay: CallToAction = {
  kind: 'advocacy-day',
  url: '/days/south-carolina-faith-advocacy-day',
  labelEn: 'Join the South Carolina faith advocacy day',
  labelEs: 'Únase al día de incidencia de fe en Carolina del Sur',
};

const historicNoteEn =
  'A bill from the 2015 session, named in our organizing toolkit; kept here as an example.';
const historicNoteEs =
  'Un proyecto de la sesión de 2015, citado en nuestra guía de organización; lo mantenemos como ejemplo.';

const DEMO_BILLS: DemoBill[] = [
  {
    id: 'demo-bill-ga-sb-6-2015',
    state: 'GA',
    session: '2015_16',
    identifier: 'SB 6',
    title: 'Disqualifies people granted deferred action from licenses, permits and identification cards',
    titleEs: 'Excluye a las personas con acción diferida de licencias, permisos y tarjetas de identificación',
    position: 'oppose',
    summaryEn:
      'Arbitrarily disqualifies any individual granted deferred action by the federal government from obtaining a license, permit, or identification card. This bill failed to make it out of committee in 2015.',
    summaryEs:
      'Excluye arbitrariamente a toda persona a quien el gobierno federal concedió acción diferida de obtener una licencia, un permiso o una tarjeta de identificación. Este proyecto no logró salir de la comisión en 2015.',
    talkingPointsEn:
      '- People with deferred action are authorized by the federal government to live and work here.\n- Without a license, parents cannot drive to work, school or church, and roads are less safe for everyone.\n- Bills like this are copied from state to state: stopping it here protects neighbors elsewhere.',
    talkingPointsEs:
      '- Las personas con acción diferida tienen autorización federal para vivir y trabajar aquí.\n- Sin licencia, los padres no pueden manejar al trabajo, a la escuela ni a la iglesia, y las calles son menos seguras para todos.\n- Proyectos como este se copian de un estado a otro: detenerlo aquí protege a vecinos en otros lugares.',
    isDemo: false,
    stageOverride: 'failed',
    stageNoteEn: `Did not make it out of committee in 2015. ${historicNoteEn}`,
    stageNoteEs: `No logró salir de la comisión en 2015. ${historicNoteEs}`,
    callsToAction: [georgiaLetter, georgiaDay, meetYourLegislator],
    actions: [
      {
        date: '2015-01-14',
        chamberKind: 'upper',
        description: 'Introduced and referred to committee',
        classification: ['introduction', 'referral-committee'],
      },
    ],
  },
  {
    id: 'demo-bill-sc-hb-3086-2015',
    state: 'SC',
    session: '2015-2016',
    identifier: 'HB 3086',
    title: 'Bars state and local action on contacts with people protected by presidential executive action',
    titleEs:
      'Prohíbe la acción estatal y local ante contactos con personas protegidas por la acción ejecutiva presidencial',
    position: 'oppose',
    summaryEn:
      'A bill to provide that an officer or employee of an agency of this state or of a political subdivision of this state may not take any action, refrain from any action, or expend or authorize the expenditure of public funds in this state as a result of an official contact with an individual who is a non-citizen of the United States illegally present in the United States, and because of that status, subject to deportation but for executive action taken by the President of the United States; to provide that this requirement does not apply with regard to the enforcement of criminal laws and violations enforced by civil penalties; and to allow a sentencing judge in a case resulting in a criminal conviction of such a non-citizen, as a condition of parole, to require the individual to be removed from and remain out of the territorial jurisdiction of this state.',
    summaryEs:
      'Un proyecto para disponer que ningún funcionario o empleado de una agencia de este estado o de una subdivisión política del estado pueda tomar ninguna acción, abstenerse de ninguna acción, ni gastar o autorizar el gasto de fondos públicos en este estado como resultado de un contacto oficial con una persona no ciudadana de los Estados Unidos que se encuentre en el país sin autorización y que, por esa condición, estaría sujeta a deportación de no ser por la acción ejecutiva del Presidente de los Estados Unidos; para disponer que este requisito no se aplica a la aplicación de las leyes penales ni a las infracciones sancionadas con multas civiles; y para permitir que el juez que dicte sentencia en un caso con condena penal de esa persona le exija, como condición de la libertad condicional, salir del territorio de este estado y permanecer fuera de él.',
    isDemo: false,
    stageNoteEn: historicNoteEn,
    stageNoteEs: historicNoteEs,
    callsToAction: [carolinaDay, meetYourLegislator],
    actions: [
      {
        date: '2015-01-13',
        chamberKind: 'lower',
        description: 'Introduced and referred to committee',
        classification: ['introduction', 'referral-committee'],
      },
    ],
  },
  {
    id: 'demo-bill-sc-hb-3120-2015',
    state: 'SC',
    session: '2015-2016',
    identifier: 'HB 3120',
    title: 'Requires proof of lawful presence for state and local public benefits',
    titleEs: 'Exige prueba de presencia legal para recibir beneficios públicos estatales y locales',
    position: 'oppose',
    summaryEn:
      'A person may not receive welfare, health, disability, public or assisted housing, food assistance, unemployment, retirement, or other similar benefits provided by the state or a political subdivision of the state unless the person verifies that he or she is lawfully present in the state; and it is unlawful for the state or a political subdivision of the state to provide these benefits.',
    summaryEs:
      'Una persona no puede recibir asistencia social, salud, discapacidad, vivienda pública o subsidiada, asistencia alimentaria, desempleo, jubilación u otros beneficios similares del estado o de una subdivisión política del estado a menos que verifique que se encuentra legalmente en el estado; y es ilegal que el estado o una subdivisión política del estado proporcione estos beneficios.',
    isDemo: false,
    stageNoteEn: historicNoteEn,
    stageNoteEs: historicNoteEs,
    callsToAction: [carolinaDay, meetYourLegislator],
    actions: [
      {
        date: '2015-01-13',
        chamberKind: 'lower',
        description: 'Introduced and referred to committee',
        classification: ['introduction', 'referral-committee'],
      },
    ],
  },
  {
    id: 'demo-bill-ga-hb-1105',
    state: 'GA',
    session: 'Demo session',
    identifier: 'HB 1105',
    title: 'Requires county jails to hold people for federal immigration agents',
    titleEs: 'Obliga a las cárceles de los condados a retener personas para agentes federales de inmigración',
    position: 'oppose',
    summaryEn:
      'Would require every county jail to hold people for up to 48 hours past their release on an immigration **detainer**, without a judge\u2019s warrant, and would cut state funds to counties that decline.',
    summaryEs:
      'Obligaría a todas las cárceles de los condados a retener a personas hasta 48 horas después de su liberación por una **orden de retención** migratoria, sin orden judicial, y recortaría fondos estatales a los condados que se nieguen.',
    analysisEn:
      'Detainers without a warrant have been found to violate the Fourth Amendment in several federal courts, leaving counties to pay the damages. Families stop calling the police when any contact can mean separation.',
    analysisEs:
      'Varios tribunales federales han concluido que las retenciones sin orden judicial violan la Cuarta Enmienda, y son los condados los que pagan los daños. Las familias dejan de llamar a la policía cuando cualquier contacto puede significar la separación.',
    talkingPointsEn:
      '- Our congregations are safer when every neighbor can call for help.\n- Holding people without a warrant exposes counties to lawsuits.\n- Sheriffs should decide how to use their jails, not a state mandate.',
    talkingPointsEs:
      '- Nuestras congregaciones están más seguras cuando todos los vecinos pueden pedir ayuda.\n- Retener a personas sin orden judicial expone a los condados a demandas.\n- Los alguaciles deben decidir cómo usar sus cárceles, no un mandato estatal.',
    isDemo: true,
    callsToAction: [georgiaLetter, georgiaDay, meetYourLegislator],
    actions: [
      {
        daysAgo: 30,
        chamberKind: 'lower',
        description: 'House First Readers',
        classification: ['introduction', 'reading-1'],
      },
      {
        daysAgo: 29,
        chamberKind: 'lower',
        description: 'House Second Readers; referred to Judiciary (Non-Civil)',
        classification: ['reading-2', 'referral-committee'],
      },
      { daysAgo: 6, chamberKind: 'lower', description: 'Committee hearing held', classification: [] },
    ],
  },
  {
    id: 'demo-bill-ga-sb-220',
    state: 'GA',
    session: 'Demo session',
    identifier: 'SB 220',
    title: 'Adds a fee on money sent abroad by people without a Social Security number',
    titleEs: 'Agrega un cargo al dinero enviado al extranjero por personas sin número de Seguro Social',
    position: 'watch',
    summaryEn:
      'Would add a 2% fee on international money transfers by senders who cannot show a Social Security number.',
    summaryEs:
      'Agregaría un cargo del 2% a las transferencias internacionales de quienes no puedan mostrar un número de Seguro Social.',
    isDemo: true,
    callsToAction: [meetYourLegislator],
    actions: [
      {
        daysAgo: 3,
        chamberKind: 'upper',
        description: 'Senate Read First Time',
        classification: ['introduction'],
      },
    ],
  },
  {
    id: 'demo-bill-sc-s-418',
    state: 'SC',
    session: 'Demo session',
    identifier: 'S 418',
    title: 'Bans city and county policies that limit cooperation with immigration enforcement',
    titleEs:
      'Prohíbe las políticas de ciudades y condados que limitan la cooperación con las autoridades de inmigración',
    position: 'oppose',
    summaryEn: 'Would void local trust policies and let the attorney general sue cities that keep them.',
    summaryEs:
      'Anularía las políticas locales de confianza y permitiría al fiscal general demandar a las ciudades que las mantengan.',
    isDemo: true,
    callsToAction: [carolinaDay, meetYourLegislator],
    actions: [
      {
        daysAgo: 40,
        chamberKind: 'upper',
        description: 'Introduced and read first time',
        classification: ['introduction'],
      },
      {
        daysAgo: 40,
        chamberKind: 'upper',
        description: 'Referred to Committee on Judiciary',
        classification: ['referral-committee'],
      },
      {
        daysAgo: 9,
        chamberKind: 'upper',
        description: 'Committee report: Favorable',
        classification: ['committee-passage-favorable'],
      },
    ],
  },
  {
    id: 'demo-bill-tn-hb-2200',
    state: 'TN',
    session: 'Demo session',
    identifier: 'HB 2200',
    title: 'Makes giving a ride to an undocumented person a state crime',
    titleEs: 'Convierte en delito estatal llevar en auto a una persona indocumentada',
    position: 'oppose',
    summaryEn:
      'Would make it a felony to transport a person known to be in the country without authorization.',
    summaryEs:
      'Convertiría en delito grave transportar a una persona que se sabe que está en el país sin autorización.',
    isDemo: true,
    callsToAction: [meetYourLegislator],
    actions: [
      {
        daysAgo: 50,
        chamberKind: 'lower',
        description: 'Filed for introduction',
        classification: ['filing'],
      },
      {
        daysAgo: 48,
        chamberKind: 'lower',
        description: 'Assigned to Criminal Justice Subcommittee',
        classification: ['referral-committee'],
      },
      {
        daysAgo: 30,
        chamberKind: 'lower',
        description: 'Recommended for passage',
        classification: ['committee-passage'],
      },
      {
        daysAgo: 12,
        chamberKind: 'lower',
        description: 'Passed House, Ayes 70, Nays 24',
        classification: ['passage'],
      },
      {
        daysAgo: 11,
        chamberKind: 'upper',
        description: 'Received from House; referred to Senate Judiciary',
        classification: ['referral-committee'],
      },
    ],
  },
  {
    id: 'demo-bill-nc-hb-10',
    state: 'NC',
    session: 'Demo session',
    identifier: 'HB 10',
    title: 'Requires sheriffs to honor every immigration detainer',
    titleEs: 'Obliga a los alguaciles a cumplir toda orden de retención migratoria',
    position: 'oppose',
    summaryEn:
      'Would remove sheriffs\u2019 discretion over immigration detainers and require them to notify federal agents.',
    summaryEs:
      'Quitaría a los alguaciles la discreción sobre las órdenes de retención migratoria y los obligaría a notificar a los agentes federales.',
    isDemo: true,
    callsToAction: [meetYourLegislator],
    actions: [
      { daysAgo: 60, chamberKind: 'lower', description: 'Filed', classification: ['introduction'] },
      { daysAgo: 40, chamberKind: 'lower', description: 'Passed 3rd Reading', classification: ['passage'] },
      { daysAgo: 20, chamberKind: 'upper', description: 'Passed 3rd Reading', classification: ['passage'] },
    ],
  },
  {
    id: 'demo-bill-fl-sb-1718',
    state: 'FL',
    session: 'Demo session',
    identifier: 'SB 1718',
    title: 'Requires every employer to use E-Verify and hospitals to ask patients\u2019 status',
    titleEs:
      'Obliga a todos los empleadores a usar E-Verify y a los hospitales a preguntar la situación migratoria',
    position: 'oppose',
    summaryEn:
      'Would require E-Verify for all employers and require hospitals to ask and report patients\u2019 immigration status.',
    summaryEs:
      'Exigiría E-Verify a todos los empleadores y obligaría a los hospitales a preguntar e informar la situación migratoria de los pacientes.',
    isDemo: true,
    callsToAction: [meetYourLegislator],
    actions: [
      { daysAgo: 70, chamberKind: 'upper', description: 'Filed', classification: ['filing'] },
      {
        daysAgo: 45,
        chamberKind: 'upper',
        description: 'Passed; YEAS 27 NAYS 10',
        classification: ['passage'],
      },
      {
        daysAgo: 30,
        chamberKind: 'lower',
        description: 'Passed; YEAS 83 NAYS 36',
        classification: ['passage'],
      },
      {
        daysAgo: 2,
        chamberKind: 'executive',
        description: 'Presented to Governor',
        classification: ['executive-receipt'],
      },
    ],
  },
  {
    id: 'demo-bill-co-sb-77',
    state: 'CO',
    session: 'Demo session',
    identifier: 'SB 77',
    title: 'Protects residents\u2019 personal data from use in civil immigration enforcement',
    titleEs:
      'Protege los datos personales de los residentes frente a su uso en la aplicación civil de leyes migratorias',
    position: 'support',
    summaryEn:
      'Would bar state agencies from sharing personal data for civil immigration enforcement without a judicial warrant.',
    summaryEs:
      'Prohibiría a las agencias estatales compartir datos personales para la aplicación civil de leyes migratorias sin orden judicial.',
    isDemo: true,
    callsToAction: [],
    actions: [
      {
        daysAgo: 90,
        chamberKind: 'upper',
        description: 'Introduced in Senate',
        classification: ['introduction'],
      },
      {
        daysAgo: 60,
        chamberKind: 'upper',
        description: 'Senate Third Reading Passed',
        classification: ['passage'],
      },
      {
        daysAgo: 40,
        chamberKind: 'lower',
        description: 'House Third Reading Passed',
        classification: ['passage'],
      },
      {
        daysAgo: 30,
        chamberKind: 'executive',
        description: 'Sent to the Governor',
        classification: ['executive-receipt'],
      },
      {
        daysAgo: 25,
        chamberKind: 'executive',
        description: 'Signed by Governor',
        classification: ['executive-signature'],
      },
    ],
  },
  {
    id: 'demo-bill-az-sb-1231',
    state: 'AZ',
    session: 'Demo session',
    identifier: 'SB 1231',
    title: 'Lets state police arrest people for federal immigration violations',
    titleEs: 'Permite a la policía estatal arrestar a personas por infracciones migratorias federales',
    position: 'oppose',
    summaryEn:
      'Would create a state crime of unlawful entry and let any officer arrest people on suspicion of it.',
    summaryEs:
      'Crearía un delito estatal de ingreso ilegal y permitiría a cualquier agente arrestar a personas por sospecha.',
    isDemo: true,
    callsToAction: [meetYourLegislator],
    actions: [
      { daysAgo: 80, chamberKind: 'upper', description: 'Introduced', classification: ['introduction'] },
      { daysAgo: 50, chamberKind: 'upper', description: 'Passed Senate', classification: ['passage'] },
      { daysAgo: 35, chamberKind: 'lower', description: 'Passed House', classification: ['passage'] },
      {
        daysAgo: 33,
        chamberKind: 'executive',
        description: 'Transmitted to Governor',
        classification: ['executive-receipt'],
      },
      {
        daysAgo: 31,
        chamberKind: 'executive',
        description: 'Vetoed by Governor',
        classification: ['executive-veto'],
      },
    ],
  },
  {
    id: 'demo-bill-tx-sb-9',
    state: 'TX',
    session: 'Demo session',
    identifier: 'SB 9',
    title: 'Cuts school funding for districts that enroll children without proof of status',
    titleEs:
      'Recorta fondos escolares a los distritos que inscriban a niños sin prueba de situación migratoria',
    position: 'oppose',
    summaryEn:
      'Would require schools to collect students\u2019 immigration status and cut funds to districts that refuse.',
    summaryEs:
      'Obligaría a las escuelas a recopilar la situación migratoria de los estudiantes y recortaría fondos a los distritos que se nieguen.',
    isDemo: true,
    callsToAction: [meetYourLegislator],
    actions: [
      { daysAgo: 100, chamberKind: 'upper', description: 'Filed', classification: ['filing'] },
      {
        daysAgo: 95,
        chamberKind: 'upper',
        description: 'Referred to Education K-16',
        classification: ['referral-committee'],
      },
      {
        daysAgo: 70,
        chamberKind: 'upper',
        description: 'Left pending in committee; failed to be reported',
        classification: ['committee-failure'],
      },
    ],
  },
];

function toActions(bill: DemoBill, now: number): ImportedAction[] {
  return bill.actions.map((action, index) => {
    const date = action.date ?? new Date(now - (action.daysAgo ?? 0) * 86_400_000).toISOString().slice(0, 10);
    return {
      // Demo actions are keyed by their place in the list, so the relative dates of a later run
      // do not add them again.
      actionKey: bill.isDemo ? `demo:${index}` : actionKeyOf(index + 1, date, action.description),
      date,
      position: index + 1,
      chamber: CHAMBERS[action.chamberKind],
      chamberKind: action.chamberKind,
      description: action.description,
      classification: action.classification,
    };
  });
}

/** Loads the demo bills, their timelines and one movement each (for the Atom feed). */
export async function seedBills({ db, now, log }: DemoContext): Promise<void> {
  for (const demo of DEMO_BILLS) {
    const actions = toActions(demo, now);
    const latest = sortActions(actions).at(-1)!;
    const derived = stageFromActions(actions);
    const stage = demo.stageOverride ?? derived;
    const statements: BatchItem<'sqlite'>[] = [
      db
        .insert(bills)
        .values({
          id: demo.id,
          state: demo.state,
          session: demo.session,
          identifier: demo.identifier,
          slug: demo.identifier.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          title: demo.title,
          titleEs: demo.titleEs,
          position: demo.position,
          summaryEn: demo.summaryEn,
          summaryEs: demo.summaryEs,
          analysisEn: demo.analysisEn ?? null,
          analysisEs: demo.analysisEs ?? null,
          talkingPointsEn: demo.talkingPointsEn ?? null,
          talkingPointsEs: demo.talkingPointsEs ?? null,
          derivedStage: derived,
          stageOverride: demo.stageOverride ?? null,
          stageNoteEn: demo.stageNoteEn ?? null,
          stageNoteEs: demo.stageNoteEs ?? null,
          callsToAction: JSON.stringify(demo.callsToAction),
          sources: JSON.stringify(demo.sources ?? []),
          tracked: true,
          isDemo: demo.isDemo,
          lastMovementAt: dateToMs(latest.date),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing(),
      ...insertActionStatements(db, demo.id, actions, 'demo', now),
      db
        .insert(billMovements)
        .values({
          id: `${demo.id}-movement`,
          billId: demo.id,
          movementKey: `demo:${demo.id}`,
          kind: 'actions',
          stageBefore: null,
          stageAfter: stage,
          headlineEn: latest.description,
          headlineEs: latest.description,
          occurredAt: dateToMs(latest.date),
          createdAt: dateToMs(latest.date),
          // Nobody follows a demo bill before it exists: there is nothing to send.
          fanoutStatus: 'done',
          fanoutUpdatedAt: now,
        })
        .onConflictDoNothing(),
    ];
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  }
  log(`bills: ${DEMO_BILLS.length} bills (3 from the toolkit's 2015 sessions, the rest labeled demo)`);
}
