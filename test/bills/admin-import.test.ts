// Bills from Open States without the command line (issue 22, item 11): upload the same JSON as
// `npm run bills:import`, or fetch now when the API key is set; the page shows what was imported.
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { getDb } from '../../src/db';
import { getBillBySlug } from '../../src/bills/queries';
import { ORIGIN, organizerCookie, postForm, request, stubFetch } from '../helpers';
import singleBill from '../fixtures/openstates/ga-sb-901.json';
import committeePassage from '../fixtures/openstates/ga-sb-901-committee-passage.json';
import malformed from '../fixtures/openstates/malformed.json?raw';

const db = getDb(env);
let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

async function upload(content: string, options: { lang?: string; name?: string } = {}) {
  const body = new FormData();
  body.append('file', new File([content], options.name ?? 'bill.json', { type: 'application/json' }));
  return request('/admin/bills/import', {
    method: 'POST',
    body,
    cookie,
    lang: options.lang,
    headers: { origin: ORIGIN },
  });
}

describe('POST /admin/bills/import', () => {
  it('refuses a file that is not Open States JSON and writes nothing', async () => {
    const response = await upload(malformed, { lang: 'es' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('No se importó nada');
    expect(await getBillBySlug(db, 'GA', 'sb-901')).toBeFalsy();
    expect((await upload('')).status).toBe(422);
  });

  it('imports an uploaded bill and shows what it did; the same file again changes nothing', async () => {
    const first = await upload(JSON.stringify(singleBill));
    expect(first.status).toBe(200);
    const html = await first.text();
    const bill = await getBillBySlug(db, 'GA', 'sb-901');
    expect(bill).toBeDefined();
    expect(html).toContain('Imported 1 bill:');
    expect(html).toMatch(
      new RegExp(`<a href="/admin/bills/${bill!.id}">[^<]+</a>: added, with \\d+ actions`),
    );
    const again = await (await upload(JSON.stringify(singleBill))).text();
    expect(again).toContain(': no change');
  });
});

describe('POST /admin/bills/fetch-now', () => {
  it('is not there without an Open States key', async () => {
    expect(await (await request('/admin/bills', { cookie })).text()).not.toContain(
      'Fetch updates from Open States now',
    );
    expect((await postForm('/admin/bills/fetch-now', {}, { cookie })).status).toBe(404);
  });

  it('fetches the tracked bills at once when the key is set (Open States stubbed)', async () => {
    const app = buildApp();
    const keyed = { ...env, OPENSTATES_API_KEY: 'os-test-key' };
    const call = async (path: string, method = 'GET') => {
      const ctx = createExecutionContext();
      const response = await app.fetch(
        new Request(new URL(path, ORIGIN), {
          method,
          headers: { cookie, origin: ORIGIN, accept: 'text/html' },
        }),
        keyed,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return response;
    };
    expect(await (await call('/admin/bills')).text()).toContain('Fetch updates from Open States now');
    const stub = stubFetch(() => Response.json({ results: [committeePassage] }));
    try {
      const response = await call('/admin/bills/fetch-now', 'POST');
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Open States answered: 1 new movements recorded.');
      expect(stub.calls[0]!.headers.get('x-api-key')).toBe('os-test-key');
    } finally {
      stub.restore();
    }
    const failing = stubFetch(() => new Response('down', { status: 503 }));
    try {
      expect(await (await call('/admin/bills/fetch-now', 'POST')).text()).toContain(
        'Open States could not be reached',
      );
    } finally {
      failing.restore();
    }
  });
});
