// The predeploy guard: a deployment never runs with the development mailbox or the placeholder database.
import { describe, expect, it } from 'vitest';
import { deployProblems } from '../../scripts/lib/check-deploy';

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
