// Starting and stopping `wrangler dev` (copied in spirit from test/browser/harness.ts, which imports
// vitest): a free port, a persisted state folder, the project's Node 22 and wrangler.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');

/** A TCP port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The environment every tool runs with: node_modules/.bin first (Node 22), no metrics. */
export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${BIN}:${process.env.PATH ?? ''}`,
    WRANGLER_SEND_METRICS: 'false',
    CI: '1',
    ...extra,
  };
}

/** Runs wrangler with arguments; returns stdout. */
export async function wrangler(args: string[], timeoutMs = 300_000): Promise<string> {
  const { stdout } = await run(join(BIN, 'wrangler'), args, {
    cwd: ROOT,
    env: toolEnv(),
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Runs a command of node_modules/.bin; returns stdout. */
export async function tool(name: string, args: string[], timeoutMs = 300_000): Promise<string> {
  const { stdout } = await run(join(BIN, name), args, {
    cwd: ROOT,
    env: toolEnv(),
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** A running `wrangler dev`. */
export interface DevServer {
  baseUrl: string;
  /** The workerd process serving the Worker (for its memory), found among wrangler's descendants. */
  workerdPid(): number | null;
  log(): string;
  stop(): Promise<void>;
}

/** Starts `wrangler dev` and waits until `/healthz` answers. */
export async function startDev(options: {
  config?: string;
  persistDir: string;
  /** Extra [vars]; a function gets the server's own address (for PUBLIC_URL). */
  vars?: Record<string, string> | ((baseUrl: string) => Record<string, string>);
  env?: string;
}): Promise<DevServer> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const server: ChildProcess = spawn(
    join(BIN, 'wrangler'),
    [
      'dev',
      ...(options.config ? ['-c', options.config] : []),
      ...(options.env ? ['--env', options.env] : []),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      options.persistDir,
      '--show-interactive-dev-session=false',
      ...Object.entries(
        typeof options.vars === 'function' ? options.vars(baseUrl) : (options.vars ?? {}),
      ).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ],
    { cwd: ROOT, env: toolEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n'));
    if (log.length > 300) log.splice(0, log.length - 300);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  const stop = async () => {
    if (!server.pid || server.exitCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    // wrangler starts workerd as a child: end the whole process group we started.
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log.join('\n')}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within 240 s:\n${log.join('\n')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  return {
    baseUrl,
    workerdPid: () => findDescendant(server.pid!, 'workerd'),
    log: () => log.join('\n'),
    stop,
  };
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** The first process named `name` below `root` in the process tree (from /proc). */
function findDescendant(root: number, name: string): number | null {
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let comm = '';
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== name) continue;
    for (let p: number | null = pid, hops = 0; p && p > 1 && hops < 10; p = parentOf(p), hops++) {
      if (p === root) return pid;
    }
  }
  return null;
}

/** Resident memory of a process in bytes (VmRSS), or null when it is gone. */
export function rssBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
