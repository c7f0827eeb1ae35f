import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db/client';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');

afterAll(async () => {
  await closeDb();
});
