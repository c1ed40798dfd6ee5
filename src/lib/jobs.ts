/** A piece of scheduled work. It must be safe to run twice (the Cron may fire twice). */
export interface ScheduledJob {
  name: string;
  /** 'frequent' runs every 5 minutes, 'hourly' once an hour (see [triggers] in wrangler.toml). */
  every: 'frequent' | 'hourly';
  run(env: Env, at: number): Promise<void>;
}
