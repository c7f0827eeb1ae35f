import { NextResponse } from 'next/server';
import { authenticate } from '@/lib/auth/credentials';
import { setSessionCookie } from '@/lib/auth/session-cookie';
import { sourceFromHeaders } from '@/lib/auth/source';
import { homePathFor } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, handler, json, jsonError, MAX_JSON_BYTES, parseInput, readJson } from '@/lib/http';
import { safeNextPath } from '@/lib/security/safe-next';
import { signInSchema } from '@/lib/validation/auth';

export const dynamic = 'force-dynamic';

const INVALID_CREDENTIALS = 'That email and password do not match an account. Check them and try again.';
const LOCKED = 'Too many attempts for this account. For your safety, sign-in is paused for 15 minutes.';
const RATE_LIMITED = 'Too many sign-in attempts from this network. Please wait a few minutes and try again.';

function isFormPost(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/** The no-JavaScript form gets a page back (303), never raw JSON; the error travels as a code. */
function backToLogin(code: string, next: string): Response {
  const params = new URLSearchParams({ error: code });
  if (next !== '/') params.set('next', next);
  return new Response(null, { status: 303, headers: { Location: `/login?${params}`, 'Cache-Control': 'no-store' } });
}

/**
 * Sign-in: JSON { email, password, next? } from the login form (or its no-JavaScript form post).
 * 200 + session cookie; 401 for any wrong email/password/disabled account (same body, same
 * argon2 work); 422 naming a missing field; 429 + Retry-After once the account (5 failures in
 * 15 minutes, whatever the address) or the address (20 failures across accounts) is limited.
 */
export const POST = handler(async (request: Request) => {
  assertSameOrigin(request);
  const form = isFormPost(request);
  let body: unknown;
  if (form) {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_JSON_BYTES) throw new AppError('bad_request', `The request body is larger than ${MAX_JSON_BYTES} bytes.`);
    body = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
  } else {
    body = await readJson(request);
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const next = safeNextPath(record.next);
  let input;
  try {
    input = parseInput(signInSchema, { email: record.email, password: record.password });
  } catch (error) {
    if (form && error instanceof AppError) return backToLogin('invalid_input', next);
    throw error;
  }
  const result = await authenticate(input, sourceFromHeaders(request.headers));
  if (result.ok) {
    const redirectTo = next === '/' ? homePathFor(result.user.role) : next;
    const response = form ? NextResponse.redirect(new URL(redirectTo, request.url), 303) : json({ redirectTo });
    if (form) response.headers.set('Location', redirectTo);
    response.headers.set('Cache-Control', 'no-store');
    await setSessionCookie(response, request.headers, result.user.sessionId);
    return response;
  }
  if (result.reason === 'locked' || result.reason === 'rate_limited') {
    if (form) return backToLogin(result.reason, next);
    const response = jsonError(429, result.reason, result.reason === 'locked' ? LOCKED : RATE_LIMITED);
    response.headers.set('Retry-After', String(result.retryAfterSeconds));
    return response;
  }
  if (form) return backToLogin('invalid_credentials', next);
  return jsonError(401, 'invalid_credentials', INVALID_CREDENTIALS);
});
