import 'server-only';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { getEnv } from '@/lib/env';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle from db.transaction(). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Database | Tx;

type Holder = { pool?: Pool; db?: Database };
const holder = globalThis as unknown as { __limberDb?: Holder };

function createPool(): Pool {
  const env = getEnv();
  const pool = new Pool({
    connectionString: env.DATABASE_URL,
    max: env.DB_POOL_MAX,
    // Also bounds the wait for a free client: with the database down a request fails within this
    // time (refused connections fail at once) and is answered 503, instead of hanging.
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // TCP keepalive notices a peer that vanished without closing the connection.
    keepAlive: true,
    // Server-side limits: a runaway query or a forgotten transaction cannot hold a connection.
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 30_000,
    // Client-side limit for a server that stopped answering (statement_timeout cannot fire then).
    query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 2_000,
    application_name: 'limber',
  });
  // An idle client losing its connection (database restart) must not crash the process.
  // The message carries no query text or parameters, so no patient data reaches the log.
  pool.on('error', (error) => {
    console.error(`[db] idle client error: ${error.message}`);
  });
  // A client checked out for a transaction has no pool listener: when the server terminates its
  // connection (57P01 on shutdown) between two statements, node-postgres emits 'error' on it, and
  // an unhandled 'error' event would end the process. The failing query rejects on its own and the
  // pool discards the broken client on release, so this listener only has to exist.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

/** The one database handle of the app; created on first use (never at import, so builds need no DB). */
export function getDb(): Database {
  const h = (holder.__limberDb ??= {});
  if (!h.db) {
    h.pool = createPool();
    h.db = drizzle({ client: h.pool, schema });
  }
  return h.db;
}

/** Closes the pool (tests, graceful shutdown); waits for checked-out clients to be released. */
export async function closeDb(): Promise<void> {
  const h = holder.__limberDb;
  const pool = h?.pool;
  if (h) {
    h.pool = undefined;
    h.db = undefined;
  }
  if (pool && !pool.ending) await pool.end();
}
