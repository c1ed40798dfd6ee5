// Opens the Worker's bindings from a command-line script through wrangler's platform proxy, so
// scripts use the same drizzle queries as the app. Locally this is the same D1 that `wrangler dev`
// uses (.wrangler/state, or the folder in WT_PERSIST_DIR).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { getDb, type Db } from '../../src/db';

export interface ScriptPlatform {
  env: Env;
  db: Db;
  dispose(): Promise<void>;
}

// CONTACT_KEYS in the process environment wins over `.dev.vars`: the test harness seeds with the
// same key it gives `wrangler dev`, and the remote rotation needs the key of the deployed Worker
// (a secret cannot be read back from Cloudflare).
function withContactKeys(env: Env): Env {
  const keys = process.env.CONTACT_KEYS;
  return keys ? { ...env, CONTACT_KEYS: keys } : env;
}

/** The local platform (D1 and friends) for a script. */
export async function openLocalPlatform(): Promise<ScriptPlatform> {
  const persistDir = process.env.WT_PERSIST_DIR;
  const proxy = await getPlatformProxy<Env>({
    configPath: 'wrangler.toml',
    // `wrangler dev --persist-to DIR` keeps its state in DIR/v3; the proxy wants that folder itself.
    persist: persistDir ? { path: join(persistDir, 'v3') } : true,
  });
  const env = withContactKeys(proxy.env);
  return { env, db: getDb(env), dispose: () => proxy.dispose() };
}

/**
 * The deployed database (wrangler's remote bindings; needs `npx wrangler login`), through a copy of
 * wrangler.toml whose D1 binding says `remote = true`, removed again once the proxy has read it.
 */
export async function openRemotePlatform(): Promise<ScriptPlatform> {
  const config = readFileSync('wrangler.toml', 'utf8').replace(
    /^binding = "DB"$/m,
    'binding = "DB"\nremote = true',
  );
  const configPath = '.wrangler-remote.toml';
  writeFileSync(configPath, config);
  try {
    const proxy = await getPlatformProxy<Env>({ configPath, remoteBindings: true });
    const env = withContactKeys(proxy.env);
    return { env, db: getDb(env), dispose: () => proxy.dispose() };
  } finally {
    rmSync(configPath, { force: true });
  }
}

/** Stops a script with a readable message when the local database has not been migrated yet. */
export function exitIfNoTables(error: unknown): void {
  if (!String(error).includes('no such table')) return;
  console.error(
    'The local database has no tables yet: run `npm run db:migrate:local` (or `npm start`) first.',
  );
  process.exit(1);
}
