// Fails when code or configuration reads outside the repository. A person who clones the project
// has nothing beside it, so a path such as `../shared/…` works only on our own machines (and in a CI
// clone that happens to have the folder beside it). CI's bare-copy check (.ci/run) proves the same
// by running; this test names the file and the line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The folders and top-level files whose paths must stay inside the repository. */
const CHECKED_FOLDERS = ['src', 'scripts', 'test', 'bench', '.ci'];
const CHECKED_FILES = [
  'package.json',
  'tsconfig.json',
  'wrangler.toml',
  'vitest.config.ts',
  'drizzle.config.ts',
  '.prettierrc.json',
];
const SKIPPED = new Set(['node_modules', '.wrangler', 'results']);

function filesUnder(folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split(sep).some((part) => SKIPPED.has(part)));
}

/** Whether a path resolved from a quoted literal points at something in the repository. */
function pointsInside(path: string): boolean {
  if (path !== root && !path.startsWith(root + sep)) return false;
  // A module specifier leaves out its extension; a file written at run time may not exist yet, but its folder does.
  const candidates = [
    path,
    `${path}.ts`,
    `${path}.tsx`,
    join(path, 'index.ts'),
    path.replace(/\.js$/, '.ts'),
  ];
  return candidates.some((candidate) => existsSync(candidate)) || isFolder(dirname(path));
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Every relative path in quotes on a line (`'../x'`, `"./y/**"`), cut before any glob or template part. */
function relativeLiterals(line: string): string[] {
  const found: string[] = [];
  for (const match of line.matchAll(/['"`](\.{1,2}\/[^'"`]*)['"`]/g)) {
    found.push(match[1]!.split(/[*{$?]/)[0]!);
  }
  return found;
}

/** Whether a line of `file` names a place outside the repository (or the shared folder beside it, by any route). */
function leavesRepository(line: string, file: string): boolean {
  if (/(^|[^.\w])\.\.\/+shared\b|\/work\/shared\b/.test(line)) return true;
  // A relative path may be meant from the file's folder (imports) or from the project folder (the
  // working directory of every npm script): it must point at something in the repository from one of them.
  return relativeLiterals(line).some(
    (literal) =>
      !pointsInside(resolve(root, dirname(file), literal)) && !pointsInside(resolve(root, literal)),
  );
}

/** Lines of a file that leave the repository, as `file:line: text`. */
function escapes(file: string): string[] {
  return readFileSync(join(root, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (leavesRepository(line, file) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe('the repository holds everything it reads', () => {
  const files = [
    ...CHECKED_FOLDERS.flatMap(filesUnder),
    ...CHECKED_FILES.filter((f) => existsSync(join(root, f))),
  ];
  // This file spells out the slips it looks for, below.
  const scanned = files.filter((file) => file !== relative(root, import.meta.filename));

  it('checks the code, scripts, tests, benchmarks, CI and configuration', () => {
    // Guards against the walk silently finding nothing (a renamed folder, a wrong root).
    expect(files).toContain('src/index.ts');
    expect(files).toContain('scripts/seed-demo.ts');
    expect(files).toContain('.ci/run');
    expect(files.length).toBeGreaterThan(100);
  });

  it('has no path that reaches above the repository root', () => {
    expect(scanned.length).toBe(files.length - 1);
    expect(scanned.flatMap(escapes)).toEqual([]);
  });

  it('would catch the paths that once read the shared folder beside the clone', () => {
    // The real slips this test exists for, and lines that must pass, through the same rule as every file.
    expect(leavesRepository(`const DIR = '../shared/data/openstates-people/data';`, 'scripts/lib/x.ts')).toBe(
      true,
    );
    expect(leavesRepository(`glob('../../../shared/data/{ga,sc}/**/*.yml')`, 'test/officials/x.ts')).toBe(
      true,
    );
    expect(leavesRepository(`readFileSync('../../../../etc/passwd')`, 'test/node/x.ts')).toBe(true);
    expect(leavesRepository(`cp -r ../shared/data data`, '.ci/run')).toBe(true);
    expect(leavesRepository(`import { getDb } from '../../src/db';`, 'test/officials/x.ts')).toBe(false);
    expect(
      leavesRepository(`resolve(import.meta.dirname, '../../data/openstates-people')`, 'scripts/lib/x.ts'),
    ).toBe(false);
  });
});
