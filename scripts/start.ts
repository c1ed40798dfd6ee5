// `npm start`: build, migrate the local database, index older rows for search, load the demo
// content, then serve with wrangler dev.
// The port comes the usual ways: `npm start -- --port 8788`, or `PORT=8788 npm start` (default 8787).
// Links in emails follow it (PUBLIC_URL is set to http://localhost:PORT unless PUBLIC_URL is given).
// Any other argument goes on to `wrangler dev` (e.g. `npm start -- --ip 0.0.0.0`).
import { spawn, spawnSync } from 'node:child_process';
import { parseStartArgs } from './lib/start-args';

const options = parseStartArgs(process.argv.slice(2), process.env);
if ('error' in options) {
  console.error(options.error);
  process.exit(2);
}

for (const script of ['build', 'db:migrate:local', 'search:backfill', 'demo:seed']) {
  const step = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (step.status !== 0) process.exit(step.status ?? 1);
}

console.log(`Serving on http://localhost:${options.port} (emails link to ${options.publicUrl})`);
// --test-scheduled: wrangler dev fires no Cron, so /__scheduled?cron=… runs the scheduled jobs by hand
// (the outbox page's "Run scheduled jobs now" button does the same in development).
const server = spawn(
  'wrangler',
  [
    'dev',
    '--port',
    String(options.port),
    '--var',
    `PUBLIC_URL:${options.publicUrl}`,
    '--test-scheduled',
    ...options.rest,
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
