// What `npm start` was asked for: the port (from --port or PORT), the public URL that email links
// use, and the arguments that go on to wrangler dev unchanged.

/** The options of `npm start`, or the message to show when they cannot be used. */
export type StartOptions = { port: number; publicUrl: string; rest: string[] } | { error: string };

const DEFAULT_PORT = 8787;

/** Reads `--port N` / `--port=N` from the arguments, else PORT, else 8787; --port wins over PORT. */
export function parseStartArgs(args: string[], env: Record<string, string | undefined>): StartOptions {
  const rest: string[] = [];
  let fromArgs: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--port') {
      fromArgs = args[++i];
      if (fromArgs === undefined) return { error: '--port needs a number, e.g. npm start -- --port 8788' };
    } else if (arg.startsWith('--port=')) {
      fromArgs = arg.slice('--port='.length);
    } else {
      rest.push(arg);
    }
  }
  const raw = fromArgs ?? env.PORT;
  const port = raw === undefined || raw === '' ? DEFAULT_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { error: `Not a port number: ${raw} (use 1 to 65535, e.g. PORT=8788 npm start)` };
  }
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  return { port, publicUrl, rest };
}
