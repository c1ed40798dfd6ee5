// `npm start`'s port and email links (scripts/lib/start-args.ts); .ci/run starts a bare copy with --port.
import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '../../scripts/lib/start-args';

describe('npm start options', () => {
  it('serves on 8787 with links to it when nothing is said', () => {
    expect(parseStartArgs([], {})).toEqual({ port: 8787, publicUrl: 'http://localhost:8787', rest: [] });
  });

  it('takes PORT from the environment, and email links follow it', () => {
    expect(parseStartArgs([], { PORT: '8788' })).toEqual({
      port: 8788,
      publicUrl: 'http://localhost:8788',
      rest: [],
    });
  });

  it('takes --port N and --port=N, over PORT, and passes other arguments on to wrangler dev', () => {
    expect(parseStartArgs(['--port', '8788', '--ip', '0.0.0.0'], { PORT: '9000' })).toEqual({
      port: 8788,
      publicUrl: 'http://localhost:8788',
      rest: ['--ip', '0.0.0.0'],
    });
    expect(parseStartArgs(['--port=8790'], {})).toMatchObject({ port: 8790 });
  });

  it('keeps a PUBLIC_URL that was given', () => {
    expect(parseStartArgs(['--port', '8788'], { PUBLIC_URL: 'https://tunnel.example.org' })).toMatchObject({
      port: 8788,
      publicUrl: 'https://tunnel.example.org',
    });
  });

  it('says what is wrong with a port that is not one', () => {
    expect(parseStartArgs(['--port'], {})).toEqual({
      error: expect.stringContaining('--port needs a number'),
    });
    expect(parseStartArgs(['--port', 'eighty'], {})).toEqual({ error: expect.stringContaining('eighty') });
    expect(parseStartArgs([], { PORT: '70000' })).toEqual({ error: expect.stringContaining('70000') });
  });
});
