import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailSuppressions, outbox } from '../../src/email/schema';
import { toResendEmail } from '../../src/email/resend';
import { letterSignatures, letterUpdates, type Letter, type LetterSignature } from '../../src/letters/schema';
import { countUpdateRecipients } from '../../src/letters/queries/updates';
import {
  UPDATE_PAGE_SIZE,
  resumeUpdateFanouts,
  sendUpdatePage,
  updateOutboxId,
  updateSchema,
  updateText,
} from '../../src/letters/updates';
import { eraseEverything } from '../../src/privacy/erasure';
import { resendAnswer, resendEnv } from '../email/support';
import { organizerCookie, postForm, request, stubFetch } from '../helpers';
import { db, emailsTo, makeLetter } from './fixtures';

let cookie: string;
beforeAll(async () => {
  cookie = await organizerCookie();
});

let signerCounter = 0;
/** Stores a signature directly (confirmed and opted in unless told otherwise). */
async function addSigner(letter: Letter, overrides: Partial<LetterSignature> = {}): Promise<LetterSignature> {
  signerCounter += 1;
  const at = Date.now();
  const id = overrides.id ?? `sig-${letter.id}-${String(signerCounter).padStart(5, '0')}`;
  const row: LetterSignature = {
    id,
    letterId: letter.id,
    email: `update-signer-${signerCounter}@example.org`,
    origin: null,
    honorific: 'rev',
    honorificOther: null,
    firstName: 'Ana',
    lastName: `Reyes${signerCounter}`,
    role: 'clergy',
    tradition: 'mainline',
    denomination: null,
    congregation: null,
    city: 'Atlanta',
    state: 'GA',
    comment: null,
    showPublicly: true,
    keepInformed: true,
    lang: 'en',
    confirmTokenHash: `confirm-${id}`,
    withdrawTokenHash: `withdraw-${id}`,
    confirmationsSent: 1,
    lastConfirmationAt: at,
    confirmedAt: at,
    hiddenAt: null,
    verifiedAt: null,
    isDemo: false,
    createdAt: at,
    ...overrides,
  };
  await db.insert(letterSignatures).values(row);
  return row;
}

const updateForm = (overrides: Record<string, string> = {}) => ({
  subjectEn: 'The letter was delivered to the county board',
  bodyEn: 'On Tuesday we delivered the letter.\n\n**Next step:** come to the hearing.',
  subjectEs: 'La carta fue entregada a la junta del condado',
  bodyEs: 'El martes entregamos la carta.\n\n**Próximo paso:** venga a la audiencia.',
  nextStepUrl: 'https://example.org/hearing',
  nextStepLabelEn: 'Sign up for the hearing',
  nextStepLabelEs: 'Inscríbase para la audiencia',
  ...overrides,
});

function sendPath(letter: Letter) {
  return `/admin/letters/${letter.id}/updates/send`;
}

async function updateRows(letterId: string) {
  return db.select().from(letterUpdates).where(eq(letterUpdates.letterId, letterId));
}

async function outboxRowsOf(updateId: string) {
  const rows = await db.select().from(outbox);
  return rows.filter((row) => row.id.startsWith(`letter-update:${updateId}:`));
}

function stopPathIn(text: string): string {
  const url = /https?:\/\/\S+\/letters\/updates\/[A-Za-z0-9_-]+\/one-click-unsubscribe/.exec(text)?.[0];
  if (!url) throw new Error('no stop link in email');
  return new URL(url).pathname;
}

async function keepInformed(id: string) {
  const row = await db.select().from(letterSignatures).where(eq(letterSignatures.id, id)).get();
  return row?.keepInformed;
}

describe('update content (plain functions)', () => {
  it('uses the Spanish text for Spanish readers when there is one, else English with a fallback flag', () => {
    const withSpanish = updateText({ ...updateForm(), nextStepLabelEs: null } as never, 'es');
    expect(withSpanish.subject).toBe('La carta fue entregada a la junta del condado');
    expect(withSpanish.fallback).toBe(false);
    expect(withSpanish.nextStep).toEqual({
      url: 'https://example.org/hearing',
      label: 'Sign up for the hearing',
    });
    const englishOnly = updateText(
      { ...updateForm(), subjectEs: null, bodyEs: null, nextStepUrl: null } as never,
      'es',
    );
    expect(englishOnly.subject).toBe('The letter was delivered to the county board');
    expect(englishOnly.fallback).toBe(true);
    expect(englishOnly.nextStep).toBeNull();
    expect(updateText({ ...updateForm(), nextStepLabelEn: null } as never, 'en').nextStep?.label).toBe(
      'What you can do next',
    );
  });

  it.each([
    [{ subjectEn: '' }, 'subjectEn', 'form.error.required'],
    [{ bodyEn: '   ' }, 'bodyEn', 'form.error.required'],
    [{ subjectEn: 'Line one\nline two' }, 'subjectEn', 'form.error.oneLine'],
    [{ subjectEn: 'x'.repeat(151) }, 'subjectEn', 'form.error.tooLong'],
    [{ bodyEn: 'x'.repeat(10_001) }, 'bodyEn', 'form.error.tooLong'],
    [{ bodyEs: '' }, 'bodyEs', 'letters.updates.error.spanishBody'],
    [{ subjectEs: '' }, 'subjectEs', 'letters.updates.error.spanishSubject'],
    [{ nextStepUrl: 'javascript:alert(1)' }, 'nextStepUrl', 'form.error.url'],
    [{ nextStepUrl: '' }, 'nextStepUrl', 'letters.updates.error.nextStepUrl'],
  ])('refuses %o (%s)', (overrides, path, message) => {
    const parsed = updateSchema.safeParse(updateForm(overrides));
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path[0] === path);
    expect(issue, JSON.stringify(parsed.error!.issues)).toBeDefined();
    if (message.startsWith('letters.') || message === 'form.error.url' || message === 'form.error.oneLine')
      expect(issue!.message).toBe(message);
  });

  it('accepts an update in English only, without a next step', () => {
    const parsed = updateSchema.safeParse(
      updateForm({ subjectEs: '', bodyEs: '', nextStepUrl: '', nextStepLabelEn: '', nextStepLabelEs: '' }),
    );
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ subjectEs: null, bodyEs: null, nextStepUrl: null });
  });
});

describe('organizer update routes need a session', () => {
  it('sends a person without a session to sign in, and refuses a send without one', async () => {
    const letter = await makeLetter();
    await addSigner(letter);
    const page = await request(`/admin/letters/${letter.id}/updates`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/sign-in');
    const refused = await postForm(sendPath(letter), { ...updateForm(), updateId: crypto.randomUUID() });
    expect(refused.status).toBe(401);
    expect(await updateRows(letter.id)).toHaveLength(0);
  });
});

describe('who receives an update', () => {
  it('reaches confirmed, opted-in signers only: not unconfirmed, opted out, withdrawn, hidden, bounced or erased', async () => {
    const letter = await makeLetter();
    const english = await addSigner(letter, { lang: 'en' });
    const spanish = await addSigner(letter, { lang: 'es', firstName: 'Lucía', honorific: 'none' });
    const optedOut = await addSigner(letter, { keepInformed: false });
    const unconfirmed = await addSigner(letter, { confirmedAt: null });
    const hidden = await addSigner(letter, { hiddenAt: Date.now() });
    const bounced = await addSigner(letter);
    await db
      .insert(emailSuppressions)
      .values({ email: bounced.email, reason: 'bounced', createdAt: Date.now() });
    const erased = await addSigner(letter);
    await eraseEverything(db, erased.email, { includeOrganizer: false, organizerId: null, at: Date.now() });
    // Withdrawing deletes the signature row (src/letters/queries.ts withdrawSignature).
    const withdrawn = await addSigner(letter);
    await db.delete(letterSignatures).where(eq(letterSignatures.id, withdrawn.id));

    expect(await countUpdateRecipients(db, letter.id)).toEqual({ total: 2, en: 1, es: 1 });
    const page = await request(`/admin/letters/${letter.id}/updates`, { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('2 people will receive it: 1 in English and 1 in Spanish.');

    const preview = await postForm(`/admin/letters/${letter.id}/updates/preview`, updateForm(), { cookie });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Send to 2 people');
    expect(html).toContain('The email in Spanish (1 person)');
    expect(html).toContain('El martes entregamos la carta.');
    expect(await updateRows(letter.id)).toHaveLength(0);
    const updateId = /name="updateId" value="([0-9a-f-]+)"/.exec(html)![1]!;

    const sent = await postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/admin/letters/${letter.id}/updates/${updateId}?notice=sent`);

    const rows = await outboxRowsOf(updateId);
    expect(rows.map((row) => row.id).sort()).toEqual(
      [updateOutboxId(updateId, english.id), updateOutboxId(updateId, spanish.id)].sort(),
    );
    for (const other of [optedOut, unconfirmed, hidden, bounced, erased, withdrawn])
      expect(await emailsTo(other.email)).toHaveLength(0);

    const [toEnglish] = await emailsTo(english.email);
    expect(toEnglish!.lang).toBe('en');
    expect(toEnglish!.subject).toBe('The letter was delivered to the county board');
    expect(toEnglish!.text).toContain(`Dear Rev. Ana ${english.lastName},`);
    expect(toEnglish!.text).toContain('Sign up for the hearing\nhttps://example.org/hearing');
    expect(toEnglish!.html).toContain('<strong>Next step:</strong>');
    const [toSpanish] = await emailsTo(spanish.email);
    expect(toSpanish!.lang).toBe('es');
    expect(toSpanish!.subject).toBe('La carta fue entregada a la junta del condado');
    expect(toSpanish!.text).toContain(`Estimado/a Lucía ${spanish.lastName}:`);
    expect(toSpanish!.text).toContain('Inscríbase para la audiencia');
    expect(toSpanish!.text).not.toContain('solo está disponible en inglés');

    const detail = await request(sent.headers.get('location')!, { cookie });
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain('Your update is on its way to 2 people.');
    const list = await (await request(`/admin/letters/${letter.id}/updates`, { cookie })).text();
    expect(list).toContain('The letter was delivered to the county board');
    expect(list).toContain('2 delivered · 0 waiting · 0 failed');
  });

  it('sends Spanish readers the English text with a note when the organizer wrote no Spanish', async () => {
    const letter = await makeLetter();
    const spanish = await addSigner(letter, { lang: 'es' });
    const sent = await postForm(
      sendPath(letter),
      { ...updateForm({ subjectEs: '', bodyEs: '', nextStepLabelEs: '' }), updateId: crypto.randomUUID() },
      { cookie },
    );
    expect(sent.status).toBe(303);
    const [email] = await emailsTo(spanish.email);
    expect(email!.lang).toBe('es');
    expect(email!.subject).toBe('The letter was delivered to the county board');
    expect(email!.text).toContain('Esta noticia solo está disponible en inglés.');
    expect(email!.text).toContain('On Tuesday we delivered the letter.');
    // The link words fall back to the English ones the organizer wrote.
    expect(email!.text).toContain('Sign up for the hearing');
    expect(email!.text).toContain('Para dejar de recibir noticias sobre esta carta');
  });
});

describe('privacy', () => {
  it('erasing a signer who got updates removes their emails and stop links, and the next update skips them', async () => {
    const letter = await makeLetter();
    const kept = await addSigner(letter);
    const erased = await addSigner(letter);
    const first = crypto.randomUUID();
    await postForm(sendPath(letter), { ...updateForm(), updateId: first }, { cookie });
    expect(await outboxRowsOf(first)).toHaveLength(2);
    await eraseEverything(db, erased.email, { includeOrganizer: false, organizerId: null, at: Date.now() });
    const links = await env.DB.prepare('SELECT count(*) AS n FROM letter_update_links WHERE signature_id = ?')
      .bind(erased.id)
      .first<{ n: number }>();
    expect(links!.n).toBe(0);
    expect(await emailsTo(erased.email)).toHaveLength(0);
    const second = crypto.randomUUID();
    await postForm(
      sendPath(letter),
      { ...updateForm({ subjectEn: 'A second update' }), updateId: second },
      { cookie },
    );
    expect((await outboxRowsOf(second)).map((row) => row.toAddress)).toEqual([kept.email]);
  });
});

describe('sending twice sends once', () => {
  it('a second press of "Send" with the same preview stores and sends nothing more', async () => {
    const letter = await makeLetter();
    const signer = await addSigner(letter);
    const updateId = crypto.randomUUID();
    const first = await postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie });
    const second = await postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie });
    expect(first.headers.get('location')).toContain('notice=sent');
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toContain('notice=already-sent');
    expect(await updateRows(letter.id)).toHaveLength(1);
    expect(await emailsTo(signer.email)).toHaveLength(1);
  });

  it('the same text sent again from a new preview soon after is not sent a second time', async () => {
    const letter = await makeLetter();
    const signer = await addSigner(letter);
    const first = crypto.randomUUID();
    await postForm(sendPath(letter), { ...updateForm(), updateId: first }, { cookie });
    const again = await postForm(
      sendPath(letter),
      { ...updateForm(), updateId: crypto.randomUUID() },
      { cookie },
    );
    expect(again.headers.get('location')).toBe(
      `/admin/letters/${letter.id}/updates/${first}?notice=already-sent`,
    );
    // A different update goes out.
    const next = await postForm(
      sendPath(letter),
      { ...updateForm({ subjectEn: 'The hearing moved to Thursday' }), updateId: crypto.randomUUID() },
      { cookie },
    );
    expect(next.headers.get('location')).toContain('notice=sent');
    expect(await updateRows(letter.id)).toHaveLength(2);
    expect(await emailsTo(signer.email)).toHaveLength(2);
  });

  it('two presses at the same moment store one update and one email per person', async () => {
    const letter = await makeLetter();
    const signers = await Promise.all([addSigner(letter), addSigner(letter, { lang: 'es' })]);
    const updateId = crypto.randomUUID();
    const answers = await Promise.all([
      postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie }),
      postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([303, 303]);
    expect(await updateRows(letter.id)).toHaveLength(1);
    for (const signer of signers) expect(await emailsTo(signer.email)).toHaveLength(1);
  });

  it('a page run again after a crash (cursor not moved) stores and sends nothing new', async () => {
    const letter = await makeLetter();
    const signer = await addSigner(letter);
    const updateId = crypto.randomUUID();
    await postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie });
    const [before] = await outboxRowsOf(updateId);
    expect(before!.status).toBe('sent');
    const update = (await updateRows(letter.id))[0]!;
    // As if the worker died after sending the page but before moving the cursor on.
    const replay = await sendUpdatePage(
      env,
      letter,
      { ...update, fanoutPage: 0, fanoutAfter: '' },
      Date.now(),
    );
    expect(replay.status).toBe('skipped');
    const after = await outboxRowsOf(updateId);
    expect(after).toHaveLength(1);
    expect(after[0]!.sentAt).toBe(before!.sentAt);
    expect(await emailsTo(signer.email)).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('answers 422 with the error summary, keeps the text, and writes nothing', async () => {
    const letter = await makeLetter();
    const signer = await addSigner(letter);
    const preview = await postForm(
      `/admin/letters/${letter.id}/updates/preview`,
      updateForm({ subjectEn: '', bodyEs: '', nextStepUrl: 'not a link' }),
      { cookie },
    );
    expect(preview.status).toBe(422);
    const html = await preview.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#field-subjectEn"');
    expect(html).toContain('Write the update in Spanish too');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('On Tuesday we delivered the letter.');

    const send = await postForm(
      sendPath(letter),
      { ...updateForm({ subjectEn: '' }), updateId: crypto.randomUUID() },
      { cookie },
    );
    expect(send.status).toBe(422);
    const noId = await postForm(sendPath(letter), { ...updateForm(), updateId: 'nope' }, { cookie });
    expect(noId.status).toBe(422);
    expect(await noId.text()).toContain('This preview is out of date');
    expect(await updateRows(letter.id)).toHaveLength(0);
    expect(await emailsTo(signer.email)).toHaveLength(0);
  });

  it('refuses to send when nobody asked to be kept informed', async () => {
    const letter = await makeLetter();
    await addSigner(letter, { keepInformed: false });
    const page = await (await request(`/admin/letters/${letter.id}/updates`, { cookie })).text();
    expect(page).toContain('Nobody can receive an update yet');
    const send = await postForm(
      sendPath(letter),
      { ...updateForm(), updateId: crypto.randomUUID() },
      { cookie },
    );
    expect(send.status).toBe(422);
    expect(await updateRows(letter.id)).toHaveLength(0);
  });

  it('shows the Spanish page to an organizer who reads Spanish', async () => {
    const letter = await makeLetter();
    const page = await request(`/admin/letters/${letter.id}/updates`, { cookie, lang: 'es' });
    const html = await page.text();
    expect(html).toContain('Noticias a los firmantes');
    expect(html).toContain('Asunto en español');
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('carries List-Unsubscribe headers; GET only shows a button; POST without Origin turns updates off with 200', async () => {
    const letter = await makeLetter();
    const signer = await addSigner(letter, { lang: 'es' });
    const updateId = crypto.randomUUID();
    await postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie });
    const [row] = await outboxRowsOf(updateId);
    const path = stopPathIn(row!.textBody);
    expect(row!.unsubscribeUrl).toBe(`https://welcome.test${path}`);
    const resendEmail = toResendEmail(row!, 'Welcome Table <hello@example.org>');
    expect(resendEmail.headers).toEqual({
      'List-Unsubscribe': `<https://welcome.test${path}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    const page = await request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const html = await page.text();
    // The signer's own language, since they chose none on the site.
    expect(html).toContain('Dejar de recibir noticias');
    expect(html).toContain(`<form method="post" action="${path}">`);
    expect(await keepInformed(signer.id)).toBe(true);

    // As a mail provider posts it: no cookie, no Origin.
    const oneClick = await postForm(path, { 'List-Unsubscribe': 'One-Click' }, { origin: null });
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get('location')).toBeNull();
    expect(await keepInformed(signer.id)).toBe(false);
    // Their signature stays.
    expect(await db.select().from(letterSignatures).where(eq(letterSignatures.id, signer.id))).toHaveLength(
      1,
    );

    // The next update does not reach them.
    const next = crypto.randomUUID();
    const refused = await postForm(
      sendPath(letter),
      { ...updateForm({ subjectEn: 'The hearing is on Tuesday' }), updateId: next },
      { cookie },
    );
    expect(refused.status).toBe(422);
    expect(await emailsTo(signer.email)).toHaveLength(1);

    // Changing their mind: from the same page, a button turns updates back on.
    const again = await request(path);
    expect(await again.text()).toContain('Volver a mantenerme informado/a');
    // A language chosen on the site wins over the one stored with the signature.
    const inEnglish = await request(path, { cookie: 'wt_lang=en' });
    expect(await inEnglish.text()).toContain('Keep me informed again');
    const restarted = await postForm(path.replace('/one-click-unsubscribe', '/resubscribe'), {});
    expect(restarted.status).toBe(200);
    expect(await keepInformed(signer.id)).toBe(true);
  });

  it('answers 404 for an unknown link and changes nothing', async () => {
    const letter = await makeLetter();
    const signer = await addSigner(letter);
    const response = await postForm(
      '/letters/updates/not-a-token/one-click-unsubscribe',
      {},
      { origin: null },
    );
    expect(response.status).toBe(404);
    expect(await keepInformed(signer.id)).toBe(true);
  });
});

describe('large lists', () => {
  it('sends 250 signers in pages of at most 100 per Resend batch, each once', async () => {
    const letter = await makeLetter();
    for (let i = 0; i < 250; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) => addSigner(letter, { lang: (i + j) % 3 ? 'en' : 'es' })),
      );
    }
    const updateId = crypto.randomUUID();
    const sent = await postForm(sendPath(letter), { ...updateForm(), updateId }, { cookie });
    expect(sent.status).toBe(303);
    const rows = await outboxRowsOf(updateId);
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((r) => r.id)).size).toBe(250);
    const groups = new Map<string, number>();
    for (const row of rows) groups.set(row.batchKey!, (groups.get(row.batchKey!) ?? 0) + 1);
    expect([...groups.values()].sort((a, b) => b - a)).toEqual([UPDATE_PAGE_SIZE, UPDATE_PAGE_SIZE, 50]);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    const [update] = await updateRows(letter.id);
    expect(update!.fanoutStatus).toBe('done');
    expect(update!.recipientCount).toBe(250);
  }, 30_000);

  it('the frequent job finishes a fan-out the request left unfinished', async () => {
    const letter = await makeLetter();
    for (let i = 0; i < 120; i += 20) await Promise.all(Array.from({ length: 20 }, () => addSigner(letter)));
    const at = Date.now();
    const updateId = crypto.randomUUID();
    await db.insert(letterUpdates).values({
      id: updateId,
      letterId: letter.id,
      organizerId: null,
      subjectEn: 'Left mid-way',
      bodyEn: 'The request stopped before sending.',
      recipientCount: 120,
      fanoutUpdatedAt: at - 10 * 60_000,
      createdAt: at - 10 * 60_000,
    });
    await resumeUpdateFanouts(env, at);
    await resumeUpdateFanouts(env, at + 1);
    const rows = await outboxRowsOf(updateId);
    expect(rows).toHaveLength(120);
    const [update] = await updateRows(letter.id);
    expect(update!.fanoutStatus).toBe('done');
  }, 30_000);
});

describe('through Resend', () => {
  /** Stores an update row as "Send" does, without sending any page yet. */
  async function storedUpdate(letter: Letter, at: number) {
    const id = crypto.randomUUID();
    await db.insert(letterUpdates).values({
      id,
      letterId: letter.id,
      organizerId: null,
      subjectEn: 'Hearing on Tuesday',
      bodyEn: 'Please come.',
      recipientCount: 3,
      fanoutUpdatedAt: at,
      createdAt: at,
    });
    return (await db.select().from(letterUpdates).where(eq(letterUpdates.id, id)).get())!;
  }

  it('sends a page as one batch call with one-click unsubscribe headers; a 429 keeps the page for the job', async () => {
    const letter = await makeLetter();
    const signers = [
      await addSigner(letter),
      await addSigner(letter, { lang: 'es' }),
      await addSigner(letter),
    ];
    const at = Date.now();
    const update = await storedUpdate(letter, at);

    const limited = stubFetch(() =>
      resendAnswer(429, { name: 'rate_limit_exceeded' }, { 'retry-after': '60' }),
    );
    try {
      const first = await sendUpdatePage(resendEnv, letter, update, at);
      expect(first.status).toBe('retry');
    } finally {
      limited.restore();
    }
    expect(limited.calls).toHaveLength(1);
    // Stored, not sent, and the cursor has not moved: nothing is lost.
    const pending = await outboxRowsOf(update.id);
    expect(pending.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(
      (await db.select().from(letterUpdates).where(eq(letterUpdates.id, update.id)).get())!.fanoutPage,
    ).toBe(0);

    const ok = stubFetch(() => resendAnswer(200, { data: [{ id: 'r-1' }, { id: 'r-2' }, { id: 'r-3' }] }));
    try {
      await resumeUpdateFanouts(resendEnv, at + 120_000);
    } finally {
      ok.restore();
    }
    expect(ok.calls).toHaveLength(1);
    const call = ok.calls[0]!;
    expect(call.url).toBe('https://api.resend.com/emails/batch');
    expect(call.headers.get('idempotency-key')).toBe(pending[0]!.batchKey);
    const body = (await call.json()) as { to: string[]; subject: string; headers: Record<string, string> }[];
    expect(body.map((email) => email.to[0]).sort()).toEqual(signers.map((s) => s.email).sort());
    for (const email of body) {
      expect(email.headers['List-Unsubscribe']).toMatch(
        /^<https:\/\/welcome\.test\/letters\/updates\/[A-Za-z0-9_-]+\/one-click-unsubscribe>$/,
      );
      expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    }
    expect((await outboxRowsOf(update.id)).every((row) => row.status === 'sent')).toBe(true);
    expect(
      (await db.select().from(letterUpdates).where(eq(letterUpdates.id, update.id)).get())!.fanoutStatus,
    ).toBe('done');
  });

  it('stopping updates while an update is still going out withholds that person’s unsent email', async () => {
    const letter = await makeLetter();
    const stopping = await addSigner(letter);
    const staying = await addSigner(letter);
    const at = Date.now();
    const update = await storedUpdate(letter, at);
    const limited = stubFetch(() =>
      resendAnswer(429, { name: 'rate_limit_exceeded' }, { 'retry-after': '60' }),
    );
    try {
      expect((await sendUpdatePage(resendEnv, letter, update, at)).status).toBe('retry');
    } finally {
      limited.restore();
    }
    const [pending] = (await outboxRowsOf(update.id)).filter((row) => row.toAddress === stopping.email);
    const oneClick = await postForm(stopPathIn(pending!.textBody), {}, { origin: null });
    expect(oneClick.status).toBe(200);

    const ok = stubFetch(() => resendAnswer(200, { data: [{ id: 'r-1' }] }));
    try {
      await resumeUpdateFanouts(resendEnv, at + 120_000);
    } finally {
      ok.restore();
    }
    const body = (await ok.calls[0]!.json()) as { to: string[] }[];
    expect(body.map((email) => email.to[0])).toEqual([staying.email]);
    const rows = await outboxRowsOf(update.id);
    expect(rows.find((row) => row.toAddress === stopping.email)!.status).toBe('suppressed');
    expect(rows.find((row) => row.toAddress === staying.email)!.status).toBe('sent');
  });
});
