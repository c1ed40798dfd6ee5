import { stringify } from 'csv-stringify/sync';

/** One column of a CSV file: its heading and how to read its cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | boolean | null | undefined;
}

/** Options shared by the CSV writers. */
export interface CsvOptions {
  /** Starts the file with a UTF-8 byte order mark so that Excel reads accents correctly. Default true. */
  bom?: boolean;
}

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes
// doubled. csv-stringify quotes a lone \n or \r only with `quote_record_delimiter` when the
// record delimiter is set, so it is explicit here. `escape_formulas` prefixes a single quote to cells starting with = + - @ tab or CR
// (and their full-width forms), so a spreadsheet shows them as text instead of running them.
const STRINGIFY_OPTIONS = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

function toCells<Row>(columns: readonly CsvColumn<Row>[], row: Row): string[] {
  return columns.map((column) => {
    const value = column.value(row);
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    // Numbers become strings first, so that a negative number is neutralized like any text
    // starting with "-" (a cell is a cell, whatever produced it).
    return String(value);
  });
}

/** Encodes rows as CSV text (a whole small file, or one page of a streamed one), header included when asked. */
export function toCsv<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  options: { header?: boolean } = {},
): string {
  const records = rows.map((row) => toCells(columns, row));
  if (options.header ?? true) records.unshift(columns.map((column) => column.header));
  if (records.length === 0) return '';
  return stringify(records, STRINGIFY_OPTIONS);
}

/**
 * Streams a CSV file page by page, so that a large export never holds every row in memory:
 * `readPage(cursor)` returns the next rows and the cursor after them (null when done). Each page is
 * read only when the client is ready for more (pull-based backpressure).
 * @example new Response(csvStream(columns, (after) => listSignersPage(db, id, after, 500)), { headers: csvHeaders('signers.csv') })
 */
export function csvStream<Row, Cursor>(
  columns: readonly CsvColumn<Row>[],
  readPage: (cursor: Cursor | null) => Promise<{ rows: Row[]; next: Cursor | null }>,
  options: CsvOptions = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const bom = (options.bom ?? true) ? '\uFEFF' : '';
        controller.enqueue(encoder.encode(bom + toCsv(columns, [], { header: true })));
        return;
      }
      const page = await readPage(cursor);
      if (page.rows.length > 0)
        controller.enqueue(encoder.encode(toCsv(columns, page.rows, { header: false })));
      if (page.next === null || page.rows.length === 0) controller.close();
      else cursor = page.next;
    },
  });
}

/** Response headers for a CSV download: the RFC 4180 media type, an attachment name, no caching. */
export function csvHeaders(filename: string): Record<string, string> {
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="${safeName}"`,
    'cache-control': 'no-store',
  };
}
