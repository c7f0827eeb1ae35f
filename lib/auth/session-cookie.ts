import 'server-only';
import { cookies, headers } from 'next/headers';
import type { NextResponse } from 'next/server';
import { encode } from 'next-auth/jwt';
import { getEnv } from '@/lib/env';
import { wantsSecureCookies } from '@/lib/security/request-origin';

/** The session lasts at most 12 hours (auth_sessions.expires_at); the cookie never outlives it. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const BASE_NAME = 'authjs.session-token';
export const SESSION_COOKIE_NAMES = [BASE_NAME, `__Secure-${BASE_NAME}`] as const;

/** The cookie name next-auth reads for this request: the __Secure- one on every non-loopback host. */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Secure-${BASE_NAME}` : BASE_NAME;
}

type CookieToSet = { name: string; value: string; options: { httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/'; maxAge: number } };

/**
 * The session cookie for a new session: the same encrypted JWT next-auth's auth() decodes, holding
 * only the auth_sessions id. HttpOnly, SameSite=Lax, Secure on every non-loopback host.
 */
async function sessionCookie(requestHeaders: Headers, sessionId: string): Promise<CookieToSet> {
  const secure = wantsSecureCookies(requestHeaders);
  const name = sessionCookieName(secure);
  const value = await encode({ token: { sid: sessionId }, secret: getEnv().AUTH_SECRET, salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
  return { name, value, options: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_MAX_AGE_SECONDS } };
}

/** Route handlers: puts the session cookie on the response. */
export async function setSessionCookie(response: NextResponse, requestHeaders: Headers, sessionId: string): Promise<void> {
  const cookie = await sessionCookie(requestHeaders, sessionId);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
}

/** Server actions: sets the session cookie on the action's response. */
export async function setSessionCookieInAction(sessionId: string): Promise<void> {
  const cookie = await sessionCookie(await headers(), sessionId);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}

/** Expires both possible session cookies (and next-auth's helper cookies) on a response. */
export function clearSessionCookies(response: NextResponse): void {
  for (const name of SESSION_COOKIE_NAMES) {
    response.cookies.set(name, '', { httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-'), path: '/', maxAge: 0 });
  }
}
