// `npm run bench [-- --scale small|default|large] [--keep] [--connections N] [--seconds S]`
//
// The end-to-end benchmark (issue 8; design.md "Quality numbers" → Speed):
//  1. creates its own database `limber_bench_…` on DATABASE_URL's server (default the local one on 5432;
//     loopback only), migrates it and generates the data set with set-based SQL (scripts/bench/generate.ts);
//  2. mints signed-in sessions (scripts/lib/session-cookie.ts) for a therapist, an admin and patients;
//  3. starts the production build (`next build` first if there is none) on 127.0.0.1:3320 (BENCH_PORT; a port
//     already in use is refused) with a preloaded recorder (capture-sql.mjs) and requests each endpoint once,
//     so it knows every statement each one sends;
//  4. runs EXPLAIN (ANALYZE, BUFFERS) on each (and the generic plan of the prepared ones) and fails if any
//     reads session_logs, pain_check_ins or audit_events with a Seq Scan;
//  5. times each statement directly with `pg` (the SQL floor), then restarts the app without the recorder and
//     load-tests every endpoint with autocannon, beside a bare node:http server on the next port (the HTTP floor);
//  6. writes JSON and Markdown to .data/bench/, prints the Markdown and which targets hold; drops the database
//     (unless --keep). Exit code 1 when a plan scans a big table whole, a request fails, or a write is lost.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { METRICS_PLAN_CACHE_MODE } from '../../lib/dal/metrics-settings';
import { mintSession } from '../lib/session-cookie';
import { bulkGenerate } from './generate';
import { bigTableAccess, seqScansOnBigTables, type PlanNode } from './plans';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The app under test and the bare node:http floor, on loopback: BENCH_PORT and the port after it. */
const APP_PORT = Number(process.env.BENCH_PORT ?? 3320);
const FLOOR_PORT = APP_PORT + 1;
const ORIGIN = `http://127.0.0.1:${APP_PORT}`;

type Scale = { clinics: number; therapists: number; patients: number; days: number; seconds: number; warmup: number; runs: number };
const SCALES: Record<string, Scale> = {
  small: { clinics: 2, therapists: 10, patients: 300, days: 180, seconds: 2, warmup: 1, runs: 15 },
  default: { clinics: 10, therapists: 100, patients: 5000, days: 365, seconds: 8, warmup: 2, runs: 40 },
  large: { clinics: 20, therapists: 200, patients: 10000, days: 365, seconds: 10, warmup: 2, runs: 40 },
};

/** Targets (design.md "Speed"): judged on the median of direct runs of the exact statement the app sends. */
const ROSTER_TARGET_MS = 20;
const CHART_TARGET_MS = 5;

type Args = { scale: string; keep: boolean; connections: number; seconds?: number; out: string };

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 'default', keep: false, connections: 4, out: path.join(ROOT, '.data/bench') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--keep') args.keep = true;
    else if (flag === '--scale' && value && value in SCALES) {
      args.scale = value;
      i++;
    } else if ((flag === '--connections' || flag === '--seconds') && value && Number.isInteger(Number(value)) && Number(value) > 0) {
      args[flag === '--connections' ? 'connections' : 'seconds'] = Number(value);
      i++;
    } else if (flag === '--out' && value) {
      args.out = path.resolve(value);
      i++;
    } else throw new Error(`Unknown or bad argument: ${flag} (usage: --scale ${Object.keys(SCALES).join('|')} --keep --connections N --seconds S --out DIR)`);
  }
  return args;
}

const say = (line: string) => console.info(`[bench] ${line}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------------------------------ processes

const children = new Set<ChildProcess>();

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}); see its log`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Refuses a port something already listens on: the benchmark would otherwise measure (and mint cookies
 * for) whatever answers there, such as a second benchmark run at the same time.
 */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is already in use (another benchmark or app?); choose others with BENCH_PORT`) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function startApp(databaseUrl: string, secret: string, logFile: string, captureFile?: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    DB_STATEMENT_TIMEOUT_MS: '30000',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.BENCH_SQL_CAPTURE;
  if (captureFile) {
    env.BENCH_SQL_CAPTURE = captureFile;
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(ROOT, 'scripts/bench/capture-sql.mjs')).href}`.trim();
  }
  return startProcess(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(APP_PORT)], env, logFile);
}

// ------------------------------------------------------------------------------------------ endpoints

type Endpoint = {
  key: string;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  cookie: string;
  /** A fresh body per request (POST): each with its own client id. */
  body?: () => string;
  /** Load-tested with autocannon (the others are captured, EXPLAINed and timed only). */
  load: boolean;
  /** A signed-in HTML page (checked for per-request rendering). */
  page: boolean;
};

type Captured = { text: string; values: unknown[]; name: string | null };

/** One distinct statement an endpoint sends, with how many times per request. */
type Statement = Captured & {
  key: string;
  label: string;
  count: number;
  /**
   * Positions of parameters that were a client-generated id (a session log's clientId). Re-running the
   * captured insert with the same id would hit ON CONFLICT DO NOTHING and skip the insert and its rollup
   * trigger, so every EXPLAIN and timed run gets a fresh one instead.
   */
  fresh?: number[];
};

/** The statement's parameters, with a new id wherever the client generated one. */
const valuesOf = (s: Statement): unknown[] => (s.fresh?.length ? s.values.map((v, i) => (s.fresh?.includes(i) ? randomUUID() : v)) : s.values);

const EXPLAINABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** A short human label: the metrics statements by what they compute, the rest by verb and first table. */
function labelOf(text: string): string {
  if (/order by rf_date desc/.test(text)) return 'roster';
  if (/as a_none/.test(text)) return 'clinic summary';
  if (/as daily_pain/.test(text)) return 'series';
  const t = text.replace(/\s+/g, ' ').trim();
  const m =
    /^insert into "?(\w+)"?/i.exec(t) ?? /^update "?(\w+)"?/i.exec(t) ?? /^delete from "?(\w+)"?/i.exec(t) ?? /\bfrom "?(\w+)"?/i.exec(t);
  const verb = (/^\w+/.exec(t)?.[0] ?? '').toLowerCase();
  return m ? `${verb} ${m[1]}` : t.slice(0, 40);
}

function readNewLines(file: string, from: number): { lines: Captured[]; size: number } {
  if (!existsSync(file)) return { lines: [], size: from };
  const size = statSync(file).size;
  if (size <= from) return { lines: [], size };
  const buffer = Buffer.alloc(size - from);
  const fd = openSync(file, 'r');
  readSync(fd, buffer, 0, buffer.length, from);
  closeSync(fd);
  const lines = buffer
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Captured);
  return { lines, size };
}

async function request(endpoint: Endpoint): Promise<Response> {
  return fetch(`${ORIGIN}${endpoint.path}`, {
    method: endpoint.method,
    redirect: 'manual',
    headers: {
      cookie: endpoint.cookie,
      ...(endpoint.method === 'POST' ? { origin: ORIGIN, 'content-type': 'application/json' } : {}),
    },
    body: endpoint.body?.(),
  });
}

// ------------------------------------------------------------------------------------------ EXPLAIN and timing

type PlanCheck = { plan: 'custom' | 'generic'; executionMs: number; sharedHit: number; sharedRead: number; bigTables: string[]; seqScans: string[] };

/** EXECUTE takes no bind parameters: the captured values go in as quoted literals. */
function literal(client: pg.Client, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return client.escapeLiteral(`{${value.map((v) => JSON.stringify(String(v))).join(',')}}`);
  return client.escapeLiteral(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

async function explain(client: pg.Client, s: Statement): Promise<PlanCheck[]> {
  const out: PlanCheck[] = [];
  const read = (rows: { 'QUERY PLAN': [{ Plan: PlanNode & { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number }; 'Execution Time': number }] }[], plan: PlanCheck['plan']) => {
    const top = rows[0]?.['QUERY PLAN'][0];
    if (!top) throw new Error(`no plan for ${s.label}`);
    out.push({
      plan,
      executionMs: round(top['Execution Time'], 3),
      sharedHit: top.Plan['Shared Hit Blocks'] ?? 0,
      sharedRead: top.Plan['Shared Read Blocks'] ?? 0,
      bigTables: bigTableAccess(top.Plan),
      seqScans: seqScansOnBigTables(top.Plan),
    });
  };
  // Writes run too (EXPLAIN ANALYZE executes): always inside a transaction that is rolled back.
  await client.query('begin');
  try {
    if (s.name) await client.query('set local jit = off'); // as lib/dal/metrics.ts runs its prepared statements
    read((await client.query(`explain (analyze, buffers, format json) ${s.text}`, valuesOf(s))).rows, 'custom');
    if (s.name) {
      // The plan a prepared statement settles on after five executions.
      await client.query('set local plan_cache_mode = force_generic_plan');
      await client.query(`prepare bench_generic as ${s.text}`);
      const values = valuesOf(s);
      const args = values.length ? `(${values.map((v) => literal(client, v)).join(', ')})` : '';
      read((await client.query(`explain (analyze, buffers, format json) execute bench_generic${args}`)).rows, 'generic');
    }
  } finally {
    await client.query('rollback');
    await client.query('deallocate all'); // PREPARE outlives the transaction
  }
  return out;
}

type Timing = { p50: number; p95: number; runs: number; /** Mean CPU time of the database backend per run (Linux, same host), else null. */ cpuMs: number | null };

/** The backend's CPU time so far, in ms, from /proc (a loopback server on this host); null elsewhere. */
function backendCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second)
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/**
 * The statement alone, sent as the app sends it, writes rolled back. Named statements are the metrics
 * ones (lib/dal/metrics.ts): prepared, with the plan-cache mode the app sets for them.
 */
async function timeStatement(client: pg.Client, backendPid: number | null, s: Statement, runs: number, budgetMs: number): Promise<Timing> {
  await client.query(s.name ? `set plan_cache_mode = ${METRICS_PLAN_CACHE_MODE}` : 'reset plan_cache_mode');
  const isWrite = /^\s*(insert|update|delete)\b/i.test(s.text);
  const query = s.name ? { name: `bench_${createHash('sha256').update(s.text).digest('hex').slice(0, 20)}`, text: s.text, values: s.values } : { text: s.text, values: s.values };
  const samples: number[] = [];
  const started = performance.now();
  let cpuFrom: number | null = null;
  for (let i = 0; i < runs + 5; i++) {
    if (i === 5) cpuFrom = backendCpuMs(backendPid);
    if (isWrite) await client.query('begin');
    const t0 = performance.now();
    await client.query(s.fresh?.length ? { ...query, values: valuesOf(s) } : query);
    const ms = performance.now() - t0;
    if (isWrite) await client.query('rollback');
    if (i >= 5) samples.push(ms); // five warm-ups: the first execution of a prepared statement plans it
    if (performance.now() - started > budgetMs && samples.length >= 5) break;
  }
  const cpuTo = backendCpuMs(backendPid);
  samples.sort((a, b) => a - b);
  const cpuMs = cpuFrom !== null && cpuTo !== null ? round((cpuTo - cpuFrom) / samples.length, 2) : null;
  return { p50: round(percentile(samples, 50), 3), p95: round(percentile(samples, 95), 3), runs: samples.length, cpuMs };
}

// ------------------------------------------------------------------------------------------ load

type Load = { p50: number; p95: number; p99: number; rps: number; requests: number; non2xx: number; errors: number; statuses: Record<string, number> };

async function load(url: string, o: { connections: number; seconds: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: () => string }): Promise<Load> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    method: o.method ?? 'GET',
    headers: o.headers,
    requests: o.body ? [{ method: o.method, setupRequest: (req) => ({ ...req, body: o.body?.() }) }] : undefined,
  });
  // autocannon's tracker emits (client, statusCode, resBytes, responseTime): every request's own time.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((n, [code, c]) => (code.startsWith('2') ? n + c : n), 0);
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    rps: round(times.length / result.duration, 1),
    requests: times.length,
    non2xx: times.length - ok,
    errors: result.errors,
    statuses,
  };
}

// ------------------------------------------------------------------------------------------ main

type EndpointResult = {
  key: string;
  label: string;
  method: string;
  path: string;
  statements: (Omit<Statement, 'values' | 'text'> & { text: string; explain: PlanCheck[]; timing: Timing | null })[];
  sqlFloorMs: number;
  load: Load | null;
  cacheControl: string | null;
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const scale = SCALES[args.scale];
  if (!scale) throw new Error('no scale');
  const seconds = args.seconds ?? scale.seconds;
  const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(serverUrl.hostname)) {
    throw new Error(`Refusing to create a benchmark database on a non-loopback host (${serverUrl.hostname}).`);
  }
  const { dropDatabase, ensureDatabase, migrateDatabase } = (await import('../embedded-db.mjs')) as {
    dropDatabase: (adminUrl: string, name: string) => Promise<void>;
    ensureDatabase: (adminUrl: string, name: string) => Promise<boolean>;
    migrateDatabase: (url: string) => Promise<void>;
  };
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const outDir = path.join(args.out, `${stamp}-${args.scale}`);
  mkdirSync(outDir, { recursive: true });
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const dbName = `limber_bench_${args.scale}_${process.pid}_${Date.now().toString(36)}`;
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  const started = performance.now();
  let failed = false;
  let app: ChildProcess | null = null;
  let floor: ChildProcess | null = null;
  const onSignal = () => {
    for (const child of children) child.kill('SIGTERM');
    say(`interrupted; database ${dbName} may be left behind (drop it with: dropdb ${dbName})`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  await ensureDatabase(adminUrl.toString(), dbName);
  say(`database ${dbName} on ${serverUrl.host}; scale ${args.scale}: ${scale.clinics} clinics, ${scale.therapists} therapists, ${scale.patients} patients, ${scale.days} days`);
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  try {
    await migrateDatabase(dbUrl.toString());
    await db.connect();

    // 1. The data set.
    const genStart = performance.now();
    await db.query(`set maintenance_work_mem = '512MB'`);
    await db.query(`set work_mem = '256MB'`);
    await bulkGenerate(db, { tag: 'b', ...scale, fastLoad: true, log: (l) => say(`  ${l}`) });
    await db.query('reset work_mem; reset maintenance_work_mem'); // the plans EXPLAINed below are the server defaults'
    const generationSeconds = round((performance.now() - genStart) / 1000, 1);
    const count = async (table: string) => Number((await db.query<{ n: string }>(`select count(*)::text as n from ${table}`)).rows[0]?.n ?? 0);
    const counts = {
      clinics: await count('clinics'),
      therapists: Number((await db.query<{ n: string }>(`select count(*)::text as n from users where role = 'therapist'`)).rows[0]?.n ?? 0),
      patients: await count('patients'),
      plans: await count('plans'),
      session_logs: await count('session_logs'),
      pain_check_ins: await count('pain_check_ins'),
    };
    say(`generated in ${generationSeconds} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);

    // 2. Who signs in. Therapist 1 (patients/therapists of them), the admin of clinic 1 (a tenth of all);
    //    the chart is patient 30's (two plans, a revision) seen by their therapist; Today is patient 2's;
    //    the session logs are posted by patient 3 (a different patient, so Today's reads stay the same).
    const secret = randomBytes(32).toString('base64url');
    const idOf = async (email: string) => {
      const row = (await db.query<{ id: string }>('select id from users where email = $1', [email])).rows[0];
      if (!row) throw new Error(`no user ${email}`);
      return row.id;
    };
    const chartN = Math.min(30, scale.patients);
    const chartPatient = await idOf(`p${chartN}-b@bench.example`);
    const chartTherapistN = ((chartN - 1) % scale.therapists) + 1;
    const mint = async (email: string) => (await mintSession({ client: db, email, secret })).cookie;
    const cookies = {
      therapist: await mint('t1-b@bench.example'),
      admin: await mint('admin-bench-b-1@bench.example'),
      chart: await mint(`t${chartTherapistN}-b@bench.example`),
      today: await mint('p2-b@bench.example'),
      poster: await mint('p3-b@bench.example'),
    };
    const poster = await idOf('p3-b@bench.example');
    const item = (
      await db.query<{ id: string }>(
        `select it.id from plans pl join plan_revisions r on r.plan_id = pl.id and r.revision = pl.current_revision
           join plan_items it on it.revision_id = r.id where pl.patient_id = $1 and pl.status = 'active' order by it.position limit 1`,
        [poster],
      )
    ).rows[0];
    if (!item) throw new Error('the posting patient has no active plan item');
    const sentClientIds = new Set<string>();
    const logBody = () => {
      const clientId = randomUUID();
      sentClientIds.add(clientId);
      return JSON.stringify({ clientId, planItemId: item.id, setsDone: 2, painBefore: 4, painAfter: 3 });
    };
    const perTherapist = Math.round(scale.patients / scale.therapists);
    const perClinic = Math.round(scale.patients / scale.clinics);
    const endpoints: Endpoint[] = [
      { key: 'caseload', label: `Caseload roster page (therapist, ${perTherapist} patients)`, method: 'GET', path: '/caseload', cookie: cookies.therapist, load: true, page: true },
      { key: 'caseload-admin', label: `Caseload roster page (admin, ${perClinic} patients)`, method: 'GET', path: '/caseload', cookie: cookies.admin, load: true, page: true },
      { key: 'series', label: 'Chart series API, 30 days', method: 'GET', path: `/api/patients/${chartPatient}/series?range=30`, cookie: cookies.chart, load: true, page: false },
      { key: 'series-90', label: 'Chart series API, 90 days', method: 'GET', path: `/api/patients/${chartPatient}/series?range=90`, cookie: cookies.chart, load: false, page: false },
      { key: 'series-all', label: 'Chart series API, all', method: 'GET', path: `/api/patients/${chartPatient}/series?range=all`, cookie: cookies.chart, load: false, page: false },
      { key: 'today', label: 'Today page (patient)', method: 'GET', path: '/today', cookie: cookies.today, load: true, page: true },
      { key: 'log', label: 'POST a session log', method: 'POST', path: '/api/session-logs', cookie: cookies.poster, body: logBody, load: true, page: false },
    ];

    // 3. Build if needed, then capture every statement each endpoint sends.
    if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) {
      say('no production build (.next/BUILD_ID): running next build');
      const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
      if (build.status !== 0) throw new Error('next build failed');
    }
    const captureFile = path.join(outDir, 'captured-sql.jsonl');
    const serverLog = path.join(outDir, 'server.log');
    await assertPortFree(APP_PORT);
    app = startApp(dbUrl.toString(), secret, serverLog, captureFile);
    await waitForHttp(`${ORIGIN}/api/health`, app, 60_000);
    const captured = new Map<string, Statement[]>();
    const cacheControl = new Map<string, string | null>();
    let offset = readNewLines(captureFile, 0).size;
    for (const e of endpoints) {
      // Sessions are touched at most once a minute: age them so the touch (an UPDATE) is captured too.
      await db.query(`update auth_sessions set last_seen_at = now() - interval '2 minutes'`);
      offset = readNewLines(captureFile, offset).size;
      const response = await request(e);
      await response.arrayBuffer();
      if (response.status < 200 || response.status > 299) throw new Error(`${e.method} ${e.path} (${e.key}) answered ${response.status}: is the session cookie accepted?`);
      cacheControl.set(e.key, response.headers.get('cache-control'));
      await sleep(100);
      const { lines, size } = readNewLines(captureFile, offset);
      offset = size;
      const byKey = new Map<string, Statement>();
      for (const l of lines) {
        const key = `${l.name ?? ''}\u0000${l.text}`;
        const seen = byKey.get(key);
        if (seen) seen.count++;
        else {
          const fresh = l.values.flatMap((v, i) => (typeof v === 'string' && sentClientIds.has(v) ? [i] : []));
          byKey.set(key, { ...l, key, label: labelOf(l.text), count: 1, ...(fresh.length ? { fresh } : {}) });
        }
      }
      captured.set(e.key, [...byKey.values()]);
      say(`  ${e.key}: ${response.status}, ${lines.length} statements (${byKey.size} distinct)`);
    }
    await stopProcess(app);
    app = null;

    // 4. EXPLAIN every explainable statement; 5a. the SQL floor.
    await db.query(`vacuum analyze auth_sessions, audit_events`);
    const timer = new pg.Client({ connectionString: dbUrl.toString() });
    await timer.connect();
    await timer.query('set jit = off');
    const isLocal = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(serverUrl.hostname) && process.platform === 'linux';
    const backendPid = isLocal ? ((await timer.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? null) : null;
    const results: EndpointResult[] = [];
    const violations: string[] = [];
    try {
      for (const e of endpoints) {
        const statements: EndpointResult['statements'] = [];
        for (const s of captured.get(e.key) ?? []) {
          if (!EXPLAINABLE.test(s.text)) {
            statements.push({ key: s.key, label: s.text.replace(/\s+/g, ' ').trim().slice(0, 60), name: s.name, count: s.count, text: s.text, explain: [], timing: null });
            continue;
          }
          const plans = await explain(db, s);
          for (const p of plans) for (const t of p.seqScans) violations.push(`${e.key}: ${s.label} (${p.plan} plan) reads ${t} with a Seq Scan`);
          const timing = await timeStatement(timer, backendPid, s, scale.runs, 4000);
          statements.push({ key: s.key, label: s.label, name: s.name, count: s.count, text: s.text, explain: plans, timing });
        }
        const sqlFloorMs = round(statements.reduce((n, s) => n + (s.timing ? s.timing.p50 * s.count : 0), 0), 2);
        results.push({ key: e.key, label: e.label, method: e.method, path: e.path.replace(chartPatient, ':patientId'), statements, sqlFloorMs, load: null, cacheControl: cacheControl.get(e.key) ?? null });
        say(`  ${e.key}: ${statements.filter((s) => s.timing).length} statements explained and timed; SQL floor ${sqlFloorMs} ms`);
      }
    } finally {
      await timer.end();
    }

    // 5b. The HTTP floor, then the app under load (restarted without the recorder).
    await assertPortFree(FLOOR_PORT);
    floor = startProcess(process.execPath, [path.join(ROOT, 'scripts/bench/hello-server.mjs'), String(FLOOR_PORT)], process.env, path.join(outDir, 'floor-server.log'));
    await waitForHttp(`http://127.0.0.1:${FLOOR_PORT}/`, floor, 10_000);
    await load(`http://127.0.0.1:${FLOOR_PORT}/`, { connections: args.connections, seconds: scale.warmup });
    const bare = await load(`http://127.0.0.1:${FLOOR_PORT}/`, { connections: args.connections, seconds });
    await stopProcess(floor);
    floor = null;
    say(`  bare node:http: ${bare.rps} req/s, p50 ${bare.p50} ms`);

    await assertPortFree(APP_PORT);
    app = startApp(dbUrl.toString(), secret, serverLog);
    await waitForHttp(`${ORIGIN}/api/health`, app, 60_000);
    const logsBefore = Number((await db.query<{ n: string }>('select count(*)::text as n from session_logs where patient_id = $1', [poster])).rows[0]?.n ?? 0);
    let created = 0;
    for (const e of endpoints.filter((x) => x.load)) {
      const options = {
        connections: args.connections,
        method: e.method,
        headers: { cookie: e.cookie, ...(e.method === 'POST' ? { origin: ORIGIN, 'content-type': 'application/json' } : {}) },
        body: e.body,
      };
      const warm = await load(`${ORIGIN}${e.path}`, { ...options, seconds: scale.warmup });
      const measured = await load(`${ORIGIN}${e.path}`, { ...options, seconds });
      if (e.method === 'POST') created += (warm.statuses['201'] ?? 0) + (measured.statuses['201'] ?? 0);
      const result = results.find((r) => r.key === e.key);
      if (result) result.load = measured;
      if (warm.non2xx + measured.non2xx + warm.errors + measured.errors > 0) {
        failed = true;
        say(`  ${e.key}: FAILED requests: ${JSON.stringify(measured.statuses)}, ${measured.errors} connection errors`);
      }
      say(`  ${e.key}: p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.rps} req/s`);
    }
    const logsAfter = Number((await db.query<{ n: string }>('select count(*)::text as n from session_logs where patient_id = $1', [poster])).rows[0]?.n ?? 0);
    // Every acknowledged (201) log is stored; a request still in flight when autocannon stopped may add one more.
    const writesKept = logsAfter - logsBefore >= created;
    if (!writesKept) failed = true;
    await stopProcess(app);
    app = null;

    // 6. Targets and the report.
    const p50Of = (key: string, label: string) => results.find((r) => r.key === key)?.statements.find((s) => s.label === label)?.timing ?? null;
    const rosterT = p50Of('caseload', 'roster');
    const chartTimings = ['series', 'series-90', 'series-all'].flatMap((k) => [
      { what: `series statement, ${k === 'series' ? '30 days' : k === 'series-90' ? '90 days' : 'all'}`, t: p50Of(k, 'series') },
      ...(k === 'series' ? [{ what: 'roster numbers of the one patient', t: p50Of(k, 'roster') }] : []),
    ]);
    const explained = results.reduce((n, r) => n + r.statements.filter((s) => s.explain.length).length, 0);
    const pages = results.filter((r) => endpoints.find((e) => e.key === r.key)?.page);
    const perRequest = pages.every((r) => /no-store/.test(r.cacheControl ?? '') && !/public|s-maxage/.test(r.cacheControl ?? ''));
    const targets = [
      {
        target: `Caseload roster query ≤ ${ROSTER_TARGET_MS} ms (therapist, ${perTherapist} patients; ${counts.session_logs.toLocaleString('en-US')} logs)`,
        measured: rosterT ? `p50 ${rosterT.p50} ms (p95 ${rosterT.p95}; backend CPU ${rosterT.cpuMs ?? '–'})` : 'not measured',
        holds: rosterT !== null && rosterT.p50 <= ROSTER_TARGET_MS,
        holdsOnCpu: rosterT?.cpuMs != null ? rosterT.cpuMs <= ROSTER_TARGET_MS : null,
      },
      ...chartTimings.map(({ what, t }) => ({
        target: `Per-patient chart query ≤ ${CHART_TARGET_MS} ms: ${what}`,
        measured: t ? `p50 ${t.p50} ms (p95 ${t.p95}; backend CPU ${t.cpuMs ?? '–'})` : 'not measured',
        holds: t !== null && t.p50 <= CHART_TARGET_MS,
        holdsOnCpu: t?.cpuMs != null ? t.cpuMs <= CHART_TARGET_MS : null,
      })),
      { target: 'No Seq Scan on session_logs, pain_check_ins or audit_events in any plan (custom and generic)', measured: `${explained} statements; ${violations.length} full scans`, holds: violations.length === 0 },
      { target: 'Signed-in pages rendered per request, never cached publicly', measured: pages.map((r) => `${r.path}: ${r.cacheControl ?? 'no Cache-Control'}`).join('; '), holds: perRequest },
      { target: 'Every request answered 2xx; every acknowledged log stored', measured: `${created} logs acknowledged (201), ${logsAfter - logsBefore} stored`, holds: !failed && writesKept },
    ];
    if (violations.length > 0) failed = true;
    const report = {
      scale: args.scale,
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      totalSeconds: round((performance.now() - started) / 1000, 1),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, postgres: (await db.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]?.v ?? '', loadAverage: os.loadavg().map((x) => round(x, 2)) },
      data: { ...scale, counts, generationSeconds },
      load: { connections: args.connections, seconds, warmupSeconds: scale.warmup },
      bare,
      endpoints: results,
      violations,
      targets,
    };
    const markdown = toMarkdown(report);
    writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(outDir, 'results.md'), markdown);
    writeFileSync(path.join(args.out, `latest-${args.scale}.md`), markdown);
    writeFileSync(path.join(args.out, `latest-${args.scale}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.info(`\n${markdown}`);
    say(`written to ${path.relative(ROOT, outDir)}/results.{json,md} in ${report.totalSeconds} s`);
    for (const v of violations) console.error(`[bench] full scan: ${v}`);
    return failed ? 1 : 0;
  } finally {
    if (app) await stopProcess(app);
    if (floor) await stopProcess(floor);
    await db.end().catch(() => {});
    if (args.keep) say(`kept database ${dbName} (${dbUrl.toString().replace(/\/\/[^@]*@/, '//')})`);
    else await dropDatabase(adminUrl.toString(), dbName);
  }
}

type Report = {
  scale: string;
  totalSeconds: number;
  machine: { cpus: number; cpu: string; memoryGb: number; node: string; postgres: string; loadAverage: number[] };
  data: Scale & { counts: Record<string, number>; generationSeconds: number };
  load: { connections: number; seconds: number; warmupSeconds: number };
  bare: Load;
  endpoints: EndpointResult[];
  violations: string[];
  targets: { target: string; measured: string; holds: boolean; holdsOnCpu?: boolean | null }[];
};

function toMarkdown(r: Report): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const lines: string[] = [];
  lines.push(`## Benchmark, scale ${r.scale}`, '');
  lines.push(
    `Data: ${n(r.data.counts.clinics ?? 0)} clinics, ${n(r.data.counts.therapists ?? 0)} therapists, ${n(r.data.counts.patients ?? 0)} patients, ${r.data.days} days: ` +
      `${n(r.data.counts.session_logs ?? 0)} session logs, ${n(r.data.counts.pain_check_ins ?? 0)} check-ins, ${n(r.data.counts.plans ?? 0)} plans; generated in ${r.data.generationSeconds} s (set-based SQL).`,
  );
  lines.push(
    `Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; load average at the end ${r.machine.loadAverage.join(' / ')}. ` +
      `autocannon on loopback, ${r.load.connections} connections, ${r.load.seconds} s per endpoint after ${r.load.warmupSeconds} s of warm-up; production build (\`next start\`). Whole run ${r.totalSeconds} s.`,
    '',
  );
  lines.push('### Endpoints', '');
  lines.push(row(['endpoint', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'SQL floor ms', 'p50 ÷ SQL floor', 'req/s ÷ bare node']));
  lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  lines.push(row(['bare `node:http` (floor)', r.bare.p50, r.bare.p95, r.bare.p99, r.bare.rps, '', '', '1']));
  for (const e of r.endpoints) {
    const l = e.load;
    const ratio = l && e.sqlFloorMs > 0 ? `${round(l.p50 / e.sqlFloorMs, 1)}×` : '';
    const share = l ? `${round((l.rps / r.bare.rps) * 100, 2)} %` : '';
    lines.push(row([`${e.method} ${e.path}: ${e.label}`, l?.p50 ?? '–', l?.p95 ?? '–', l?.p99 ?? '–', l?.rps ?? '–', e.sqlFloorMs, ratio, share]));
  }
  lines.push(
    '',
    'SQL floor: the sum over the statements the endpoint sends (captured from the running app) of each one\'s median time run directly with `pg`, same text and parameters, prepared where the app prepares it. – : EXPLAINed and timed, not load-tested.',
    '',
  );
  lines.push('### Statements', '');
  lines.push('Each statement as the app sent it, run directly with `pg` (p50/p95 of wall time; backend CPU: the mean CPU time the PostgreSQL backend spent per run, read from /proc, which other load on the machine does not inflate). EXPLAIN (ANALYZE, BUFFERS): the custom plan, and for prepared statements also the generic plan the app runs them with (lib/dal/metrics-settings.ts).', '');
  lines.push(row(['endpoint', 'statement', '× per request', 'p50 ms', 'p95 ms', 'backend CPU ms', 'EXPLAIN ANALYZE ms', 'buffers hit/read', 'big tables read by']));
  lines.push(row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
  for (const e of r.endpoints) {
    for (const s of e.statements) {
      if (!s.timing) continue;
      const custom = s.explain[0];
      const access = [...new Set(s.explain.flatMap((p) => p.bigTables))].join('; ') || '–';
      lines.push(
        row([
          e.key,
          `${s.label}${s.name ? ' (prepared)' : ''}`,
          s.count,
          s.timing.p50,
          s.timing.p95,
          s.timing.cpuMs ?? '–',
          s.explain.map((p) => `${p.executionMs}${s.explain.length > 1 ? ` ${p.plan}` : ''}`).join(' / '),
          custom ? `${custom.sharedHit}/${custom.sharedRead}` : '',
          access.replace(/\|/g, '\\|'),
        ]),
      );
    }
  }
  lines.push('');
  lines.push('### Targets', '');
  lines.push(row(['target', 'measured', 'holds (wall p50)', 'holds (backend CPU)']));
  lines.push(row(['---', '---', '---', '---']));
  const yes = (v: boolean | null | undefined) => (v === undefined || v === null ? '' : v ? 'yes' : '**no**');
  for (const t of r.targets) lines.push(row([t.target, t.measured.replace(/\|/g, '\\|'), yes(t.holds), yes(t.holdsOnCpu)]));
  lines.push(
    '',
    'Wall p50 is what a request waits on this machine as it was during the run (see the load average above: other work shares its 2 CPUs); backend CPU is the work the query itself costs, the figure to compare across runs.',
  );
  lines.push('');
  if (r.violations.length) lines.push('Full scans:', '', ...r.violations.map((v) => `- ${v}`), '');
  return `${lines.join('\n')}\n`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const child of children) child.kill('SIGTERM');
    process.exit(1);
  },
);
