// Benchmark of the metrics queries (lib/dal/metrics.ts) against design.md "Speed": per-patient chart
// queries ≤ 5 ms and the caseload roster ≤ 20 ms on a 10-million-row log table.
//
//   npx tsx scripts/bench-metrics.ts [--patients 5000] [--days 365] [--runs 30] [--keep]
//
// Creates its own database on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres;
// loopback hosts only), migrates it, generates 10 clinics / 100 therapists / N patients with plans, a year of
// session logs and check-ins with set-based SQL (insert … select … generate_series), ANALYZEs, times
// listRoster (therapist ≈ N/100 patients, admin ≈ N/10) and getPatientSeries (30 / 90 / all), prints a table
// and drops the database (unless --keep).
//
// The data set comes from scripts/bench/generate.ts (shared with `npm run bench` and the EXPLAIN db test).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { bulkGenerate } from './bench/generate';

// ---------------------------------------------------------------------------------------------- the benchmark

type Args = { patients: number; days: number; runs: number; keep: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { patients: 5000, days: 365, runs: 30, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep') {
      args.keep = true;
      continue;
    }
    const value = Number(argv[i + 1]);
    if ((flag === '--patients' || flag === '--days' || flag === '--runs') && Number.isInteger(value) && value > 0) {
      args[flag.slice(2) as 'patients' | 'days' | 'runs'] = value;
      i++;
    } else throw new Error(`Unknown or bad argument: ${flag} (usage: --patients N --days N --runs N --keep)`);
  }
  return args;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

async function time(runs: number, fn: () => Promise<number>): Promise<{ p50: number; p95: number; rows: number }> {
  let rows = await fn(); // warm-up (plan cache, buffers)
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), rows };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(serverUrl.hostname)) {
    throw new Error(`Refusing to create a benchmark database on a non-loopback host (${serverUrl.hostname}).`);
  }
  const { dropDatabase, ensureDatabase, migrateDatabase } = await import('./embedded-db.mjs');
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const name = `limber_bench_${process.pid}_${Date.now().toString(36)}`;
  const benchUrl = new URL(serverUrl);
  benchUrl.pathname = `/${name}`;
  await ensureDatabase(adminUrl.toString(), name);
  const say = (line: string) => console.info(`[bench] ${line}`);
  say(`database ${name} on ${serverUrl.host}; ${args.patients} patients, ${args.days} days, ${args.runs} runs per query`);
  try {
    await migrateDatabase(benchUrl.toString());
    process.env.DATABASE_URL = benchUrl.toString();
    process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');
    process.env.DB_STATEMENT_TIMEOUT_MS = '600000';

    const client = new pg.Client({ connectionString: benchUrl.toString() });
    await client.connect();
    const started = performance.now();
    try {
      await client.query(`set maintenance_work_mem = '512MB'`);
      await client.query(`set work_mem = '256MB'`);
      await bulkGenerate(client, { tag: 'b', clinics: 10, therapists: 100, patients: args.patients, days: args.days, fastLoad: true, log: (l) => say(`  ${l}`) });
    } finally {
      await client.end();
    }
    const generation = (performance.now() - started) / 1000;

    // Imported only now: the DAL reads DATABASE_URL when it first connects.
    const { getDb, closeDb } = await import('@/db/client');
    const { getClinicSummary, getPatientSeries, listRoster, readMetrics, rosterQuery, seriesQuery } = await import('@/lib/dal/metrics');
    const db = getDb();
    const count = async (table: string) => Number((await db.execute<{ n: string }>(sqlText(`select count(*)::text as n from ${table}`))).rows[0]?.n ?? 0);
    const counts = { session_logs: await count('session_logs'), pain_check_ins: await count('pain_check_ins'), patients: await count('patients'), plans: await count('plans') };
    say(`generated in ${generation.toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);

    const viewerOf = async (email: string) => {
      const row = (await db.execute<{ id: string; clinic_id: string; role: 'admin' | 'therapist'; name: string }>(sqlText(`select id, clinic_id, role, name from users where email = '${email}'`))).rows[0];
      if (!row) throw new Error(`no user ${email}`);
      return { userId: row.id, role: row.role, clinicId: row.clinic_id, name: row.name, email, sessionId: 'bench', source: { ip: '127.0.0.1', requestId: null } };
    };
    const therapist = await viewerOf('t1-b@bench.example');
    const admin = await viewerOf('admin-bench-b-1@bench.example');
    // Patient 10 has two plans (the second half-way in) and a revision: a worst-typical series.
    const patientRow = (await db.execute<{ id: string }>(sqlText(`select id from users where email = 'p10-b@bench.example'`))).rows[0];
    if (!patientRow) throw new Error('no patient');
    const patientId = patientRow.id;
    const carer = await viewerOf('t10-b@bench.example');

    const results: [string, { p50: number; p95: number; rows: number }, string][] = [];
    const bench = async (label: string, target: string, fn: () => Promise<number>) => {
      const r = await time(args.runs, fn);
      results.push([label, r, target]);
      say(`  ${label}: p50 ${r.p50.toFixed(1)} ms`);
    };
    await bench('listRoster(therapist)', '≤ 20 ms', async () => (await listRoster(therapist))?.length ?? 0);
    await bench('  its SQL alone', '', async () => (await readMetrics([rosterQuery({ clinicId: therapist.clinicId, therapistId: therapist.userId })]))[0]?.length ?? 0);
    await bench('listRoster(admin)', '(a clinic)', async () => (await listRoster(admin))?.length ?? 0);
    await bench('getClinicSummary(admin)', '', async () => ((await getClinicSummary(admin)) ? 1 : 0));
    for (const range of ['30', '90', 'all'] as const) {
      await bench(`getPatientSeries(${range})`, '≤ 5 ms', async () => {
        const s = await getPatientSeries(carer, patientId, range);
        return (s?.dailyPain.length ?? 0) + (s?.weeklyAdherence.length ?? 0) + (s?.perItem.length ?? 0);
      });
      const scope = { clinicId: carer.clinicId, therapistId: carer.userId, patientId };
      await bench('  its SQL alone (2 statements)', '', async () => (await readMetrics([rosterQuery(scope), seriesQuery(scope, range)])).length);
    }
    await closeDb();

    const line = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    const widths = [28, 9, 9, 6, 28];
    console.info('');
    console.info(`Metrics benchmark: ${counts.patients.toLocaleString('en-US')} patients, ${counts.session_logs.toLocaleString('en-US')} session logs, ${counts.pain_check_ins.toLocaleString('en-US')} check-ins, ${counts.plans.toLocaleString('en-US')} plans; generated in ${generation.toFixed(1)} s; ${args.runs} runs each`);
    console.info(line(['query', 'p50 ms', 'p95 ms', 'rows', 'target'], widths));
    for (const [label, r, target] of results) console.info(line([label, r.p50.toFixed(2), r.p95.toFixed(2), String(r.rows), target], widths));
    console.info('(rows: roster rows; for a series, daily pain points + weeks + items. A DAL call = scope check + one read-only transaction with the prepared statements + the audit insert; "SQL alone" = the transaction only)');
  } finally {
    if (args.keep) say(`kept database ${name}`);
    else await dropDatabase(adminUrl.toString(), name);
  }
}

/** A fixed statement for db.execute (no user input reaches these). */
const sqlText = (text: string) => sql.raw(text);

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // lib/dal/* imports 'server-only', which only resolves to an empty module under the react-server
  // condition (as in Next's server bundle): re-run once with it.
  if (!process.execArgv.some((a) => a.includes('react-server'))) {
    const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', self, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
    process.exit(result.status ?? 1);
  }
  main().catch((error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
