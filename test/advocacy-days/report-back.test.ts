import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { advocacyDays } from '../../src/advocacy-days/schema';
import { DAY, HOUR } from '../../src/lib/time';
import { organizerCookie, postForm, request } from '../helpers';
import { createDay, db, outboxRows } from './fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

const toPartners = async (title: string) =>
  (await outboxRows()).filter((row) => row.to === 'partners@example.org' && row.subject.includes(title));

describe('POST /admin/days/:id/report/send', () => {
  it('says when and to whom the report went, and asks before sending it a second time', async () => {
    const now = Date.now();
    const day = await createDay({
      title: 'Report Once Day',
      startsAt: now - 6 * HOUR,
      endsAt: now - HOUR,
      registrationDeadline: now - DAY,
    });
    const before = await (await request(`/admin/days/${day.id}/report`, { cookie })).text();
    expect(before).not.toContain('Sent on');

    expect((await postForm(`/admin/days/${day.id}/report/send`, {}, { cookie })).status).toBe(303);
    expect(await toPartners('Report Once Day')).toHaveLength(1);
    const [sent] = await db.select().from(advocacyDays).where(eq(advocacyDays.id, day.id));
    expect(sent!.reportSentTo).toBe('partners@example.org');

    const page = await (await request(`/admin/days/${day.id}/report`, { cookie })).text();
    expect(page).toMatch(/Sent on [^<]+ to partners@example\.org\./);
    expect(page).toContain('Send again…');

    // The same button pressed again (a double tap, the back button): nothing goes out, a question does.
    const second = await postForm(`/admin/days/${day.id}/report/send`, {}, { cookie });
    expect(second.status).toBe(409);
    const question = await second.text();
    expect(question).toContain('This report was already sent');
    expect(question).toMatch(/Sent on [^<]+ to partners@example\.org\./);
    expect(question).toContain('name="again" value="1"');
    expect(await toPartners('Report Once Day')).toHaveLength(1);

    // Confirmed: it goes a second time, and the page says so.
    expect((await postForm(`/admin/days/${day.id}/report/send`, { again: '1' }, { cookie })).status).toBe(
      303,
    );
    expect(await toPartners('Report Once Day')).toHaveLength(2);
  });

  it('asks in Spanish on a Spanish page', async () => {
    const now = Date.now();
    const day = await createDay({
      startsAt: now - 6 * HOUR,
      endsAt: now - HOUR,
      registrationDeadline: now - DAY,
    });
    await postForm(`/admin/days/${day.id}/report/send`, {}, { cookie });
    const second = await postForm(`/admin/days/${day.id}/report/send`, {}, { cookie, lang: 'es' });
    expect(second.status).toBe(409);
    const text = await second.text();
    expect(text).toContain('Este informe ya se envió');
    expect(text).toMatch(/Enviado el [^<]+ a partners@example\.org\./);
  });
});
