// The db test project runs against a throwaway database: on the PostgreSQL server named by
// DATABASE_URL when it is set (the database itself is never touched: a new one is created
// beside it), else on the embedded PostgreSQL in .data/test-pg. Dropped afterwards.
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, migrateDatabase, startEmbedded } from '../../scripts/embedded-db.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl: URL;
  let stop: () => Promise<void> = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = new URL(process.env.DATABASE_URL);
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(serverUrl.hostname) && process.env.LIMBER_ALLOW_REMOTE_TEST_DB !== '1') {
      throw new Error(`Refusing to create test databases on a non-loopback host (${serverUrl.hostname}). Set LIMBER_ALLOW_REMOTE_TEST_DB=1 to allow it.`);
    }
  } else {
    const embedded = await startEmbedded({ dataDir: '.data/test-pg', port: Number(process.env.LIMBER_TEST_PG_PORT ?? 54330) });
    serverUrl = new URL(embedded.adminUrl);
    stop = embedded.stop;
  }
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const name = `limber_test_${process.pid}_${Date.now().toString(36)}`;
  await ensureDatabase(adminUrl.toString(), name);
  const testUrl = new URL(serverUrl);
  testUrl.pathname = `/${name}`;
  await migrateDatabase(testUrl.toString());
  project.provide('databaseUrl', testUrl.toString());
  return async () => {
    await dropDatabase(adminUrl.toString(), name);
    await stop();
  };
}
