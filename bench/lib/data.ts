// The generated data set (not the demo): plain SQL literal files, loaded with
// `wrangler d1 execute --local --persist-to DIR --file` in chunks of multi-row INSERTs.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signatureSearchTerms } from '../../src/letters/queries/search';

/** Fixed ids and sizes of the generated data set; the scenarios address these. */
export const DATA = {
  signersLetter: { id: 'bench-letter-signers', slug: 'bench-signers', signers: 5_000 },
  exportLetter: { id: 'bench-letter-export', slug: 'bench-export', signatures: 100_000 },
  bill: { id: 'bench-bill', state: 'GA', slug: 'sb-900', subscribers: 10_000 },
  organizer: { id: 'bench-organizer', email: 'bench-organizer@example.org' },
  /** A last name about 1 in 20 signers has: the organizer's search term. */
  searchTerm: 'Garcia',
  /**
   * Read-only API keys for the API sync (the signers of both letters are 100,000 people). Several,
   * because each key may make 600 requests a minute and the sync makes about 4,000.
   */
  apiKeys: Array.from({ length: 10 }, (_, i) => `wt_bench-api-key-${i}`),
} as const;

/** Rows per INSERT statement (each statement stays well under D1's 100 KB statement limit). */
const ROWS_PER_INSERT = 200;
/** Rows per file given to one `wrangler d1 execute`. */
const ROWS_PER_FILE = 25_000;

type Cell = string | number | null;

const FIRST = [
  'Ana',
  'James',
  'Miriam',
  'Samuel',
  'Grace',
  'Luis',
  'Fatima',
  'David',
  'Ruth',
  'Joseph',
  'María',
  'Tomás',
  'Esther',
  'Ibrahim',
  'Nora',
  'Pedro',
];
const LAST = [
  'Garcia',
  'Smith',
  'Johnson',
  'Nguyen',
  'Hernández',
  'Cohen',
  'Williams',
  'Okafor',
  'Brown',
  'Rahman',
  'Lopez',
  'Miller',
  'Davis',
  'Martin',
  'Kim',
  'Wilson',
  'Moore',
  'Taylor',
  'Anderson',
  'Thomas',
];
const HONORIFICS = ['rev', 'pastor', 'rabbi', 'imam', 'fr', 'sister', 'dr', 'none'];
const TRADITIONS = [
  'catholic',
  'mainline',
  'evangelical',
  'pentecostal',
  'black-church',
  'jewish',
  'muslim',
  'interfaith',
];
const CITIES: [string, string][] = [
  ['Atlanta', 'GA'],
  ['Savannah', 'GA'],
  ['Macon', 'GA'],
  ['Columbia', 'SC'],
  ['Charleston', 'SC'],
  ['Athens', 'GA'],
];

function sq(value: Cell): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** SHA-256 hex, as the app stores session ids and token hashes. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function insertChunks(table: string, columns: string[], rows: Cell[][]): string[] {
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows
      .slice(i, i + ROWS_PER_INSERT)
      .map((row) => `(${row.map(sq).join(',')})`)
      .join(',\n');
    statements.push(`INSERT INTO ${table} (${columns.join(',')}) VALUES\n${values};`);
  }
  return statements;
}

const SIGNATURE_COLUMNS = [
  'id',
  'letter_id',
  'email',
  'honorific',
  'first_name',
  'last_name',
  'role',
  'tradition',
  'denomination',
  'congregation',
  'city',
  'state',
  'comment',
  'show_publicly',
  'keep_informed',
  'lang',
  'confirm_token_hash',
  'withdraw_token_hash',
  'confirmations_sent',
  'last_confirmation_at',
  'confirmed_at',
  'created_at',
];

/**
 * The search terms of signature rows (as the app stores them in the batch that signs), so the
 * organizer's search reads the same index as in production.
 */
function signatureTermRows(rows: Cell[][]): Cell[][] {
  const at = (name: string) => SIGNATURE_COLUMNS.indexOf(name);
  const text = (row: Cell[], name: string) => (row[at(name)] as string | null) ?? null;
  return (
    rows
      .flatMap((row) =>
        signatureSearchTerms({
          email: text(row, 'email')!,
          firstName: text(row, 'first_name')!,
          lastName: text(row, 'last_name')!,
          congregation: text(row, 'congregation'),
          denomination: text(row, 'denomination'),
          city: text(row, 'city') ?? undefined,
        }).map((term): Cell[] => [
          'signature',
          text(row, 'letter_id'),
          text(row, 'id'),
          term,
          row[at('created_at')] as number,
        ]),
      )
      // In the index's order (binary, as SQLite compares): each insert appends to the B-tree.
      .sort((a, b) => Buffer.compare(Buffer.from(`${a[3]}\0${a[2]}`), Buffer.from(`${b[3]}\0${b[2]}`)))
  );
}

const TERM_COLUMNS = ['kind', 'scope_id', 'owner_id', 'term', 'sort_key'];

/** One confirmed, shown signature row (the same shape for the app's table and the floor's). */
export function signatureRow(letterId: string, n: number, now: number): Cell[] {
  const [city, state] = CITIES[n % CITIES.length]!;
  const createdAt = now - 86_400_000 + n;
  return [
    `${letterId}-sig-${n}`,
    letterId,
    `signer${n}@bench.example`,
    HONORIFICS[n % HONORIFICS.length]!,
    FIRST[n % FIRST.length]!,
    LAST[(n * 7) % LAST.length]!,
    n % 3 === 0 ? 'lay' : 'clergy',
    TRADITIONS[n % TRADITIONS.length]!,
    n % 2 ? 'United Methodist Church' : null,
    `Congregation ${n % 400}`,
    city,
    state,
    n % 10 === 0 ? 'We welcome the stranger because we were strangers once.' : null,
    1,
    n % 4 === 0 ? 1 : 0,
    n % 3 === 0 ? 'es' : 'en',
    sha256(`confirm-${letterId}-${n}`),
    sha256(`withdraw-${letterId}-${n}`),
    1,
    createdAt,
    createdAt + 60_000,
    createdAt,
  ];
}

const PARAGRAPH_EN =
  'We, the undersigned faith leaders of Georgia and South Carolina, write as people whose traditions command us to welcome the stranger, to care for the widow and the orphan, and to love our neighbors as ourselves. Families in our congregations are being separated, and children are afraid to come to worship. We ask you to end cooperation agreements that turn local police into immigration agents.';
const PARAGRAPH_ES =
  'Nosotros, líderes de fe de Georgia y Carolina del Sur, escribimos como personas cuyas tradiciones nos mandan acoger al extranjero, cuidar de la viuda y del huérfano y amar al prójimo como a nosotros mismos. Familias de nuestras congregaciones están siendo separadas y los niños tienen miedo de venir al culto. Les pedimos poner fin a los acuerdos que convierten a la policía local en agentes de inmigración.';

function letterRow(id: string, slug: string, now: number): Cell[] {
  return [
    id,
    slug,
    'open',
    'Faith leaders ask the sheriff to end 287(g)',
    'Líderes de fe piden al sheriff poner fin al 287(g)',
    Array(6).fill(PARAGRAPH_EN).join('\n\n'),
    Array(6).fill(PARAGRAPH_ES).join('\n\n'),
    'Sheriff Dana Morales, Alder County\nAlder County Commission',
    null,
    10_000,
    0,
    now - 2 * 86_400_000,
    now - 2 * 86_400_000,
  ];
}

/** Writes the app's data set as SQL files in `dir` and returns their paths, in load order. */
export function writeDataSet(dir: string, sessionId: string, now = Date.now()): string[] {
  const files: string[] = [];
  const write = (name: string, statements: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, statements.join('\n') + '\n');
    files.push(path);
  };
  const { signersLetter, exportLetter, bill, organizer } = DATA;

  write('00-base.sql', [
    ...insertChunks(
      'letters',
      [
        'id',
        'slug',
        'status',
        'title_en',
        'title_es',
        'body_en',
        'body_es',
        'addressees',
        'deadline',
        'goal',
        'is_demo',
        'created_at',
        'updated_at',
      ],
      [
        letterRow(signersLetter.id, signersLetter.slug, now),
        letterRow(exportLetter.id, exportLetter.slug, now),
      ],
    ),
    ...insertChunks(
      'organizers',
      ['id', 'email', 'name', 'lang', 'created_at'],
      [[organizer.id, organizer.email, 'Bench Organizer', 'en', now]],
    ),
    ...insertChunks(
      'organizer_sessions',
      // Authenticated now: exports need a sign-in from the last 15 minutes (step-up), and the
      // bench's export runs within minutes of loading the data.
      ['id_hash', 'organizer_id', 'created_at', 'last_seen_at', 'authenticated_at'],
      [[sha256(sessionId), organizer.id, now, now, now]],
    ),
    ...insertChunks(
      'api_keys',
      ['id', 'name', 'key_hash', 'scope', 'created_at'],
      DATA.apiKeys.map((key, i) => [`bench-api-key-${i}`, `Bench sync ${i}`, sha256(key), 'read', now]),
    ),
    ...insertChunks(
      'bills',
      [
        'id',
        'state',
        'session',
        'identifier',
        'slug',
        'title',
        'title_es',
        'position',
        'summary_en',
        'summary_es',
        'derived_stage',
        'tracked',
        'last_movement_at',
        'created_at',
        'updated_at',
      ],
      [
        [
          bill.id,
          bill.state,
          '2027',
          'SB 900',
          bill.slug,
          'Requires local jails to honor immigration detainers',
          'Obliga a las cárceles locales a cumplir las órdenes de retención migratoria',
          'oppose',
          PARAGRAPH_EN,
          PARAGRAPH_ES,
          'in_committee',
          1,
          now - 86_400_000,
          now - 3 * 86_400_000,
          now - 86_400_000,
        ],
      ],
    ),
    ...insertChunks(
      'bill_actions',
      [
        'id',
        'bill_id',
        'action_key',
        'date',
        'position',
        'chamber',
        'chamber_kind',
        'description',
        'classification',
        'source',
        'created_at',
      ],
      [
        [
          `${bill.id}-a1`,
          bill.id,
          'a1',
          '2027-01-15',
          1,
          'Senate',
          'upper',
          'Senate Read and Referred',
          '["introduction","referral-committee"]',
          'organizer',
          now,
        ],
        [
          `${bill.id}-a2`,
          bill.id,
          'a2',
          '2027-01-29',
          2,
          'Senate',
          'upper',
          'Senate Committee Hearing Scheduled',
          '[]',
          'organizer',
          now,
        ],
      ],
    ),
  ]);

  const signers = Array.from({ length: signersLetter.signers }, (_, n) =>
    signatureRow(signersLetter.id, n, now),
  );
  write('01-signers.sql', [
    ...insertChunks('letter_signatures', SIGNATURE_COLUMNS, signers),
    ...insertChunks('search_terms', TERM_COLUMNS, signatureTermRows(signers)),
  ]);

  const subscribers: Cell[][] = Array.from({ length: bill.subscribers }, (_, n) => [
    `bench-sub-${String(n).padStart(5, '0')}`,
    `subscriber${n}@bench.example`,
    `bill:${bill.id}`,
    bill.id,
    bill.state,
    n % 3 === 0 ? 'es' : 'en',
    'immediate',
    'confirmed',
    now - 86_400_000,
    now - 86_400_000,
  ]);
  write(
    '02-subscribers.sql',
    insertChunks(
      'bill_subscriptions',
      [
        'id',
        'email',
        'scope_key',
        'bill_id',
        'state',
        'lang',
        'frequency',
        'status',
        'created_at',
        'confirmed_at',
      ],
      subscribers,
    ),
  );

  for (let start = 0; start < exportLetter.signatures; start += ROWS_PER_FILE) {
    const rows = Array.from({ length: Math.min(ROWS_PER_FILE, exportLetter.signatures - start) }, (_, i) =>
      signatureRow(exportLetter.id, start + i, now),
    );
    write(`03-export-${start / ROWS_PER_FILE}.sql`, [
      ...insertChunks('letter_signatures', SIGNATURE_COLUMNS, rows),
      ...insertChunks('search_terms', TERM_COLUMNS, signatureTermRows(rows)),
    ]);
  }
  return files;
}

/** The floor's rows: the same 5,000 signatures in its own table (schema in bench/floor/schema.sql). */
export function writeFloorDataSet(dir: string, now = Date.now()): string[] {
  const rows = Array.from({ length: DATA.signersLetter.signers }, (_, n) =>
    signatureRow('floor-letter', n, now),
  );
  const path = join(dir, 'floor-rows.sql');
  writeFileSync(path, insertChunks('signatures', SIGNATURE_COLUMNS, rows).join('\n') + '\n');
  return [path];
}
