// Where the security suites find the app under test and its database: the production build and the
// embedded PostgreSQL the Playwright config's webServer starts (scripts/with-db.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

/** with-db.mjs: database `limber`, user and password `postgres`, on LIMBER_PG_PORT (E2E_PG_PORT here). */
export const DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54331)}/limber`;

const REPO = new URL('../../../', import.meta.url);
export const repoPath = (relative: string) => fileURLToPath(new URL(relative, REPO));

/** The AUTH_SECRET the server runs with: the environment's, else the one with-db.mjs keeps next to the data dir (.data/auth-secret). */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = repoPath('.data/auth-secret');
  if (!existsSync(file)) throw new Error('no AUTH_SECRET: the e2e server writes .data/auth-secret when it starts');
  return readFileSync(file, 'utf8').trim();
}
