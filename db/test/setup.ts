import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db/client';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
// Some tests fire 1,000+ concurrent DAL calls through the 10-connection pool, and pg-pool counts
// the wait for a free client against the connect timeout. The app's 1.5 s default is meant for
// a database that is down (answer 503 quickly); the load tests are about idempotency, not that.
process.env.DB_CONNECT_TIMEOUT_MS ??= '20000';

afterAll(async () => {
  await closeDb();
});
