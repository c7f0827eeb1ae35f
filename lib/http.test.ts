import { createServer } from 'node:net';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import { handler, isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './http';

/** A pg DatabaseError as the driver builds it from a server ErrorResponse. */
function pgError(code: string, message = 'server error'): pg.DatabaseError {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}

/** What drizzle throws: the query text and parameters in the message, the driver error as cause. */
const wrapped = (cause: unknown) => new DrizzleQueryError('insert into session_logs values ($1)', ['private note'], cause as Error);

/** A loopback port with nothing listening (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('isDatabaseUnavailable', () => {
  it('recognises a real refused connection from node-postgres, bare and wrapped by drizzle', async () => {
    const client = new pg.Client({ connectionString: `postgres://nobody@127.0.0.1:${await closedPort()}/none`, connectionTimeoutMillis: 1000 });
    const error: unknown = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
  });

  it.each(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08P01', '53300'])('recognises SQLSTATE %s, bare and as a cause', (code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(pgError(code)))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
    'Query read timeout',
  ])('recognises the driver error "%s"', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error(message)))).toBe(true);
  });

  it('recognises socket codes inside an AggregateError (several addresses tried)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused], 'all addresses failed'))).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a deadlock', pgError('40P01')],
    ['a statement timeout', pgError('57014')],
    ['a syntax error', pgError('42601')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['an app error', new AppError('not_found', 'Not found.')],
    ['a non-error value', 'Connection terminated unexpectedly'],
    ['null', null],
  ])('does not treat %s as unavailable', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(false);
  });

  it('terminates on a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as Error & { cause?: unknown }).cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('handler() error mapping', () => {
  afterEach(() => vi.restoreAllMocks());
  const request = () => new Request('http://127.0.0.1/api/session-logs', { method: 'POST', headers: { 'x-request-id': 'req-123' } });

  it('answers 503 with Retry-After and the generic error shape when the database is unavailable, logging no request data', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await handler(async () => {
      throw wrapped(pgError('57P01', 'terminating connection due to administrator command'));
    })(request(), {});
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) }, requestId: 'req-123' });
    const line = log.mock.calls.map((args) => args.join(' ')).join('\n');
    expect(line).toContain('57P01');
    expect(line).toContain('req-123');
    expect(line).not.toContain('private note');
    expect(line).not.toContain('insert into');
  });

  it('still answers 500 for other database errors, logging only the code', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await handler(async () => {
      throw wrapped(pgError('23505'));
    })(request(), {});
    expect(response.status).toBe(500);
    expect(response.headers.get('Retry-After')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { code: 'internal' }, requestId: 'req-123' });
    const line = log.mock.calls.map((args) => args.join(' ')).join('\n');
    expect(line).toContain('23505');
    expect(line).not.toContain('private note');
  });

  it('keeps AppErrors as they are, and adds Retry-After to an explicit unavailable one', async () => {
    const notFound = await handler(async () => {
      throw new AppError('not_found', 'Not found.');
    })(request(), {});
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('Retry-After')).toBeNull();
    const unavailable = await handler(async () => {
      throw new AppError('unavailable', 'Try again later.');
    })(request(), {});
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('Retry-After')).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  });
});
