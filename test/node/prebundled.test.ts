import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREBUNDLED } from '../prebundled';

const ROOT = join(import.meta.dirname, '../..');
/** Folders of the node-side tests: they run in Node, not in the Workers pool. */
const NODE_SIDE = ['test/node', 'test/browser', 'test/stress'];
/** Specifiers the runtime or the test pool provides: nothing to pre-bundle. */
const PROVIDED = /^(\.|cloudflare:|node:|vitest$|vitest\/|@cloudflare\/vitest-plugin)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((file) => !NODE_SIDE.some((folder) => file.startsWith(`${folder}/`)));
}

/** The packages a file loads at run time (type-only imports are erased, so they do not count). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\s)(?:[\s\S]*?\sfrom\s+)?'([^']+)'/gm;
  for (const match of source.matchAll(statement)) found.push(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(match[1]!);
  return found.filter((specifier) => !PROVIDED.test(specifier));
}

describe('packages pre-bundled for the Workers tests', () => {
  it('lists every package the Worker and its tests import, so none is loaded twice', () => {
    const missing = new Set<string>();
    for (const file of [...sourceFiles('src'), ...sourceFiles('test')]) {
      for (const specifier of runtimeImports(readFileSync(join(ROOT, file), 'utf8')))
        if (!PREBUNDLED.includes(specifier)) missing.add(`${specifier} (${file})`);
    }
    expect([...missing]).toEqual([]);
  });
});
