// Global setup of the node project: one folder, for this run only, where the first browser test
// builds the migrated database with the demo content (test/browser/harness.ts). Every browser file
// then starts `wrangler dev` on its own copy of it, instead of migrating and seeding again (which
// took most of each file's time). Built lazily, so a run without browser tests pays nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/** Creates the run's template folder, and removes it when the run ends. */
export default function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'wt-browser-template-'));
  project.provide('browserStateTemplate', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
