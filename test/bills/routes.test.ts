import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db';
import { billMovements, billSubscriptions } from '../../src/bills/schema';
import { outbox } from '../../src/email/schema';
import { organizerCookie, postForm, request } from '../helpers';
import { seedBill } from './seed';
import { createDay } from '../advocacy-days/fixtures';
import { makeLetter } from '../letters/fixtures';
import { checkAtomFeed } from '../checks/atom';

const db = getDb(env);

beforeAll(async () => {
  // The pages the organizer forms below link their calls to action to.
  await makeLetter({ slug: 'stop-sb-77' });
  await createDay({ slug: 'austin' });
  await seedBill(db, { id: 'bill-routes-1', identifier: 'SB 77' });
  await seedBill(db, {
    id: 'bill-routes-2',
    identifier: 'HB 12',
    state: 'SC',
    stage: 'passed_first_chamber',
  });
});

async function subscriptionsOf(email: string) {
  return db.select().from(billSubscriptions).where(eq(billSubscriptions.email, email));
}

async function lastEmailTo(address: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.toAddress, address));
  return rows.sort((a, b) => a.createdAt - b.createdAt).at(-1)!;
}

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${text}`);
  return new URL(match[0]).pathname;
}

describe('GET /bills', () => {
  it('lists tracked bills with their stage and position, filterable by state and stage', async () => {
    const html = await (await request('/bills')).text();
    expect(html).toContain('GA SB 77');
    expect(html).toContain('SC HB 12');
    expect(html).toContain('In committee');
    const ga = await (await request('/bills?state=GA')).text();
    expect(ga).toContain('GA SB 77');
    expect(ga).not.toContain('SC HB 12');
    const passed = await (await request('/bills?stage=passed_first_chamber')).text();
    expect(passed).toContain('SC HB 12');
    expect(passed).not.toContain('GA SB 77');
    const watched = await (await request('/bills?position=watch')).text();
    expect(watched).not.toContain('GA SB 77');
  });

  it('answers in Spanish', async () => {
    const html = await (await request('/bills', { lang: 'es' })).text();
    expect(html).toContain('Proyectos de ley que seguimos');
    expect(html).toContain('Proyecto de prueba SB 77');
  });
});

describe('GET /bills/:state/:identifier', () => {
  it('shows position, stage, safe markdown summary, timeline, talking points, calls to action and the subscribe form', async () => {
    const response = await request('/bills/ga/sb-77');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('We oppose this bill');
    expect(html).toContain('<mark>In committee</mark>');
    expect(html).toContain('<strong>deny</strong>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;with &amp; markup&gt;');
    expect(html).toContain('Read and referred');
    expect(html).toContain('Families lose their way to work');
    expect(html).toContain('href="/letters/stop-sb-77"');
    expect(html).toContain('action="/bills/ga/sb-77/subscribe"');
    expect(html).toContain('Every bill we follow in GA');
  });

  it('is 404 for an unknown bill', async () => {
    expect((await request('/bills/ga/sb-99999')).status).toBe(404);
  });
});

describe('subscribing', () => {
  it('re-renders the form with a clear message, status 422 and nothing stored, for a bad address', async () => {
    const response = await postForm(
      '/bills/ga/sb-77/subscribe',
      { email: 'not-an-email', scope: 'bill', lang: 'es', frequency: 'immediate' },
      { lang: 'es' },
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Escriba un correo electrónico');
    expect(html).toContain('value="not-an-email"');
    expect(await subscriptionsOf('not-an-email')).toHaveLength(0);
  });

  it('runs double opt-in in Spanish: a scanner-safe confirm page, then the POST confirms', async () => {
    const email = 'ana@example.org';
    const response = await postForm(
      '/bills/ga/sb-77/subscribe',
      { email, scope: 'bill', lang: 'es', frequency: 'immediate' },
      { lang: 'es' },
    );
    // Post/redirect/get: the answer is a page of its own, so a reload does not post again.
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/bills/ga/sb-77/check-email');
    const checkEmail = await request('/bills/ga/sb-77/check-email', { lang: 'es' });
    expect(checkEmail.status).toBe(200);
    expect(await checkEmail.text()).toContain('Revise su correo electrónico');
    expect((await request('/bills/ga/sb-77/check-email')).headers.get('content-type')).toContain('text/html');
    expect((await request('/bills/ga/no-such-bill/check-email')).status).toBe(404);
    const [pending] = await subscriptionsOf(email);
    expect(pending).toMatchObject({ status: 'pending', lang: 'es', frequency: 'immediate' });

    const mail = await lastEmailTo(email);
    expect(mail.subject).toContain('Confirme sus alertas sobre GA SB 77');
    const confirmPath = linkIn(
      mail.textBody,
      /https:\/\/welcome\.test\/bills\/subscriptions\/confirm\/[A-Za-z0-9_-]+/,
    );

    // A mail scanner opening the link changes nothing.
    const page = await request(confirmPath, { lang: 'es' });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('Confirmar mi suscripción');
    expect((await subscriptionsOf(email))[0]!.status).toBe('pending');

    const confirmed = await postForm(confirmPath, {});
    expect(confirmed.status).toBe(303);
    const managePath = confirmed.headers.get('location')!;
    expect(managePath).toMatch(/^\/bills\/subscriptions\/[A-Za-z0-9_-]+\?notice=confirmed$/);
    expect((await subscriptionsOf(email))[0]!.status).toBe('confirmed');
    const manage = await (await request(managePath, { lang: 'es' })).text();
    expect(manage).toContain('Su suscripción está confirmada');
    expect(manage).toContain('GA SB 77');
  });

  it('never duplicates a subscription and answers the same whether or not the address was subscribed', async () => {
    const fields = { scope: 'bill', lang: 'en', frequency: 'immediate' };
    const known = await postForm('/bills/ga/sb-77/subscribe', { ...fields, email: 'ana@example.org' });
    const unknown = await postForm('/bills/ga/sb-77/subscribe', {
      ...fields,
      email: 'new-person@example.org',
    });
    expect(known.status).toBe(303);
    expect(known.status).toBe(unknown.status);
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'));
    expect(await known.text()).toBe(await unknown.text());
    const rows = await subscriptionsOf('ana@example.org');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('confirmed');
    // The subscribed address got its manage link instead of a confirmation.
    expect((await lastEmailTo('ana@example.org')).template).toBe('bills-already-subscribed');
  });

  it('answers a bot (honeypot filled) with the same redirect and stores nothing', async () => {
    const response = await postForm('/bills/ga/sb-77/subscribe', {
      email: 'bot@example.org',
      scope: 'bill',
      lang: 'en',
      frequency: 'immediate',
      website: 'http://spam.example',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/bills/ga/sb-77/check-email');
    expect(await subscriptionsOf('bot@example.org')).toHaveLength(0);
  });

  it('follows every tracked bill in a state as one subscription', async () => {
    const fields = { email: 'state@example.org', scope: 'state', lang: 'en', frequency: 'daily' };
    await postForm('/bills/ga/sb-77/subscribe', fields);
    await postForm('/bills/ga/sb-77/subscribe', fields);
    const rows = await subscriptionsOf('state@example.org');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scopeKey: 'state:GA', billId: null, frequency: 'daily' });
  });
});

describe('managing and unsubscribing', () => {
  async function confirmedManageToken(email: string): Promise<string> {
    await postForm('/bills/ga/sb-77/subscribe', { email, scope: 'bill', lang: 'en', frequency: 'immediate' });
    const confirmPath = linkIn(
      (await lastEmailTo(email)).textBody,
      /https:\/\/welcome\.test\/bills\/subscriptions\/confirm\/[A-Za-z0-9_-]+/,
    );
    const location = (await postForm(confirmPath, {})).headers.get('location')!;
    return location.split('/')[3]!.split('?')[0]!;
  }

  it('changes language and frequency from the manage page', async () => {
    const token = await confirmedManageToken('manage@example.org');
    const saved = await postForm(`/bills/subscriptions/${token}`, { lang: 'es', frequency: 'daily' });
    expect(saved.status).toBe(303);
    expect((await subscriptionsOf('manage@example.org'))[0]).toMatchObject({
      lang: 'es',
      frequency: 'daily',
    });
  });

  it('a GET of the one-click link shows a button and does not unsubscribe', async () => {
    const token = await confirmedManageToken('scanner@example.org');
    const page = await request(`/bills/subscriptions/${token}/one-click-unsubscribe`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect((await subscriptionsOf('scanner@example.org'))[0]!.status).toBe('confirmed');
  });

  it('a one-click POST without cookies or Origin (RFC 8058) answers 200 and unsubscribes', async () => {
    const token = await confirmedManageToken('oneclick@example.org');
    const response = await postForm(
      `/bills/subscriptions/${token}/one-click-unsubscribe`,
      { 'List-Unsubscribe': 'One-Click' },
      { origin: null },
    );
    expect(response.status).toBe(200);
    expect((await subscriptionsOf('oneclick@example.org'))[0]!.status).toBe('unsubscribed');
    // Posting again (a provider retrying) is fine too.
    expect(
      (await postForm(`/bills/subscriptions/${token}/one-click-unsubscribe`, {}, { origin: null })).status,
    ).toBe(200);
  });

  it('does not subscribe again when an old confirmation link is pressed after unsubscribing', async () => {
    const email = 'changed-mind@example.org';
    await postForm('/bills/ga/sb-77/subscribe', { email, scope: 'bill', lang: 'en', frequency: 'immediate' });
    const confirmPath = linkIn(
      (await lastEmailTo(email)).textBody,
      /https:\/\/welcome\.test\/bills\/subscriptions\/confirm\/[A-Za-z0-9_-]+/,
    );
    const manage = (await postForm(confirmPath, {})).headers.get('location')!.split('?')[0]!;
    await postForm(`${manage}/one-click-unsubscribe`, {}, { origin: null });
    expect((await postForm(confirmPath, {})).status).toBe(303);
    expect((await subscriptionsOf(email))[0]!.status).toBe('unsubscribed');
  });

  it('refuses an unknown token', async () => {
    expect(
      (await request('/bills/subscriptions/not-a-real-token-at-all-000/one-click-unsubscribe')).status,
    ).toBe(410);
    expect((await postForm('/bills/subscriptions/confirm/not-a-real-token-at-all-000', {})).status).toBe(410);
  });
});

describe('Atom feeds', () => {
  it('are well-formed XML with escaped titles, for all bills and for one state', async () => {
    const at = Date.now();
    await db.insert(billMovements).values({
      id: 'movement-feed-1',
      billId: 'bill-routes-1',
      movementKey: 'update:feed-1',
      kind: 'update',
      stageBefore: 'in_committee',
      stageAfter: 'in_committee',
      headlineEn: 'Hearing set for Tuesday <3 & "rally"',
      headlineEs: 'Audiencia el martes <3 & "marcha"',
      occurredAt: at,
      createdAt: at,
      fanoutStatus: 'done',
      fanoutUpdatedAt: at,
    });
    for (const path of ['/bills/feed.xml', '/bills/ga/feed.xml']) {
      const response = await request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      const entries = [].concat(feed.entry);
      expect(entries.length).toBeGreaterThan(0);
      expect(JSON.stringify(entries)).toContain('Hearing set for Tuesday <3 & \\"rally\\"');
    }
    const sc = new XMLParser().parse(await (await request('/bills/sc/feed.xml')).text()).feed;
    expect(sc.entry).toBeUndefined();
  });

  it('pass a strict Atom check (RFC 4287), dated by their newest change even without entries', async () => {
    for (const path of ['/bills/feed.xml', '/bills/ga/feed.xml', '/bills/sc/feed.xml?lang=es']) {
      const feed = checkAtomFeed(await (await request(path)).text(), path);
      expect(new Date(feed.updated).getFullYear(), path).toBeGreaterThan(2000);
    }
  });

  it('answer 404 for a state with no tracked bill', async () => {
    for (const path of ['/bills/zz/feed.xml', '/bills/nm/feed.xml?lang=es']) {
      const response = await request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('<feed');
    }
  });

  it('have one feed id per language, named by the address with ?lang=', async () => {
    const english = checkAtomFeed(await (await request('/bills/ga/feed.xml', { lang: 'en' })).text());
    const spanish = checkAtomFeed(await (await request('/bills/ga/feed.xml', { lang: 'es' })).text());
    expect(english.id).toBe('https://welcome.test/bills/ga/feed.xml?lang=en');
    expect(spanish.id).toBe('https://welcome.test/bills/ga/feed.xml?lang=es');
    expect([english.lang, spanish.lang]).toEqual(['en', 'es']);
    // The address wins over the browser's language (feed readers send neither cookie nor language).
    const asked = checkAtomFeed(await (await request('/bills/ga/feed.xml?lang=es', { lang: 'en' })).text());
    expect(asked.id).toBe(spanish.id);
    expect(asked.title).toContain('Movimientos');
  });

  it('answer a conditional GET with 304 when the reader has the current copy', async () => {
    const first = await request('/bills/ga/feed.xml?lang=en');
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(lastModified ?? '')).not.toBeNaN();
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const byEtag = await request('/bills/ga/feed.xml?lang=en', { headers: { 'if-none-match': `W/${etag}` } });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe('');
    expect(byEtag.headers.get('etag')).toBe(etag);
    expect(byEtag.headers.get('vary')).toMatch(/Accept-Language/);
    const byDate = await request('/bills/ga/feed.xml?lang=en', {
      headers: { 'if-modified-since': lastModified! },
    });
    expect(byDate.status).toBe(304);
    // Another language is another body: its ETag differs, so the English copy is not current.
    const spanish = await request('/bills/ga/feed.xml?lang=es', { headers: { 'if-none-match': etag! } });
    expect(spanish.status).toBe(200);
    const older = new Date(Date.parse(lastModified!) - 60_000).toUTCString();
    expect(
      (await request('/bills/ga/feed.xml?lang=en', { headers: { 'if-modified-since': older } })).status,
    ).toBe(200);
    // A stale ETag wins over a current date (If-None-Match comes first).
    const stale = await request('/bills/ga/feed.xml?lang=en', {
      headers: { 'if-none-match': '"0000"', 'if-modified-since': lastModified! },
    });
    expect(stale.status).toBe(200);
  });

  it('are announced in the head of the bill list, a state list and a bill page, in the reader language', async () => {
    const alternates = (html: string) =>
      [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" href="([^"]+)"/g)].map(
        (m) => m[1],
      );
    expect(alternates(await (await request('/bills')).text())).toEqual(['/bills/feed.xml?lang=en']);
    expect(alternates(await (await request('/bills?state=GA', { lang: 'es' })).text())).toEqual([
      '/bills/ga/feed.xml?lang=es',
      '/bills/feed.xml?lang=es',
    ]);
    // A state without tracked bills has no feed to announce.
    expect(alternates(await (await request('/bills?state=NM')).text())).toEqual(['/bills/feed.xml?lang=en']);
    expect(alternates(await (await request('/bills/ga/sb-77')).text())).toEqual([
      '/bills/ga/feed.xml?lang=en',
      '/bills/feed.xml?lang=en',
    ]);
  });
});

describe('/admin/bills', () => {
  it('needs an organizer session for every page and form', async () => {
    expect((await request('/admin/bills')).status).toBe(303);
    expect((await request('/admin/bills/bill-routes-1')).status).toBe(303);
    const post = await postForm('/admin/bills/bill-routes-1/actions', {
      date: '2027-02-01',
      chamberKind: 'upper',
      description: 'Committee passage',
      classification: 'committee-passage',
    });
    expect([303, 401]).toContain(post.status);
    const movements = await db.select().from(billMovements).where(eq(billMovements.billId, 'bill-routes-1'));
    expect(movements.every((m) => m.kind !== 'actions')).toBe(true);
  });

  it('names action kinds and chambers in the reader’s language, on the form and the public timeline', async () => {
    const cookie = await organizerCookie();
    const form = await (await request('/admin/bills/bill-routes-1', { cookie, lang: 'es' })).text();
    expect(form).toContain('<option value="referral-committee">Enviado a un comité</option>');
    expect(form).not.toContain('>referral-committee<');
    const posted = await postForm(
      '/admin/bills/bill-routes-1/actions',
      { date: '2027-02-02', chamberKind: 'upper', description: 'Hearing set', classification: 'other' },
      { cookie },
    );
    expect(posted.status).toBe(303);
    const es = await (await request('/bills/ga/sb-77', { lang: 'es' })).text();
    // Its kind ("other") says nothing more: the legislature's text is shown, marked as English.
    expect(es).toContain(' · Senado: <span lang="en">Hearing set</span>');
    expect(es).not.toContain('Senate (upper chamber)');
    const en = await (await request('/bills/ga/sb-77')).text();
    expect(en).toContain(' · Senate: Hearing set');
  });

  it('lists bills with subscriber counts for an organizer', async () => {
    const html = await (await request('/admin/bills', { cookie: await organizerCookie() })).text();
    expect(html).toContain('GA SB 77');
    expect(html).toContain('No successful update from Open States yet.');
  });

  it('adds a bill, refusing a bad form with 422', async () => {
    const cookie = await organizerCookie();
    const bad = await postForm(
      '/admin/bills/new',
      { state: 'ZZ', session: '', identifier: '', title: '', position: 'oppose' },
      { cookie },
    );
    expect(bad.status).toBe(422);
    const good = await postForm(
      '/admin/bills/new',
      {
        state: 'TX',
        session: '89R',
        identifier: 'SB 4',
        title: 'Border enforcement',
        titleEs: 'Control fronterizo',
        position: 'oppose',
        summaryEn: 'Makes **crossing** a state crime.',
        summaryEs: 'Convierte el **cruce** en delito estatal.',
        tracked: 'on',
        cta0Kind: 'advocacy-day',
        cta0Url: '/days/austin',
        cta0LabelEn: 'Join the advocacy day',
        cta0LabelEs: 'Únase al día de incidencia',
        cta1Kind: 'link',
        cta2Kind: 'link',
      },
      { cookie },
    );
    expect(good.status).toBe(303);
    const html = await (await request('/bills/tx/sb-4', { lang: 'es' })).text();
    expect(html).toContain('Control fronterizo');
    expect(html).toContain('Únase al día de incidencia');
  });

  it('edits a bill in both languages and keeps its calls to action', async () => {
    const cookie = await organizerCookie();
    const edit = await request('/admin/bills/bill-routes-1', { cookie });
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('value="/letters/stop-sb-77"');
    const response = await postForm(
      '/admin/bills/bill-routes-1',
      {
        state: 'GA',
        session: '2027',
        identifier: 'SB 77',
        title: 'Licenses for deferred action recipients',
        titleEs: 'Licencias para personas con acción diferida',
        position: 'oppose',
        summaryEn: 'New English summary',
        summaryEs: 'Nuevo resumen en español',
        tracked: 'on',
        cta0Kind: 'letter',
        cta0Url: '/letters/stop-sb-77',
        cta0LabelEn: 'Sign the clergy letter',
        cta0LabelEs: 'Firme la carta del clero',
        cta1Kind: 'link',
        cta1Url: 'https://example.org/only-a-link',
        cta2Kind: 'link',
      },
      { cookie },
    );
    // A call to action with a link but no button texts is refused, and nothing is saved.
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Give a link and both button texts');
    expect(await (await request('/bills/ga/sb-77', { lang: 'es' })).text()).not.toContain('Nuevo resumen');
    const saved = await postForm(
      '/admin/bills/bill-routes-1',
      {
        state: 'GA',
        session: '2027',
        identifier: 'SB 77',
        title: 'Licenses for deferred action recipients',
        titleEs: 'Licencias para personas con acción diferida',
        position: 'oppose',
        summaryEn: 'New English summary',
        summaryEs: 'Nuevo resumen en español',
        tracked: 'on',
        cta0Kind: 'letter',
        cta0Url: '/letters/stop-sb-77',
        cta0LabelEn: 'Sign the clergy letter',
        cta0LabelEs: 'Firme la carta del clero',
        cta1Kind: 'link',
        cta2Kind: 'link',
      },
      { cookie },
    );
    expect(saved.status).toBe(303);
    const html = await (await request('/bills/ga/sb-77', { lang: 'es' })).text();
    expect(html).toContain('Nuevo resumen en español');
    expect(html).toContain('Licencias para personas con acción diferida');
    expect(html).toContain('Firme la carta del clero');
  });

  it('refuses a call to action whose site link opens no page, in the organizer language, and saves nothing', async () => {
    const cookie = await organizerCookie();
    const form = (url: string) => ({
      state: 'GA',
      session: '2027',
      identifier: 'SB 77',
      title: 'Licenses for deferred action recipients',
      titleEs: 'Licencias para personas con acción diferida',
      position: 'oppose',
      summaryEn: 'Summary with a broken link',
      summaryEs: 'Resumen con un enlace roto',
      tracked: 'on',
      cta0Kind: 'meeting',
      cta0Url: url,
      cta0LabelEn: 'Ask your state legislator for a meeting',
      cta0LabelEs: 'Pida una reunión con su legislador estatal',
      cta1Kind: 'link',
      cta2Kind: 'link',
    });
    // A meeting request without an official, a mistyped letter, an organizer-only page.
    for (const url of ['/meetings/new', '/letters/stop-sb-777', '/admin/bills']) {
      for (const [lang, message] of [
        ['en', 'No page of this site opens at'],
        ['es', 'Ninguna página de este sitio se abre en'],
      ] as const) {
        const refused = await postForm('/admin/bills/bill-routes-1', form(url), { cookie, lang });
        expect(refused.status, url).toBe(422);
        const html = await refused.text();
        expect(html).toContain(message);
        expect(html).toContain(url);
      }
      const created = await postForm(
        '/admin/bills/new',
        { ...form(url), state: 'NV', identifier: 'AB 1' },
        { cookie },
      );
      expect(created.status, url).toBe(422);
    }
    expect((await request('/bills/nv/ab-1')).status).toBe(404);
    expect(await (await request('/bills/ga/sb-77')).text()).not.toContain('broken link');
    // The find-my-officials page (where the demo bills point) is a real page.
    const saved = await postForm('/admin/bills/bill-routes-1', form('/officials/find'), { cookie });
    expect(saved.status).toBe(303);
    expect(await (await request('/bills/ga/sb-77')).text()).toContain('href="/officials/find"');
  });

  it('overrides the stage with a note, shown on the page', async () => {
    const cookie = await organizerCookie();
    const response = await postForm(
      '/admin/bills/bill-routes-2/stage',
      { stage: 'failed', noteEn: 'Session ended without a vote', noteEs: 'La sesión terminó sin votación' },
      { cookie },
    );
    expect(response.status).toBe(303);
    const html = await (await request('/bills/sc/hb-12')).text();
    expect(html).toContain('<mark>Failed or dead</mark>');
    expect(html).toContain('Session ended without a vote');
  });
});
