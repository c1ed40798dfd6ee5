import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

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
                },
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
            exclude: ['test/node/**', 'test/browser/**', 'test/stress/**'],
            setupFiles: ['./test/setup.ts'],
          },
        },
        {
          test: {
            name: 'node',
            include: ['test/node/**/*.test.ts', 'test/browser/**/*.test.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 180_000,
            fileParallelism: false,
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
