// A registration's phone and address are stored sealed (lib/sealed.ts): the queries seal them on
// the way in and open them on the way out, so every page, export, email and job sees plain values.
import { contactKeyring, type Db } from '../db';
import { openStored, seal, type SealedPlace } from '../lib/sealed';
import type { Registration } from './schema';

/** The registration columns stored sealed. */
export const SEALED_REGISTRATION_COLUMNS = ['phone', 'address'] as const;
type SealedColumn = (typeof SEALED_REGISTRATION_COLUMNS)[number];

function place(registrationId: string, column: SealedColumn): SealedPlace {
  return { table: 'day_registrations', column, rowId: registrationId };
}

/** The phone and address of a registration as they are stored (sealed; null stays null). */
export async function sealRegistrationContacts<T extends Partial<Pick<Registration, SealedColumn>>>(
  db: Db,
  registrationId: string,
  values: T,
): Promise<T> {
  const sealed: T = { ...values };
  for (const column of SEALED_REGISTRATION_COLUMNS) {
    const value = values[column];
    if (value) {
      const keyring = await contactKeyring(db);
      Object.assign(sealed, { [column]: await seal(keyring, place(registrationId, column), value) });
    }
  }
  return sealed;
}

/** A registration as read, with its phone and address opened. */
export async function openRegistration<T extends Pick<Registration, 'id' | SealedColumn>>(
  db: Db,
  row: T,
): Promise<T> {
  const keyring = () => contactKeyring(db);
  return {
    ...row,
    phone: await openStored(keyring, place(row.id, 'phone'), row.phone),
    address: await openStored(keyring, place(row.id, 'address'), row.address),
  };
}

/** Registrations as read, each opened. */
export function openRegistrations<T extends Pick<Registration, 'id' | SealedColumn>>(
  db: Db,
  rows: T[],
): Promise<T[]> {
  return Promise.all(rows.map((row) => openRegistration(db, row)));
}
