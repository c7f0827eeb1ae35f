import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError } from './errors';
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

/** A cross-site mutation (Origin host ≠ Host) is refused with 403. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('forbidden', 'Cross-site request refused.');
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (originHost !== host) throw new AppError('forbidden', 'Cross-site request refused.');
}

/**
 * Wraps a route handler: known errors become their 4xx JSON; anything else is logged without
 * request data and answered with a generic 500 carrying a request id.
 */
export function handler<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const requestId = request.headers.get('x-request-id') ?? randomUUID();
    try {
      return await fn(request, context);
    } catch (error) {
      if (error instanceof AppError) return jsonError(error.status, error.code, error.message, error.fields, requestId);
      // The error's kind and PostgreSQL code (e.g. 40P01 deadlock, 57014 timeout) only: messages can quote data.
      const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed (request ${requestId}): ${error instanceof Error ? error.name : 'unknown error'}${typeof code === 'string' ? ` code ${code}` : ''}`);
      return jsonError(500, 'internal', 'Something went wrong on our side. Please try again.', undefined, requestId);
    }
  };
}

