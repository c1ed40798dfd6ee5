import type { CsvColumn } from '../lib/csv';
import type { LetterSignature } from './schema';

const iso = (value: number | null) => (value === null ? '' : new Date(value).toISOString());

/**
 * The columns of the signer export. Codes (tradition, role, honorific) stay as stored, so that a
 * spreadsheet can filter on them whatever language the organizer reads.
 */
export const signerCsvColumns: CsvColumn<LetterSignature>[] = [
  {
    header: 'honorific',
    value: (row) =>
      row.honorific === 'other' ? row.honorificOther : row.honorific === 'none' ? '' : row.honorific,
  },
  { header: 'first_name', value: (row) => row.firstName },
  { header: 'last_name', value: (row) => row.lastName },
  { header: 'role', value: (row) => row.role },
  { header: 'tradition', value: (row) => row.tradition },
  { header: 'denomination', value: (row) => row.denomination },
  { header: 'congregation', value: (row) => row.congregation },
  { header: 'city', value: (row) => row.city },
  { header: 'state', value: (row) => row.state },
  { header: 'email', value: (row) => row.email },
  { header: 'comment', value: (row) => row.comment },
  { header: 'show_publicly', value: (row) => row.showPublicly },
  { header: 'keep_informed', value: (row) => row.keepInformed },
  { header: 'language', value: (row) => row.lang },
  { header: 'signed_at', value: (row) => iso(row.createdAt) },
  { header: 'confirmed_at', value: (row) => iso(row.confirmedAt) },
  { header: 'hidden', value: (row) => row.hiddenAt !== null },
  { header: 'verified', value: (row) => row.verifiedAt !== null },
  { header: 'demo', value: (row) => row.isDemo },
];
