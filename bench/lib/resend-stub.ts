// A Resend stand-in on loopback, rate-limited like Resend: at most 5 requests in any second, a 429
// with Retry-After beyond. It replays the answer to a repeated Idempotency-Key (as Resend does) and
// records every accepted call, so the benchmark can count calls and duplicate recipients.
import { createServer, type Server } from 'node:http';

/** One call the stub accepted. */
export interface AcceptedCall {
  at: number;
  path: string;
  recipients: string[];
}

/** The stub and what it saw. */
export interface ResendStub {
  url: string;
  accepted: AcceptedCall[];
  /** Requests answered 429. */
  rejected: number;
  /** Requests that repeated an Idempotency-Key already accepted (answered, not counted as sends). */
  replayed: number;
  /** True: Resend's rate limit applies; false: everything is accepted at once. */
  limited: boolean;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the stub on a free loopback port, limited to `perSecond` requests per rolling second. */
export async function startResendStub(perSecond = 5): Promise<ResendStub> {
  const recent: number[] = [];
  const answers = new Map<string, string>();
  let nextId = 0;
  const stub: ResendStub = {
    url: '',
    accepted: [],
    rejected: 0,
    replayed: 0,
    limited: true,
    reset() {
      stub.accepted = [];
      stub.rejected = 0;
      stub.replayed = 0;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const now = Date.now();
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const path = (request.url ?? '').split('?')[0]!;
      if (request.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) {
        return reply(404, { name: 'not_found' });
      }
      if (stub.limited) {
        while (recent.length && recent[0]! <= now - 1000) recent.shift();
        if (recent.length >= perSecond) {
          stub.rejected++;
          return reply(
            429,
            { name: 'rate_limit_exceeded', message: 'Too many requests' },
            { 'retry-after': '1' },
          );
        }
        recent.push(now);
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      const previous = key ? answers.get(`${path} ${key}`) : undefined;
      if (previous) {
        stub.replayed++;
        return reply(200, previous);
      }
      const payload: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
      const emails = (Array.isArray(payload) ? payload : [payload]) as { to?: string[] }[];
      const ids = emails.map(() => `stub-${++nextId}`);
      stub.accepted.push({ at: now, path, recipients: emails.flatMap((email) => email.to ?? []) });
      const body = JSON.stringify(
        path === '/emails/batch' ? { data: ids.map((id) => ({ id })) } : { id: ids[0] },
      );
      if (key) answers.set(`${path} ${key}`, body);
      return reply(200, body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  stub.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return stub;
}
