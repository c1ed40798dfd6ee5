import type { Db } from '../../src/db';

/** What each demo seeder gets. Seeders must be idempotent: a second `npm start` adds nothing. */
export interface DemoContext {
  db: Db;
  env: Env;
  /** "Now" for the demo, so dates (deadlines, advocacy days) are relative to the day it runs. */
  now: number;
  log(message: string): void;
}
