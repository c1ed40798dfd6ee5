// Campaign subscriptions and updates: a visitor subscribes on the public page (double opt-in through
// the bill-alert subscription machinery), an organizer posts an update, it shows on the page and
// goes to confirmed subscribers in their language with one-click unsubscribe; export and erasure
// cover the subscription.
import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billSubscriptions } from '../../src/bills/schema';
import { campaignUpdates } from '../../src/campaigns/schema';
import { toResendEmail } from '../../src/email/resend';
import { outbox } from '../../src/email/schema';
import { eraseEverything, exportEverything } from '../../src/privacy/erasure';
import { organizerCookie, postForm, request } from '../helpers';
import { createCampaign, db } from './fixtures';

let cookie: string;
let campaignId: string;
const PAGE = '/campaigns/alder-trust';

async function subscriptionsOf(email: string) {
  return db.select().from(billSubscriptions).where(eq(billSubscriptions.email, email));
}

async function lastEmailTo(email: string, template: string) {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.template, template)))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  if (!row) throw new Error(`no ${template} email`);
  return row;
}

function pathIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in: ${text}`);
  return new URL(match[0]).pathname;
}

/** Subscribes and confirms an address through the public page and the confirmation email. */
async function subscribeAndConfirm(email: string, lang: 'en' | 'es') {
  const response = await postForm(`${PAGE}/subscribe`, { email, lang }, { lang });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe(`${PAGE}/check-email`);
  const mail = await lastEmailTo(email, 'campaigns-confirm');
  const confirmPath = pathIn(mail.textBody, /https:\/\/welcome\.test\/bills\/subscriptions\/confirm\/[\w-]+/);
  return { mail, confirmed: await postForm(confirmPath, {}) };
}

beforeAll(async () => {
  cookie = await organizerCookie();
  campaignId = await createCampaign(cookie);
});

describe('POST /campaigns/:slug/subscribe', () => {
  it('offers the campaign’s own subscribe form on its public page', async () => {
    const html = await (await request(PAGE)).text();
    expect(html).toContain(`action="${PAGE}/subscribe"`);
    expect(html).toContain('Get updates on this campaign');
  });

  it('refuses a bad address with the page, a message in the person’s language and 422, storing nothing', async () => {
    const response = await postForm(
      `${PAGE}/subscribe`,
      { email: 'not-an-email', lang: 'es' },
      { lang: 'es' },
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Escriba un correo electrónico');
    expect(html).toContain('value="not-an-email"');
    expect(await subscriptionsOf('not-an-email')).toHaveLength(0);
  });

  it('runs double opt-in in Spanish, and the manage page names the campaign', async () => {
    const { mail, confirmed } = await subscribeAndConfirm('lucia@example.org', 'es');
    expect(mail.subject).toContain(
      'Confirme sus novedades sobre Una política TRUST para el condado de Alder',
    );
    expect(mail.textBody).toContain('https://welcome.test/campaigns/alder-trust');
    expect(confirmed.status).toBe(303);
    const [row] = await subscriptionsOf('lucia@example.org');
    expect(row).toMatchObject({ campaignId, billId: null, status: 'confirmed', lang: 'es' });
    const manage = await (await request(confirmed.headers.get('location')!, { lang: 'es' })).text();
    expect(manage).toContain('Novedades de la campaña «Una política TRUST para el condado de Alder»');
    expect(manage).toContain('href="/campaigns/alder-trust"');
  });

  it('keeps one row when the same address subscribes twice', async () => {
    await postForm(`${PAGE}/subscribe`, { email: 'lucia@example.org', lang: 'es' });
    expect(await subscriptionsOf('lucia@example.org')).toHaveLength(1);
  });
});

describe('POST /admin/campaigns/:id/updates', () => {
  const base = () => `/admin/campaigns/${campaignId}/updates`;

  it('refuses a Spanish title without its text: 422, the error summary, nothing posted', async () => {
    const response = await postForm(
      base(),
      { titleEn: 'Hearing set', bodyEn: 'The commission meets.', titleEs: 'Audiencia', bodyEs: '' },
      { cookie },
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Write the Spanish update too');
    expect(await db.select().from(campaignUpdates).where(eq(campaignUpdates.campaignId, campaignId))).toEqual(
      [],
    );
  });

  it('posts an update: on the public page, and emailed in each subscriber’s language with one-click unsubscribe', async () => {
    await subscribeAndConfirm('sam@example.org', 'en');
    await postForm(`${PAGE}/subscribe`, { email: 'pending@example.org', lang: 'en' });
    const response = await postForm(
      base(),
      {
        titleEn: 'Hearing set for March 3',
        bodyEn: 'The commission **meets** on March 3. [Come](https://example.org/hearing).',
        titleEs: 'Audiencia el 3 de marzo',
        bodyEs: 'La comisión **se reúne** el 3 de marzo.',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toContain('notice=posted&count=2');

    const es = await lastEmailTo('lucia@example.org', 'campaigns-update');
    expect(es.lang).toBe('es');
    expect(es.subject).toBe('Una política TRUST para el condado de Alder: Audiencia el 3 de marzo');
    expect(es.textBody).toContain('La comisión **se reúne** el 3 de marzo.');
    expect(es.htmlBody).toContain('<strong>se reúne</strong>');
    const en = await lastEmailTo('sam@example.org', 'campaigns-update');
    expect(en.textBody).toContain('The commission **meets** on March 3.');
    // Only confirmed subscribers get it.
    await expect(lastEmailTo('pending@example.org', 'campaigns-update')).rejects.toThrow();

    const unsubscribePath = pathIn(
      en.textBody,
      /https:\/\/welcome\.test\/bills\/subscriptions\/[\w-]+\/one-click-unsubscribe/,
    );
    expect(en.unsubscribeUrl).toBe(`https://welcome.test${unsubscribePath}`);
    expect(toResendEmail(en, 'Welcome Table <hello@example.org>').headers).toEqual({
      'List-Unsubscribe': `<https://welcome.test${unsubscribePath}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const oneClick = await request(unsubscribePath, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    expect((await subscriptionsOf('sam@example.org'))[0]!.status).toBe('unsubscribed');

    const page = await (await request(PAGE)).text();
    expect(page).toContain('Hearing set for March 3');
    expect(page).toContain('<strong>meets</strong>');
    const spanish = await (await request(PAGE, { lang: 'es' })).text();
    expect(spanish).toContain('Audiencia el 3 de marzo');
    expect(spanish).toContain('Novedades de la campaña');

    const admin = await (await request(base(), { cookie })).text();
    expect(admin).toContain('Hearing set for March 3');
    expect(admin).toContain('emailed to 2 people');
  });

  it('sends nothing twice when the frequent job runs after the request finished the send', async () => {
    const { resumeCampaignUpdates } = await import('../../src/campaigns/updates');
    const { env } = await import('cloudflare:workers');
    await resumeCampaignUpdates(env, Date.now() + 3_600_000);
    const rows = await db.select().from(outbox).where(like(outbox.id, 'campaign-update:%'));
    expect(rows).toHaveLength(2);
  });
});

describe('privacy', () => {
  it('exports and erases a campaign subscription with its links', async () => {
    const exported = await exportEverything(db, 'lucia@example.org', Date.now());
    expect(exported.tables.bill_subscriptions).toEqual([expect.objectContaining({ campaignId })]);
    await eraseEverything(db, 'lucia@example.org', {
      includeOrganizer: false,
      organizerId: null,
      at: Date.now(),
    });
    expect(await subscriptionsOf('lucia@example.org')).toEqual([]);
  });
});
