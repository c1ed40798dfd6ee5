// Reads Open States people files from disk for the officials import (the command and the demo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseJurisdictionNames, parsePersonFile, type ParsedPerson } from '../../src/officials/import';

/** The Open States people files kept in this repository (Georgia and South Carolina; see its README). */
export const DEFAULT_PEOPLE_DIR = resolve(import.meta.dirname, '../../data/openstates-people');

/** The folders a state's people live in, in an Open States people checkout. */
const PEOPLE_FOLDERS = ['legislature', 'executive', 'municipalities'];

/**
 * Where to import from, given a folder a person named: a state's folder (`…/data/tx`) stands for
 * that state; any other folder holds state folders, and `states` (or, when none are named, every
 * state folder in it) are read.
 */
export function resolvePeopleSource(folder: string, states: string[]): { dataDir: string; states: string[] } {
  if (!existsSync(folder)) throw new Error(`No such folder: ${folder}`);
  const name = basename(resolve(folder)).toLowerCase();
  const isStateFolder = /^[a-z]{2}$/.test(name) && PEOPLE_FOLDERS.some((f) => existsSync(join(folder, f)));
  if (isStateFolder) {
    if (states.length > 0 && (states.length > 1 || states[0] !== name)) {
      throw new Error(`${folder} is the folder of "${name}"; it cannot be imported as ${states.join(', ')}`);
    }
    return { dataDir: resolve(folder, '..'), states: [name] };
  }
  if (states.length > 0) return { dataDir: folder, states };
  const found = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name))
    .filter((e) => PEOPLE_FOLDERS.some((f) => existsSync(join(folder, e.name, f))))
    .map((e) => e.name)
    .sort();
  if (found.length === 0)
    throw new Error(`No Open States state folders (such as ga/legislature) in ${folder}`);
  return { dataDir: folder, states: found };
}

/** Every person file of a state (legislature, executive, municipalities), parsed. */
export function readStateFiles(dataDir: string, state: string, today: string): ParsedPerson[] {
  const stateDir = join(dataDir, state);
  if (!existsSync(stateDir)) throw new Error(`No Open States folder for "${state}" in ${dataDir}`);
  const namesFile = join(stateDir, 'municipalities.yml');
  const jurisdictionNames = existsSync(namesFile)
    ? parseJurisdictionNames(readFileSync(namesFile, 'utf8'))
    : new Map();
  const parsed: ParsedPerson[] = [];
  for (const folder of PEOPLE_FOLDERS) {
    const dir = join(stateDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.yml'))
      .sort()) {
      const path = join(dir, name);
      parsed.push(
        parsePersonFile(relative(dataDir, path), readFileSync(path, 'utf8'), {
          state,
          today,
          jurisdictionNames,
        }),
      );
    }
  }
  return parsed;
}
