const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/**
 * Asks Turnstile whether a form token is good. Fails closed: an empty, failing or spent token,
 * a timeout, a 5xx or an unreadable answer all count as "not a person".
 * @see https://developers.cloudflare.com/turnstile/get-started/server-side-validation/
 */
export async function verifyTurnstile(secret: string, token: string, timeoutMs = 5000): Promise<boolean> {
  if (!token || token.length > 2048) return false;
  try {
    const response = await fetch(SITEVERIFY, {
      method: 'POST',
      body: new URLSearchParams({ secret, response: token }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return false;
    const outcome = (await response.json()) as { success?: unknown };
    return outcome.success === true;
  } catch {
    return false;
  }
}
