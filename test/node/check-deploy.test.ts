// The predeploy guard: a deployment never runs with the development mailbox or the placeholder database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { describe, expect, it } from 'vitest';
import { deployProblems } from '../../scripts/lib/check-deploy';
import {
  ensureDevelopmentVars,
  withContactKeys,
  withDevelopmentEnvironment,
} from '../../scripts/lib/dev-vars';
import { parseKeyList } from '../../src/lib/sealed';

const ready = {
  vars: { ENVIRONMENT: 'production', PUBLIC_URL: 'https://action.example.org' },
  databaseId: '2f1c6a9e-8d1b-4c55-9a61-0c3d2b7e9f10',
};

describe('deployProblems', () => {
  it('accepts a production configuration', () => {
    expect(deployProblems(ready)).toEqual([]);
  });

  it('refuses development, a local PUBLIC_URL and the placeholder database id', () => {
    expect(deployProblems({ ...ready, vars: { ...ready.vars, ENVIRONMENT: 'development' } })[0]).toMatch(
      /dev\/mail/,
    );
    expect(
      deployProblems({ ...ready, vars: { ...ready.vars, PUBLIC_URL: 'http://localhost:8787' } }),
    ).toHaveLength(1);
    expect(deployProblems({ ...ready, databaseId: '00000000-0000-0000-0000-000000000000' })).toHaveLength(1);
  });
});

describe('wrangler.toml as shipped', () => {
  it('says production, so a plain `wrangler deploy` never publishes the development mailbox', () => {
    const config = unstable_readConfig({ config: 'wrangler.toml' });
    expect(config.vars.ENVIRONMENT).toBe('production');
    // Only the placeholders the deploy guide asks to replace remain.
    expect(
      deployProblems({
        vars: config.vars as Record<string, unknown>,
        databaseId: config.d1_databases[0]?.database_id,
      }).some((problem) => problem.startsWith('ENVIRONMENT')),
    ).toBe(false);
  });
});

describe('.dev.vars for local runs (npm run demo:seed)', () => {
  it('adds ENVIRONMENT=development, keeping what the file holds, and leaves a chosen value alone', () => {
    expect(withDevelopmentEnvironment(null)).toMatch(/^ENVIRONMENT=development$/m);
    const secrets = 'RESEND_API_KEY=\nOPENSTATES_API_KEY=abc\n';
    const added = withDevelopmentEnvironment(secrets);
    expect(added.startsWith(secrets)).toBe(true);
    expect(added).toMatch(/^ENVIRONMENT=development$/m);
    expect(withDevelopmentEnvironment('ENVIRONMENT=staging\n')).toBe('ENVIRONMENT=staging\n');
  });

  it('adds a random CONTACT_KEYS once, and leaves a chosen one alone', () => {
    const first = withContactKeys(null);
    const line = /^CONTACT_KEYS=(.+)$/m.exec(first)?.[1] ?? '';
    expect(parseKeyList(line)).toHaveLength(1);
    expect(withContactKeys(null)).not.toBe(first);
    expect(withContactKeys(first)).toBe(first);
    expect(withContactKeys('RESEND_API_KEY=\nCONTACT_KEYS=\n', 'k:abc')).toBe(
      'RESEND_API_KEY=\nCONTACT_KEYS=k:abc\n',
    );
  });

  it('writes the file once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wt-dev-vars-'));
    try {
      writeFileSync(join(dir, '.dev.vars'), 'OPENSTATES_API_KEY=abc\n');
      expect(ensureDevelopmentVars(dir)).toEqual(['ENVIRONMENT=development', 'a random CONTACT_KEYS']);
      expect(ensureDevelopmentVars(dir)).toEqual([]);
      expect(readFileSync(join(dir, '.dev.vars'), 'utf8')).toMatch(
        /OPENSTATES_API_KEY=abc\n[\s\S]*ENVIRONMENT=development\n[\s\S]*CONTACT_KEYS=local1:[\w-]{43}\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
