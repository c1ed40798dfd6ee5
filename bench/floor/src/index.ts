// The floor Worker: what each benchmarked flow cannot do without, and nothing else.
//   GET  /page/:bytes   an HTML page of that many bytes, built once and served from memory
//                       (?reads=N adds N D1 reads first: the same page after the app's reads)
//   POST /sign          one row of the signature shape inserted into D1 (from the posted form)
//   GET  /rows?size=&q=&page= one page of rows read from D1 (optionally filtered by last name)
//   GET  /ip            echoes cf-connecting-ip (the benchmark checks whether wrangler passes it)

interface FloorEnv {
  DB: D1Database;
}

const pages = new Map<number, string>();

function pageOf(bytes: number): string {
  let page = pages.get(bytes);
  if (!page) {
    const head =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><main>';
    const tail = '</main></body></html>';
    page = head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
    pages.set(bytes, page);
  }
  return page;
}

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const url = new URL(request.url);
    const html = { 'content-type': 'text/html; charset=utf-8' };
    if (request.method === 'GET' && url.pathname.startsWith('/page/')) {
      const bytes = Math.min(2_000_000, Number(url.pathname.slice('/page/'.length)) || 0);
      // ?reads=N: first one primary-key read, then N-1 more in parallel, as the app's pages do
      // (the row by its address, then what the page shows of it). Not part of the floor proper.
      const reads = Math.min(20, Number(url.searchParams.get('reads')) || 0);
      if (reads > 0) {
        const read = (n: number) =>
          env.DB.prepare('SELECT id, first_name, last_name FROM signatures WHERE id = ?')
            .bind(`floor-letter-sig-${n}`)
            .first();
        await read(0);
        await Promise.all(Array.from({ length: reads - 1 }, (_, i) => read(i + 1)));
      }
      return new Response(pageOf(bytes), { headers: html });
    }
    if (request.method === 'POST' && url.pathname === '/sign') {
      const form = await request.formData();
      const text = (name: string) => String(form.get(name) ?? '');
      const now = Date.now();
      await env.DB.prepare(
        `INSERT INTO signatures (id, letter_id, email, honorific, first_name, last_name, role, tradition,
           denomination, congregation, city, state, comment, show_publicly, keep_informed, lang,
           confirm_token_hash, withdraw_token_hash, last_confirmation_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
        .bind(
          crypto.randomUUID(),
          'floor-letter',
          text('email').toLowerCase(),
          text('honorific'),
          text('firstName'),
          text('lastName'),
          text('role'),
          text('tradition'),
          text('denomination') || null,
          text('congregation') || null,
          text('city'),
          text('state'),
          text('comment') || null,
          form.get('showPublicly') ? 1 : 0,
          form.get('keepInformed') ? 1 : 0,
          'en',
          crypto.randomUUID(),
          crypto.randomUUID(),
          now,
          now,
        )
        .run();
      return new Response(null, { status: 303, headers: { location: '/page/1000' } });
    }
    if (request.method === 'GET' && url.pathname === '/rows') {
      const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
      // The app's public signers list shows 100 a page, the organizer's table 50.
      const PAGE_SIZE = Math.min(500, Math.max(1, Number(url.searchParams.get('size')) || 50));
      const q = url.searchParams.get('q');
      const statement = q
        ? env.DB.prepare(
            `SELECT * FROM signatures WHERE letter_id = ? AND last_name LIKE ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
          ).bind('floor-letter', `%${q}%`, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        : env.DB.prepare(
            `SELECT * FROM signatures WHERE letter_id = ? AND confirmed_at IS NOT NULL AND hidden_at IS NULL
             ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
          ).bind('floor-letter', PAGE_SIZE, (page - 1) * PAGE_SIZE);
      const { results } = await statement.all<Record<string, unknown>>();
      const items = results
        .map(
          (row) =>
            `<li>${escapeHtml(row.first_name)} ${escapeHtml(row.last_name)}, ${escapeHtml(row.city)}</li>`,
        )
        .join('');
      return new Response(`<!doctype html><html><body><main><ul>${items}</ul></main></body></html>`, {
        headers: html,
      });
    }
    if (url.pathname === '/ip') return new Response(request.headers.get('cf-connecting-ip') ?? '');
    if (url.pathname === '/healthz') return new Response('ok');
    return new Response('not found', { status: 404 });
  },
};
