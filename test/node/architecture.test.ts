// Keeps the structure docs/architecture.md describes: lower layers never import higher ones, queries
// live in queries modules, files stay small enough to read, and the bilingual and message rules hold.
// It reads the source as text (imports and calls), so it runs in plain Node without building.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

/** The layers from the bottom up; a file may import its own unit or any unit below it. */
const LAYERS: string[] = [
  'messages',
  'lib',
  'env.ts',
  'db',
  'web',
  'email',
  'webhooks',
  'organizers',
  'officials',
  'bills',
  'letters',
  'meetings',
  'advocacy-days',
  'campaigns',
  'people',
  'privacy',
  'api',
  'home',
  'schema.ts',
  'jobs.ts',
  'webhook-payloads.ts',
  'app.ts',
  'index.ts',
];

/**
 * Imports that run up the layers on purpose, each with why (the issue allows at most five).
 * Written as "from -> to" between files, without extensions, relative to src/.
 */
const ALLOWED_UPWARD: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).filter((path) => !path.endsWith('templates.generated.ts'));

function unitOf(path: string): string {
  return relative(SRC, path).split('/')[0] ?? '';
}

function rankOf(path: string): number {
  const rank = LAYERS.indexOf(unitOf(path));
  if (rank < 0) throw new Error(`${relative(ROOT, path)} is in no layer: add its folder to LAYERS`);
  return rank;
}

/** Relative imports of a file (static, dynamic and `export … from`), resolved to paths in src/. */
function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)'(\.[^']+)'/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.map((spec) => {
    const base = resolve(dirname(path), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not this one
      }
    }
    return base;
  });
}

/** Code without comments, so a comment that mentions `db.batch()` is not a query. */
function codeOf(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const withoutExtension = (path: string) => relative(SRC, path).replace(/\.(ts|tsx)$/, '');

describe('the layers', () => {
  it('has every file of src/ in a layer', () => {
    for (const path of files) expect(() => rankOf(path)).not.toThrow();
  });

  it('never imports a higher layer, except the few written down with a reason', () => {
    const upward: string[] = [];
    for (const path of files) {
      for (const target of importsOf(path)) {
        if (!target.startsWith(SRC) || unitOf(target) === unitOf(path)) continue;
        const edge = `${withoutExtension(path)} -> ${withoutExtension(target)}`;
        if (rankOf(target) > rankOf(path) && !(edge in ALLOWED_UPWARD)) upward.push(edge);
      }
    }
    expect(upward).toEqual([]);
    expect(Object.keys(ALLOWED_UPWARD).length).toBeLessThanOrEqual(5);
  });
});

describe('where code lives', () => {
  it('runs queries only in queries modules and db/', () => {
    // A query call: `db.select(`, `tx.insert(`, `env.DB.prepare(`, or a chained `.update(` that
    // starts a line under its receiver (the way drizzle chains are written here).
    const call =
      /(?:\b(?:db|tx|DB)\s*\.\s*|^\s*\.)(select|selectDistinct|insert|update|delete|batch|prepare)\(/gm;
    const outside = files
      .filter((path) => !/(^|\/)queries(\.ts|\/)/.test(relative(SRC, path)) && unitOf(path) !== 'db')
      .flatMap((path) =>
        [...codeOf(path).matchAll(call)].map((m) => `${relative(ROOT, path)}: ${m[0].replace(/\s+/g, '')}`),
      );
    expect(outside).toEqual([]);
  });

  it('keeps every file of src/ under 400 lines', () => {
    const long = files
      .map((path) => ({ path: relative(ROOT, path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter((file) => file.lines > 400);
    expect(long).toEqual([]);
  });

  it('keeps each page file under views/ under 250 lines', () => {
    const long = files
      .filter((path) => path.includes('/views/'))
      .map((path) => ({ path: relative(ROOT, path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter((file) => file.lines > 250);
    expect(long).toEqual([]);
  });
});

describe('languages', () => {
  it('casts nothing to a message key (a typed map catches a missing key instead)', () => {
    const casts = files
      .filter((path) => /\bas MessageKey\b/.test(codeOf(path)))
      .map((p) => relative(ROOT, p));
    expect(casts).toEqual([]);
  });

  it('chooses by language only in lib/ and web/ (pick() and the translator elsewhere)', () => {
    const checks = files
      .filter((path) => !['lib', 'web', 'messages'].includes(unitOf(path)))
      .filter((path) => /\blang\s*===\s*'es'|'es'\s*===\s*lang\b/.test(codeOf(path)))
      .map((path) => relative(ROOT, path));
    expect(checks).toEqual([]);
  });

  it('reads forms with readForm, never a raw parseBody in a handler', () => {
    const raw = files
      .filter((path) => unitOf(path) !== 'web')
      .filter((path) => /\.parseBody\(/.test(codeOf(path)))
      .map((path) => relative(ROOT, path));
    expect(raw).toEqual([]);
  });
});
