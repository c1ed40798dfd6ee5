import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { PREBUNDLED } from './test/prebundled';

/** The key the Worker tests seal contact fields with (src/lib/sealed.ts). */
export const TEST_CONTACT_KEYS = 'test1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc';

// Three projects: Worker tests inside workerd; node tests (drift checks, browser tests against
// `wrangler dev`); and the longer stress suite, run by `npm run test:stress`.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // queue()/scheduled() on exports.default need this flag in tests.
                compatibilityFlags: ['service_binding_extra_handlers'],
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ENVIRONMENT: 'test',
                  PUBLIC_URL: 'https://welcome.test',
                  // A fixed test key (32 bytes of 7): sealed contact fields open in every test file.
                  CONTACT_KEYS: TEST_CONTACT_KEYS,
                },
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
            exclude: ['test/node/**', 'test/browser/**', 'test/stress/**'],
            setupFiles: ['./test/setup.ts'],
            // Every file gets a fresh workerd (storage isolated per file), which then loads the whole
            // app. Most of a file's time is that start, so: two files at a time (one waits on the
            // other's start), and dependencies pre-bundled into a few modules instead of hundreds.
            maxWorkers: 2,
            // A request through the whole app takes well under a second; on a loaded machine (CI
            // sharing its cores) it has taken over 5 s, so the default would fail tests for the load.
            testTimeout: 30_000,
            deps: { optimizer: { ssr: { enabled: true, include: PREBUNDLED } } },
          },
        },
        {
          test: {
            name: 'node',
            include: ['test/node/**/*.test.ts', 'test/browser/**/*.test.ts'],
            environment: 'node',
            // One migrated, seeded database per run, copied by each browser file (see the file).
            globalSetup: ['./test/global-setup-browser.ts'],
            // Pages load after a click's navigation: browser tests poll for what a page shows.
            expect: { poll: { timeout: 15_000 } },
            testTimeout: 120_000,
            hookTimeout: 180_000,
            // Two files at a time: each has its own server and database, and a browser file mostly
            // waits (for wrangler dev to start, for mail to arrive).
            maxWorkers: 2,
          },
        },
        {
          test: {
            name: 'stress',
            include: ['test/stress/**/*.test.ts'],
            environment: 'node',
            testTimeout: 600_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
