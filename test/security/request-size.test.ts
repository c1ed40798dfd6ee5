// Request size: bodies over the limit are refused (413, a clear page in the person's language) before
// anything reads them, and a refused form never shows back more of a value than its field accepts.
import { describe, expect, it } from 'vitest';
import { ADMIN_BODY_MAX_BYTES, PUBLIC_BODY_MAX_BYTES } from '../../src/app';
import { ORIGIN, organizerCookie } from '../helpers';
import { makeLetter, signatureFields } from '../letters/fixtures';
import { countAllRows, send } from './support';

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': '198.51.100.20',
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  };
}

/** The same form sent as a stream, with no Content-Length (chunked). */
function streamedPost(fields: Record<string, string>): RequestInit {
  const bytes = new TextEncoder().encode(new URLSearchParams(fields).toString());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
      controller.close();
    },
  });
  const init = formPost({});
  return { ...init, body };
}

/** The longest run of one character in a page. */
function longestRun(html: string, char: string): number {
  let longest = 0;
  for (const match of html.matchAll(new RegExp(`${char}+`, 'g')))
    longest = Math.max(longest, match[0].length);
  return longest;
}

describe('a request body over the limit', () => {
  it('is refused with 413 and a clear page, in Spanish when asked, and nothing is stored', async () => {
    const letter = await makeLetter();
    const before = await countAllRows();
    const fields = signatureFields({ firstName: 'x'.repeat(PUBLIC_BODY_MAX_BYTES) });
    const english = await send(`/letters/${letter.slug}/sign`, formPost(fields));
    expect(english.status).toBe(413);
    const html = await english.text();
    expect(html).toContain('That was too much to send at once');
    expect(html).not.toContain('xxxxxxxxxx');
    const spanish = await send(`/letters/${letter.slug}/sign`, formPost(fields, { 'accept-language': 'es' }));
    expect(spanish.status).toBe(413);
    expect(await spanish.text()).toContain('Era demasiado para enviar de una vez');
    expect(await countAllRows()).toEqual(before);
  });

  it('is refused also when sent without a Content-Length (streamed)', async () => {
    const letter = await makeLetter();
    const before = await countAllRows();
    const response = await send(
      `/letters/${letter.slug}/sign`,
      streamedPost(signatureFields({ comment: 'y'.repeat(2 * PUBLIC_BODY_MAX_BYTES) })),
    );
    expect(response.status).toBe(413);
    expect(await countAllRows()).toEqual(before);
  });

  it('answers JSON clients with the error code', async () => {
    const response = await send(
      '/meetings/new',
      formPost({ senderName: 'z'.repeat(PUBLIC_BODY_MAX_BYTES + 1) }, { accept: 'application/json' }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'too_large' } });
  });

  it('leaves room for an organizer’s long letters: /admin accepts more, up to its own limit', async () => {
    const cookie = await organizerCookie();
    const body = 'w'.repeat(PUBLIC_BODY_MAX_BYTES + 1024);
    const within = await send('/admin/letters/new', formPost({ bodyEn: body }, { cookie }));
    // Read and validated (the text is longer than a letter may be), not refused for its size.
    expect(within.status).toBe(422);
    const over = await send(
      '/admin/letters/new',
      formPost({ bodyEn: 'w'.repeat(ADMIN_BODY_MAX_BYTES) }, { cookie }),
    );
    expect(over.status).toBe(413);
  });
});

describe('a refused form', () => {
  it('shows back at most the field’s maximum of a value that is too long', async () => {
    const letter = await makeLetter();
    // 80 characters is the most a first name may have; the city's is 80 too.
    const response = await send(
      `/letters/${letter.slug}/sign`,
      formPost(signatureFields({ firstName: 'q'.repeat(50_000), city: `${'k'.repeat(20_000)}\u0001` })),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('aria-invalid="true"');
    expect(longestRun(html, 'q')).toBe(80);
    expect(longestRun(html, 'k')).toBe(80);
  });

  it('keeps a value within its maximum exactly as typed', async () => {
    const letter = await makeLetter();
    const response = await send(
      `/letters/${letter.slug}/sign`,
      formPost(signatureFields({ firstName: 'Ana', email: 'not an email' })),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('value="Ana"');
    expect(html).toContain('value="not an email"');
  });
});
