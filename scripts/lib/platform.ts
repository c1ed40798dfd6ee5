// Opens the Worker's bindings from a command-line script through wrangler's platform proxy, so
// scripts use the same drizzle queries as the app. Locally this is the same D1 that `wrangler dev`
// uses (.wrangler/state, or the folder in WT_PERSIST_DIR).
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { getDb, type Db } from '../../src/db';

export interface ScriptPlatform {
  env: Env;
  db: Db;
  dispose(): Promise<void>;
}

/** The local platform (D1 and friends) for a script. */
export async function openLocalPlatform(): Promise<ScriptPlatform> {
  const persistDir = process.env.WT_PERSIST_DIR;
  const proxy = await getPlatformProxy<Env>({
    configPath: 'wrangler.toml',
    // `wrangler dev --persist-to DIR` keeps its state in DIR/v3; the proxy wants that folder itself.
    persist: persistDir ? { path: join(persistDir, 'v3') } : true,
  });
  return { env: proxy.env, db: getDb(proxy.env), dispose: () => proxy.dispose() };
}
