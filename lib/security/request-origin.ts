// Pure helpers shared by proxy.ts and route handlers (no server-only imports: proxy.ts uses them).

/** Methods that never change anything; every other method is a mutation and needs a same-site Origin. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the client addressed: the reverse proxy's X-Forwarded-Host if present, else Host. */
export function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

/** True when Origin is present and names the host this request was sent to. Missing or malformed → false. */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = requestHost(headers);
  if (!origin || !host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** localhost, 127.0.0.0/8 and ::1, with or without a port. */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * Session cookies are Secure (with the __Secure- prefix) for every host but loopback: a real
 * deployment is served over TLS; only the demo and tests run on plain http://127.0.0.1.
 */
export function wantsSecureCookies(headers: Headers): boolean {
  return !isLoopbackHost(requestHost(headers));
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
/** A well-formed upstream request id is kept; anything else is replaced. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
