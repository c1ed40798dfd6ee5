// Sealed contact fields: AES-256-GCM bound to table, column and row, with key ids for rotation.
import { describe, expect, it } from 'vitest';
import {
  isSealed,
  keyedHash,
  keyedHashes,
  keyringFor,
  loadKeyring,
  newKeyEntry,
  open,
  openStored,
  parseKeyList,
  seal,
  sealedKeyId,
} from '../../src/lib/sealed';

const place = { table: 'registrations', column: 'phone', rowId: 'r1' };

describe('seal and open', () => {
  it('gives back the value, and a different sealed text each time (random IV)', async () => {
    const keyring = await loadKeyring(newKeyEntry('k1'));
    const a = await seal(keyring, place, '+1 404 555 0100');
    const b = await seal(keyring, place, '+1 404 555 0100');
    expect(a).not.toBe(b);
    expect(a).not.toContain('555');
    expect(isSealed(a)).toBe(true);
    expect(sealedKeyId(a)).toBe('k1');
    expect(await open(keyring, place, a)).toBe('+1 404 555 0100');
    expect(await seal(keyring, place, null)).toBeNull();
    expect(await seal(keyring, place, '')).toBe('');
    expect(await open(keyring, place, null)).toBeNull();
  });

  it('does not open in another row or column, or after tampering', async () => {
    const keyring = await loadKeyring(newKeyEntry('k1'));
    const sealed = await seal(keyring, place, '12 Peachtree St');
    await expect(open(keyring, { ...place, rowId: 'r2' }, sealed)).rejects.toThrow();
    await expect(open(keyring, { ...place, column: 'address' }, sealed)).rejects.toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    await expect(open(keyring, place, tampered)).rejects.toThrow();
    await expect(open(keyring, place, 'plain text')).rejects.toThrow(/not a sealed value/);
  });

  it('opens values of an older key listed after the current one, and seals with the first', async () => {
    const old = newKeyEntry('k1');
    const sealedWithOld = await seal(await loadKeyring(old), place, 'story');
    const rotated = await loadKeyring(`${newKeyEntry('k2')},${old}`);
    expect(await open(rotated, place, sealedWithOld)).toBe('story');
    expect(sealedKeyId(await seal(rotated, place, 'story'))).toBe('k2');
    const dropped = await loadKeyring(newKeyEntry('k2'));
    await expect(open(dropped, place, sealedWithOld)).rejects.toThrow(/no longer lists/);
  });

  it('refuses a malformed key list', () => {
    expect(() => parseKeyList('')).toThrow(/empty/);
    expect(() => parseKeyList('k1:c2hvcnQ')).toThrow(/32 bytes/);
    expect(() => parseKeyList('no-colon')).toThrow(/id:base64/);
    expect(() => parseKeyList('k1:not*base64')).toThrow(/id:base64/);
    expect(() => parseKeyList('k1:a')).toThrow(/id:base64/);
    const entry = newKeyEntry('k1');
    expect(() => parseKeyList(`${entry},${entry}`)).toThrow(/differ/);
  });
});

describe('keyringFor, openStored and keyed hashes', () => {
  it('imports a CONTACT_KEYS value once per isolate, and refuses a missing one', async () => {
    const value = newKeyEntry('k1');
    expect(keyringFor({ CONTACT_KEYS: value })).toBe(keyringFor({ CONTACT_KEYS: value }));
    await expect(keyringFor({})).rejects.toThrow(/CONTACT_KEYS is not set/);
  });

  it('reads a value stored before sealing as it is, without asking for the key', async () => {
    const noKey = () => Promise.reject(new Error('no key needed'));
    expect(await openStored(noKey, place, '404-555-0100')).toBe('404-555-0100');
    expect(await openStored(noKey, place, null)).toBeNull();
    const keyring = await loadKeyring(newKeyEntry('k1'));
    const sealed = await seal(keyring, place, '404-555-0100');
    expect(await openStored(async () => keyring, place, sealed)).toBe('404-555-0100');
  });

  it('gives a stable keyed hash per key, one per listed key for lookups, none readable', async () => {
    const old = newKeyEntry('k1');
    const oldRing = await loadKeyring(old);
    const hash = await keyedHash(oldRing, 'ana@example.org');
    expect(hash).toMatch(/^[\w-]{43}$/);
    expect(await keyedHash(oldRing, 'ana@example.org')).toBe(hash);
    expect(await keyedHash(oldRing, 'bo@example.org')).not.toBe(hash);
    const rotated = await loadKeyring(`${newKeyEntry('k2')},${old}`);
    const both = await keyedHashes(rotated, 'ana@example.org');
    expect(both).toHaveLength(2);
    expect(both[0]).not.toBe(hash);
    expect(both[1]).toBe(hash);
  });
});
