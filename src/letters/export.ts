import type { CsvColumn } from '../lib/csv';
import type { Translate } from '../lib/i18n';
import { honorificKey, roleLabel, traditionLabel } from './choices';
import type { LetterSignature } from './schema';

const iso = (value: number | null) => (value === null ? '' : new Date(value).toISOString());

/**
 * The columns of the signer export, for the organizer's language: titles, roles and traditions as
 * words a person reads, each followed by its stored code, so that a spreadsheet or script can filter
 * on the code whatever language the export was made in.
 */
export const signerCsvColumns = (t: Translate): CsvColumn<LetterSignature>[] => [
  {
    header: 'honorific',
    value: (row) => {
      const key = honorificKey(row.honorific);
      return key ? t(key) : row.honorific === 'other' ? row.honorificOther : '';
    },
  },
  { header: 'honorific_code', value: (row) => row.honorific },
  { header: 'first_name', value: (row) => row.firstName },
  { header: 'last_name', value: (row) => row.lastName },
  { header: 'role', value: (row) => roleLabel(t, row.role) },
  { header: 'role_code', value: (row) => row.role },
  { header: 'tradition', value: (row) => traditionLabel(t, row.tradition) },
  { header: 'tradition_code', value: (row) => row.tradition },
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
