// Security suites (matrix, leaks, forged, csrf, fuzz): ids, audit rows, and a checksum of every
// table's contents so a suite can prove that a refused request changed nothing.
import pg from 'pg';
import { DATABASE_URL } from './env';

let pool: pg.Pool | null = null;

export function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  return pool;
}

export async function closeDb(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.end();
}

export async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db().query<T>(sql, params);
  const row = rows[0];
  if (!row) throw new Error(`expected a row from: ${sql.slice(0, 80)}`);
  return row;
}

export async function many<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db().query<T>(sql, params)).rows;
}

/** Tables a request may legitimately write to whatever it asks for: the audit trail, sign-in bookkeeping, session touches. */
export const BOOKKEEPING_TABLES = ['audit_events', 'sign_in_attempts', 'auth_sessions', '__drizzle_migrations'];

let tableList: string[] | null = null;

/** Row count and md5 of every application table's rows (bookkeeping tables excluded), as one comparable string per table. */
export async function snapshot(): Promise<Record<string, string>> {
  tableList ??= (
    await many<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
  )
    .map((r) => r.name)
    .filter((name) => !BOOKKEEPING_TABLES.includes(name));
  // Count plus an order-independent sum of 64-bit row hashes: any inserted, deleted or edited row changes it.
  const parts = tableList.map((name) => `select '${name}' as name, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 7)::numeric), 0)::text as sum from "${name}" t`);
  const rows = await many<{ name: string; sum: string }>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/** The tables whose contents differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/** A point in time on the database clock: audit rows written by later requests have `at` after it. */
export async function auditMark(): Promise<string> {
  return (await one<{ now: string }>('select clock_timestamp()::text as now')).now;
}

export type AuditRow = { actor_user_id: string | null; action: string; outcome: string; patient_id: string | null };

/** Audit rows written by requests that started after `mark`. */
export async function auditSince(mark: string): Promise<AuditRow[]> {
  return many<AuditRow>('select actor_user_id, action, outcome::text as outcome, patient_id from audit_events where at > $1::timestamptz order by at', [mark]);
}

let columnsByTable: Map<string, string[]> | null = null;

/**
 * A checksum of the rows that belong to another scope: every row of `clinicId`, and every row whose
 * patient_id / user_id / id / therapist columns name one of `ids` (patients or staff of that scope).
 */
export async function scopeSnapshot(clinicId: string, ids: string[]): Promise<Record<string, string>> {
  if (!columnsByTable) {
    const rows = await many<{ table_name: string; column_name: string }>(
      `select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`,
    );
    columnsByTable = new Map();
    for (const r of rows) columnsByTable.set(r.table_name, [...(columnsByTable.get(r.table_name) ?? []), r.column_name]);
  }
  const result: Record<string, string> = {};
  for (const [table, columns] of columnsByTable) {
    if (BOOKKEEPING_TABLES.includes(table)) continue;
    const byClinic = columns.includes('clinic_id');
    const predicates = [
      ...(byClinic ? ['clinic_id = $2::uuid'] : []),
      ...['patient_id', 'user_id', 'primary_therapist_id', 'therapist_id', 'id'].filter((c) => columns.includes(c)).map((c) => `${c}::text = any($1::text[])`),
    ];
    if (predicates.length === 0) continue;
    const row = await one<{ sum: string }>(
      `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as sum from "${table}" t where ${predicates.join(' or ')}`,
      byClinic ? [ids, clinicId] : [ids],
    );
    result[table] = row.sum;
  }
  return result;
}
