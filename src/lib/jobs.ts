/** A piece of scheduled work. It must be safe to run twice (the Cron may fire twice). */
export interface ScheduledJob {
  name: string;
  /** 'frequent' runs every 5 minutes, 'hourly' once an hour (see [triggers] in wrangler.toml). */
  every: 'frequent' | 'hourly';
  run(env: Env, at: number): Promise<void>;
}

/** A scheduled job from a function whose result (a count, a summary) the schedule does not need. */
export function scheduledJob(
  name: string,
  every: ScheduledJob['every'],
  work: (env: Env, at: number) => Promise<unknown>,
): ScheduledJob {
  return {
    name,
    every,
    run: async (env, at) => {
      await work(env, at);
    },
  };
}
