// Browser tests: a real `wrangler dev` (fresh database, migrations, demo content) driven by Debian's
// Chromium through playwright-core. Each test file gets its own server, browser and database: a
// copy of one migrated, seeded database the run builds once (test/global-setup-browser.ts).
//
//   import { useBrowser, openNewestMail, followLinkInNewestMail } from './harness';
//   const browser = useBrowser();                     // registers beforeAll/afterAll
//   it('…', async () => {
//     const page = await browser().newPage();         // a fresh context: no cookies
//     await page.goto(browser().url('/'));
//   });
//
// Nothing is skipped: a missing Chromium is an error that says how to install it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for the seeded state every browser file copies (test/global-setup-browser.ts). */
    browserStateTemplate?: string;
  }
}

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');

/** Debian's Chromium (`apt-get install -y chromium`); `npx playwright install` cannot work here. */
export const CHROMIUM = '/usr/bin/chromium';
/** Flags that keep Chromium from reaching the network on its own or needing a GPU or sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running app and browser for one test file. */
export interface BrowserHarness {
  /** e.g. http://127.0.0.1:41234 (also the app's PUBLIC_URL, so links in emails point here). */
  baseUrl: string;
  /** The wrangler state folder (D1 lives in it); scripts read it through WT_PERSIST_DIR. */
  persistDir: string;
  browser: Browser;
  /** An absolute URL on the app. */
  url(path: string): string;
  /** A page in a fresh browser context (its own cookies), closed when the harness stops. */
  newPage(): Promise<Page>;
  /** Runs a script (like `scripts/seed-demo.ts`) against this server's database. */
  runScript(script: string, args?: string[]): Promise<string>;
  /** The last lines wrangler printed (for failure messages). */
  serverLog(): string;
  stop(): Promise<void>;
}

/** Options for a harness; the defaults suit almost every test. */
export interface HarnessOptions {
  /** Load the demo content (default true). */
  seed?: boolean;
  /** Extra [vars] for wrangler dev, e.g. { TURNSTILE_SITE_KEY: '…' }. */
  vars?: Record<string, string>;
  /** Launch Chromium (default true); false for tests that only need the server (test/stress). */
  browser?: boolean;
  /**
   * The host name pages are opened on (default 127.0.0.1). WebAuthn needs a domain, not an IP
   * address, so the passkey test uses 'localhost' (a secure context over plain HTTP).
   */
  hostname?: 'localhost';
}

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

/**
 * The key that seals contact fields in browser tests: given to `wrangler dev` (a --var wins over
 * .dev.vars) and to the seeding script (scripts/lib/platform.ts reads CONTACT_KEYS first), so the
 * demo content and the app share it whatever a developer's own .dev.vars holds.
 */
export const HARNESS_CONTACT_KEYS = 'browser1:CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk';

function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // node_modules/.bin first, so the project's Node 22 and wrangler are the ones that run.
  return {
    ...process.env,
    PATH: `${BIN}:${process.env.PATH ?? ''}`,
    WRANGLER_SEND_METRICS: 'false',
    CI: '1',
    CONTACT_KEYS: HARNESS_CONTACT_KEYS,
    ...extra,
  };
}

/** Starts wrangler dev on a fresh database with the demo content, then Chromium. */
export async function startHarness(options: HarnessOptions = {}): Promise<BrowserHarness> {
  if (options.browser !== false && !existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get install -y chromium\``);
  }
  if (!existsSync(join(ROOT, 'public/vendor/pico.min.css'))) {
    await run(join(BIN, 'tsx'), ['scripts/build.ts'], { cwd: ROOT, env: toolEnv() });
  }
  const persistDir = mkdtempSync(join(tmpdir(), 'wt-browser-'));
  const port = await freePort();
  const inspectorPort = await freePort();
  const baseUrl = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  const env = toolEnv({ WT_PERSIST_DIR: persistDir });

  const log: string[] = [];
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  const stop = async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await browser?.close().catch(() => undefined);
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((done) => server!.once('exit', done));
      // wrangler starts workerd as a child: end the whole process group we started.
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-server!.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(persistDir, { recursive: true, force: true });
  };

  try {
    // Without the global setup (the stress project), the harness prepares its own database.
    const template = options.seed !== false ? inject('browserStateTemplate') : undefined;
    if (template) await copyTemplateState(template, persistDir);
    else await prepareState(persistDir, options.seed !== false);

    // Explicit, so that a deployment setting in wrangler.toml never reaches the tests.
    const vars = {
      ENVIRONMENT: 'development',
      PUBLIC_URL: baseUrl,
      CONTACT_KEYS: HARNESS_CONTACT_KEYS,
      ...options.vars,
    };
    server = spawn(
      join(BIN, 'wrangler'),
      [
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--inspector-port',
        String(inspectorPort),
        '--persist-to',
        persistDir,
        '--show-interactive-dev-session=false',
        ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
      ],
      { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      log.push(...chunk.toString().split('\n'));
      if (log.length > 200) log.splice(0, log.length - 200);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    await waitUntilReady(`http://127.0.0.1:${port}`, server, log);

    if (options.browser !== false)
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        // Playwright runs Chromium headless with a fresh temporary --user-data-dir of its own.
        headless: true,
        args: CHROMIUM_ARGS,
      });
  } catch (error) {
    await stop();
    throw error;
  }

  const harness: BrowserHarness = {
    baseUrl,
    persistDir,
    // Undefined with `browser: false` (the caller asked for no browser and does not use it).
    browser: browser as Browser,
    url: (path) => new URL(path, baseUrl).toString(),
    async newPage() {
      const context = await browser!.newContext({ baseURL: baseUrl });
      contexts.push(context);
      return context.newPage();
    },
    async runScript(script, args = []) {
      const { stdout } = await run(join(BIN, 'tsx'), [script, ...args], { cwd: ROOT, env, timeout: 90_000 });
      return stdout;
    },
    serverLog: () => log.join('\n'),
    stop,
  };
  return harness;
}

/** Applies the migrations to a wrangler state folder and, if asked, loads the demo content. */
async function prepareState(persistDir: string, seed: boolean) {
  const env = toolEnv({ WT_PERSIST_DIR: persistDir });
  await run(
    join(BIN, 'wrangler'),
    ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir],
    {
      cwd: ROOT,
      env,
      timeout: 90_000,
    },
  );
  // Seeding takes about a minute on a busy two-core machine, and more with vitest beside it.
  if (seed) await run(join(BIN, 'tsx'), ['scripts/seed-demo.ts'], { cwd: ROOT, env, timeout: 240_000 });
}

/**
 * Copies the run's migrated, seeded state into `persistDir`. The first file that needs it builds it
 * (a lock folder keeps two files from building at once); a failed build leaves no `ready` mark, so
 * the next file tries again. The copy is taken while nothing has the database open.
 */
async function copyTemplateState(template: string, persistDir: string, timeoutMs = 240_000) {
  const state = join(template, 'state');
  const ready = join(template, 'ready');
  const lock = join(template, 'lock');
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(ready)) {
    let building = false;
    try {
      mkdirSync(lock);
      building = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (building) {
      try {
        if (!existsSync(ready)) {
          rmSync(state, { recursive: true, force: true });
          mkdirSync(state);
          await prepareState(state, true);
          writeFileSync(ready, '');
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline)
      throw new Error(`The seeded browser database in ${template} was not ready in time`);
    await new Promise((done) => setTimeout(done, 500));
  }
  cpSync(state, persistDir, { recursive: true });
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, log: string[], timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log.join('\n')}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`wrangler dev did not answer /healthz within ${timeoutMs / 1000} s:\n${log.join('\n')}`);
}

/**
 * Starts a harness before the tests of the calling file and stops it after them. Returns a getter
 * (the harness exists only once beforeAll has run).
 */
export function useBrowser(options: HarnessOptions = {}): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
    // Generous: on a busy two-core machine, migrations, demo content and wrangler dev take a while.
  }, 300_000);
  afterAll(async () => {
    await harness?.stop();
  }, 60_000);
  return () => {
    if (!harness)
      throw new Error('The browser harness is not running (call useBrowser() at the top of the file)');
    return harness;
  };
}

// ---------------------------------------------------------------------------------------------
// The development mailbox (/dev/mail): where emails go locally instead of Resend.

/** One email in the development mailbox. */
export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  /** The text part, as the recipient reads it. */
  text: string;
  /** Every link in the text part, in order. */
  links: string[];
}

/** The mailbox list, newest first: id, recipient and subject of each message. */
export async function listMail(page: Page): Promise<{ id: string; to: string; subject: string }[]> {
  await page.goto('/dev/mail');
  const entries: { id: string; to: string; subject: string }[] = [];
  for (const row of await page.locator('table tbody tr').all()) {
    const link = row.locator('a[href^="/dev/mail/"]').first();
    entries.push({
      id: (await link.getAttribute('href'))?.split('/').pop() ?? '',
      to: (await row.locator('td').nth(1).textContent())?.trim() ?? '',
      subject: (await link.textContent())?.trim() ?? '',
    });
  }
  return entries;
}

/** Opens one message of the mailbox and reads its text part and links. */
export async function readMail(page: Page, id: string): Promise<MailboxMessage> {
  await page.goto(`/dev/mail/${id}`);
  const subject = (await page.locator('h1').first().textContent())?.trim() ?? '';
  // The text part (.mail-text in src/email/views/mailbox.tsx); innerText keeps its line breaks.
  const textPart = page.locator('.mail-text').first();
  const text = await textPart.innerText();
  const links: string[] = [];
  for (const anchor of await textPart.locator('a').all()) {
    const href = await anchor.getAttribute('href');
    if (href) links.push(new URL(href, page.url()).toString());
  }
  // The recipient is the <dd> after the "To"/"Para" <dt> of the headers list.
  const toTerm = page.locator('dl.mail-headers dt', { hasText: /^\s*(To|Para)\s*$/ }).first();
  const to = (await toTerm.locator('xpath=following-sibling::dd[1]').textContent())?.trim() ?? '';
  return { id, to, subject, text, links };
}

/**
 * Waits for the newest email to an address (delivery goes through the local queue, so it takes a
 * moment), opens it and returns it. `after` skips messages already seen (ids), for a second email.
 */
export async function openNewestMail(
  page: Page,
  to: string,
  options: { after?: string[]; timeoutMs?: number } = {},
): Promise<MailboxMessage> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const newest = (await listMail(page)).find(
      (entry) => entry.to.toLowerCase() === to.toLowerCase() && !options.after?.includes(entry.id),
    );
    if (newest) return readMail(page, newest.id);
    await page.waitForTimeout(500);
  }
  throw new Error(`No email to ${to} arrived in /dev/mail`);
}

/**
 * Opens the newest email to `to` and goes to its first link whose URL contains `linkContains`
 * (e.g. '/sign-in/'). Returns the link and leaves the page on it.
 */
export async function followLinkInNewestMail(
  page: Page,
  to: string,
  linkContains: string,
  options: { after?: string[]; timeoutMs?: number } = {},
): Promise<{ mail: MailboxMessage; link: string }> {
  const mail = await openNewestMail(page, to, options);
  const link = mail.links.find((href) => href.includes(linkContains));
  if (!link)
    throw new Error(
      `The email "${mail.subject}" has no link containing ${linkContains}: ${mail.links.join(', ')}`,
    );
  await page.goto(link);
  return { mail, link };
}

/**
 * Waits until the page at `pathname` has loaded. The address changes as soon as the answer starts to
 * arrive, before its content can be read, so a test that only watched the address read too early.
 */
export async function arrivedAt(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname, { timeout: 30_000 });
}

/** Signs in as the demo organizer by email link, leaving the page on /admin. */
export async function signInAsOrganizer(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox').first().fill('organizer@example.org');
  await page.locator('main form button[type="submit"]').click();
  await followLinkInNewestMail(page, 'organizer@example.org', '/sign-in/');
  await page.locator('main form button[type="submit"]').click();
  await arrivedAt(page, '/admin');
}

/** Switches the site's language with the switch in the header (a form POST, no JavaScript needed). */
export async function switchLanguage(page: Page, to: 'en' | 'es'): Promise<void> {
  const current = await page.locator('html').getAttribute('lang');
  if (current === to) return;
  // The form posts and is redirected back to the same page: wait for that page to load.
  await Promise.all([page.waitForEvent('load'), page.locator('form.language-switch button').click()]);
  const now = await page.locator('html').getAttribute('lang');
  if (now !== to) throw new Error(`The language switch left the page in ${now}, not ${to}`);
}

/** Signs the demo organizer in by the emailed link (from /dev/mail) and lands on `next`. */
export async function signInAsDemoOrganizer(page: Page, next = '/admin'): Promise<void> {
  const email = 'organizer@example.org';
  // A second sign-in in the same file must not follow the first one's (used) link.
  const seen = (await listMail(page)).filter((entry) => entry.to === email).map((entry) => entry.id);
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Your email address').fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await followLinkInNewestMail(page, email, '/sign-in/', { after: seen });
  await page.getByRole('button', { name: 'Sign me in' }).click();
  await arrivedAt(page, next);
}
