// Reads Open States people files from disk for the officials import (the command and the demo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseJurisdictionNames, parsePersonFile, type ParsedPerson } from '../../src/officials/import';

/** The shared copy of openstates/people, relative to the repository. */
export const DEFAULT_PEOPLE_DIR = '../shared/data/openstates-people/data';

/** Every person file of a state (legislature, executive, municipalities), parsed. */
export function readStateFiles(dataDir: string, state: string, today: string): ParsedPerson[] {
  const stateDir = join(dataDir, state);
  if (!existsSync(stateDir)) throw new Error(`No Open States folder for "${state}" in ${dataDir}`);
  const namesFile = join(stateDir, 'municipalities.yml');
  const jurisdictionNames = existsSync(namesFile)
    ? parseJurisdictionNames(readFileSync(namesFile, 'utf8'))
    : new Map();
  const parsed: ParsedPerson[] = [];
  for (const folder of ['legislature', 'executive', 'municipalities']) {
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
