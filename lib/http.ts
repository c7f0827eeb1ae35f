import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError } from './errors';
import { isSameOrigin } from './security/request-origin';
import { fieldErrors } from './validation/fields';

/** Request bodies larger than this are refused with 413 before parsing. */
export const MAX_JSON_BYTES = 16 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

export function jsonError(status: number, code: string, message: string, fields?: Record<string, string[]>, requestId: string = randomUUID()): NextResponse {
  return NextResponse.json({ error: { code, message, ...(fields ? { fields } : {}) }, requestId }, { status, headers: NO_STORE });
}

/** Reads a JSON body: 413 when too large, 400 when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError('bad_request', `The request body is larger than ${MAX_JSON_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError('bad_request', `The request body is larger than ${MAX_JSON_BYTES} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}

/** Parses with a zod schema; failures become 422 naming every bad field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('invalid_input', 'Some fields are not valid.', fieldErrors(result.error));
  return result.data;
}

/** A mutation without a same-site Origin is refused with 403 (proxy.ts refuses it first; this is the second lock). */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request.headers)) throw new AppError('forbidden', 'Cross-site request refused.');
}

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Node socket errors meaning the database cannot be reached (refused, reset, timed out, no route). */
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs for a server going away or not taking connections (class 08 is matched as a class). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres and pg-pool errors that carry no code: a dead or timed-out connection. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // unexpectedly / due to connection timeout
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
  /^Query read timeout$/,
];

/**
 * True when the error (or any error in its `cause` chain, or inside an AggregateError) means the
 * database is down or unreachable, rather than a bug or a bad query: connection refused/reset/
 * terminated, a pool connect timeout, PostgreSQL shutting down or starting up (57P01/57P02/57P03),
 * too many connections (53300) or any connection exception (class 08). Drizzle wraps driver errors
 * in DrizzleQueryError with the pg error as `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') {
      if (UNREACHABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}

/** The innermost string `code` along the cause chain (a pg SQLSTATE or a Node socket code), for logs. */
function errorCodeOf(error: unknown): string | undefined {
  let found: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') found = code;
    current = cause;
  }
  return found;
}

/**
 * Wraps a route handler: known errors become their 4xx JSON; a database that is down or
 * unreachable becomes 503 with Retry-After (the client retries; nothing was acknowledged);
 * anything else is logged without request data and answered with a generic 500 carrying a
 * request id.
 */
export function handler<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const requestId = request.headers.get('x-request-id') ?? randomUUID();
    try {
      return await fn(request, context);
    } catch (error) {
      if (error instanceof AppError) {
        const response = jsonError(error.status, error.code, error.message, error.fields, requestId);
        if (error.status === 503) response.headers.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        return response;
      }
      // The error's kind and code (PostgreSQL SQLSTATE such as 40P01 or 57P01, or a socket code) only:
      // messages can quote data (a DrizzleQueryError's message lists the query parameters).
      const code = errorCodeOf(error);
      const where = `${request.method} ${new URL(request.url).pathname} (request ${requestId})`;
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] ${where}: database unavailable${code ? ` (${code})` : ''}, answered 503`);
        const response = jsonError(503, 'unavailable', 'The service is briefly unavailable. Please try again in a few seconds.', undefined, requestId);
        response.headers.set('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        return response;
      }
      console.error(`[api] ${where} failed: ${error instanceof Error ? error.name : 'unknown error'}${code ? ` code ${code}` : ''}`);
      return jsonError(500, 'internal', 'Something went wrong on our side. Please try again.', undefined, requestId);
    }
  };
}
