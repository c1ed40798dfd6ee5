// Rate limits key on the client's IPv4 address or the /64 of its IPv6 address: one line holds a
// whole /64 and can rotate through it, so counting whole IPv6 addresses would let it past any limit.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { clientKey } from '../../src/web/security';
import { ORIGIN } from '../helpers';

const keyOf = (ip: string | undefined) =>
  clientKey({ req: { header: (name: string) => (name === 'cf-connecting-ip' ? ip : undefined) } });

describe('clientKey', () => {
  it('is the /64 network of an IPv6 address, however the address is written', () => {
    expect(keyOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(keyOf('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(keyOf('2001:0DB8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(keyOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });

  it('is the IPv4 address itself, also when it comes IPv4-mapped', () => {
    expect(keyOf('192.0.2.7')).toBe('192.0.2.7');
    expect(keyOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('falls back to the header as given, or "local" without one', () => {
    expect(keyOf(undefined)).toBe('local');
    expect(keyOf('not-an-address')).toBe('not-an-address');
  });
});

describe('the public POST limit', () => {
  it('counts two addresses of one IPv6 /64 as one client', async () => {
    const keys: string[] = [];
    const record: RateLimit = {
      async limit(options) {
        keys.push(options.key);
        return { success: true };
      },
    };
    const app = buildApp();
    for (const ip of ['2001:db8:aa:bb::1', '2001:db8:aa:bb:9999:8888:7777:6666', '2001:db8:aa:cc::1']) {
      const ctx = createExecutionContext();
      await app.fetch(
        new Request(`${ORIGIN}/meetings/new`, {
          method: 'POST',
          headers: {
            origin: ORIGIN,
            accept: 'text/html',
            'content-type': 'application/x-www-form-urlencoded',
            'cf-connecting-ip': ip,
          },
          body: new URLSearchParams({ senderName: '' }),
        }),
        { ...env, RL_PUBLIC: record },
        ctx,
      );
      await waitOnExecutionContext(ctx);
    }
    expect(keys).toEqual([
      'RL_PUBLIC:2001:db8:aa:bb::/64',
      'RL_PUBLIC:2001:db8:aa:bb::/64',
      'RL_PUBLIC:2001:db8:aa:cc::/64',
    ]);
  });
});
