// Fault test (design.md "Writes survive"): the production build against a real PostgreSQL server
// of this machine, under a bounded load of session logs, with the database stopped for 5 s and
// started again, then a duplicate-retry burst and a SIGTERM drain.
//
//   npm run test:faults          (FAULTS_PORT=3310, FAULTS_PG_PORT=54410; FAULTS_PG_BIN=<dir of pg_ctl>)
//
// Checks: the app never exits; every response is 2xx, or 503 with Retry-After; no response takes
// more than 2 s; /api/health is 503 while the database is down and 200 after; the first log
// succeeds within 2 s of PostgreSQL accepting connections again; every acknowledged log is in
// session_logs exactly once; 10 concurrent copies of one log leave one row; requests in flight
// when SIGTERM arrives complete, new connections are refused, the process exits 0 with its pool
// closed. Prints a table of figures; exits 1 if any check fails. Everything it starts (the
// cluster in a temp folder, the app) is stopped and removed on exit, failure or Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_ACCOUNTS } from '../../db/demo-accounts';
import { mintSession } from '../lib/session-cookie';
import { createCluster, type Cluster } from './postgres';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function portFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1024 || value > 65535) throw new Error(`${name} must be a port number from 1024 to 65535`);
  return value;
}
const APP_PORT = portFrom('FAULTS_PORT', 3310);
const PG_PORT = portFrom('FAULTS_PG_PORT', 54410);
const BASE = `http://127.0.0.1:${APP_PORT}`;

// The scenario's numbers (design.md: 5 s outage, recovery and answers within 2 s).
const CLIENTS = 6;
const LOAD_BEFORE_OUTAGE_MS = 4_000;
const OUTAGE_MS = 5_000;
const LOAD_AFTER_RECOVERY_MS = 5_000;
const THINK_MS = 40;
const RETRY_PAUSE_MS = 100;
const REQUEST_TIMEOUT_MS = 5_000;
const LATENCY_LIMIT_MS = 2_000;
const RECOVERY_LIMIT_MS = 2_000;
const HEALTH_EVERY_MS = 200;
const BURST = 10;
const IN_FLIGHT = 4;
const EXIT_LIMIT_MS = 10_000;
/** Put in every logged note: it must never appear in the app's output (no PHI in logs). */
const NOTE_MARKER = 'fault-test private note';

const t0 = performance.now();
const now = () => performance.now() - t0;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const say = (line: string) => console.info(`[faults] ${line}`);

// ---------------------------------------------------------------------------------------------
// Everything started here is stopped on every way out.

let cluster: Cluster | undefined;
let app: ChildProcess | undefined;
const appOutput: string[] = [];

function killAppNow(): void {
  if (app?.pid && app.exitCode === null && app.signalCode === null) {
    try {
      process.kill(app.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
function cleanupNow(): void {
  killAppNow();
  cluster?.destroy();
}
process.on('exit', cleanupNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping everything this run started`);
    cleanupNow();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP with timings.

type Outcome = { start: number; end: number; ms: number; status: number | null; retryAfter: string | null; error: string | null; body: unknown };

async function timed(url: string, init: RequestInit = {}): Promise<Outcome> {
  const start = now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const end = now();
    return { start, end, ms: end - start, status: response.status, retryAfter: response.headers.get('retry-after'), error: null, body };
  } catch (error) {
    const end = now();
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.name : 'error';
    return { start, end, ms: end - start, status: null, retryAfter: null, error: code, body: null };
  }
}

type LogBody = { clientId: string; planItemId: string; setsDone: number; painBefore: number; painAfter: number; note: string };

let cookie = '';
const postLog = (body: LogBody) =>
  timed(`${BASE}/api/session-logs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE, cookie },
    body: JSON.stringify(body),
  });
const logIdOf = (outcome: Outcome): string | null => {
  const log = (outcome.body as { log?: { id?: unknown } } | null)?.log;
  return typeof log?.id === 'string' ? log.id : null;
};
const ok = (outcome: Outcome) => outcome.status === 200 || outcome.status === 201;

// ---------------------------------------------------------------------------------------------
// Checks and figures.

type Check = { name: string; pass: boolean; detail: string };
const checks: Check[] = [];
function check(name: string, pass: boolean, detail: string): void {
  checks.push({ name, pass, detail });
  say(`${pass ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
}
const figures: [string, string][] = [];
const figure = (name: string, value: string) => figures.push([name, value]);
const ms = (value: number) => `${Math.round(value)} ms`;

function report(): never {
  const width = Math.max(...figures.map(([name]) => name.length), 10);
  console.info('\nFigures');
  for (const [name, value] of figures) console.info(`  ${name.padEnd(width)}  ${value}`);
  console.info('\nChecks');
  for (const c of checks) console.info(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name} — ${c.detail}`);
  const failed = checks.filter((c) => !c.pass).length;
  if (failed > 0 || checks.length === 0) {
    console.info('\nLast lines of the app output:');
    for (const line of appOutput.slice(-25)) console.info(`  | ${line}`);
  }
  console.info(failed === 0 ? `\nAll ${checks.length} checks passed.` : `\n${failed} of ${checks.length} checks failed.`);
  process.exitCode = failed === 0 && checks.length > 0 ? 0 : 1;
  cleanupNow();
  process.exit();
}

// ---------------------------------------------------------------------------------------------
// Setup: database, build, app, session.

function runOrThrow(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** Whether something already accepts connections on the loopback port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function startApp(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  if (await portAnswers(APP_PORT)) throw new Error(`port ${APP_PORT} is already in use (set FAULTS_PORT to a free port)`);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(APP_PORT)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  app = child; // known to the cleanup from now on, also while it starts
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) appOutput.push(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} before answering`);
    const health = await timed(`${BASE}/api/health`);
    if (health.status === 200) return child;
    await sleep(250);
  }
  throw new Error('the app did not answer /api/health with 200 within 60 s');
}

async function main(): Promise<void> {
  say(`PostgreSQL on 127.0.0.1:${PG_PORT}, app on ${BASE}`);
  cluster = createCluster(PG_PORT);
  await cluster.start();
  const adminUrl = cluster.urlFor('postgres');
  const databaseUrl = cluster.urlFor('limber_faults');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('create database limber_faults');
  await admin.end();

  const secret = randomBytes(32).toString('base64url');
  // The app must handle signals itself (Next.js drains, lib/graceful-shutdown.ts closes the pool).
  const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: undefined };
  say('migrating and seeding (scripts/with-db.mjs --seed)…');
  runOrThrow(process.execPath, ['scripts/with-db.mjs', '--seed'], { ...base, NODE_ENV: 'development' }, 'migrate and seed');

  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) {
    say('no production build (.next/BUILD_ID): running next build…');
    runOrThrow(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { ...base, NODE_ENV: 'production' }, 'next build');
  }

  say('starting next start…');
  const appStarted = now();
  const child = await startApp({ ...base, NODE_ENV: 'production' });
  let appExit: { code: number | null; signal: NodeJS.Signals | null; at: number } | null = null;
  child.on('exit', (code, signal) => {
    appExit = { code, signal, at: now() };
  });
  figure('app ready after', ms(now() - appStarted));

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const items = await db.query<{ id: string }>(
    `select pi.id from plan_items pi join plans p on p.id = pi.plan_id join users u on u.id = p.patient_id
      where u.email = $1 and p.status <> 'archived' order by pi.position`,
    [DEMO_ACCOUNTS.patient.email],
  );
  await db.end();
  const planItemIds = items.rows.map((row) => row.id);
  if (planItemIds.length === 0) throw new Error('the demo patient has no plan items');
  const session = await mintSession({ databaseUrl, email: DEMO_ACCOUNTS.patient.email, secret });
  cookie = session.cookie;

  let serial = 0;
  const newLog = (): LogBody => {
    serial += 1;
    return {
      clientId: randomUUID(),
      planItemId: planItemIds[serial % planItemIds.length] as string,
      setsDone: 1 + (serial % 3),
      painBefore: serial % 11,
      painAfter: (serial + 3) % 11,
      note: `${NOTE_MARKER} ${serial}`,
    };
  };

  const smoke = await postLog(newLog());
  if (smoke.status !== 201) {
    throw new Error(`a session log with the minted session cookie answered ${smoke.status ?? smoke.error} (expected 201): ${JSON.stringify(smoke.body)}`);
  }
  say(`signed in as the demo patient (minted session), ${planItemIds.length} plan items; smoke log 201 in ${ms(smoke.ms)}`);

  // -------------------------------------------------------------------------------------------
  // Load with a 5-second outage.

  const logOutcomes: Outcome[] = [];
  const healthOutcomes: Outcome[] = [];
  const acknowledged = new Map<string, string>();
  const generated: string[] = [];
  const unexpected: Outcome[] = [];
  let loadRunning = true;
  let retryDeadline = Number.POSITIVE_INFINITY;

  const loadClient = async () => {
    while (loadRunning) {
      const body = newLog();
      generated.push(body.clientId);
      for (;;) {
        const outcome = await postLog(body);
        logOutcomes.push(outcome);
        if (ok(outcome)) {
          acknowledged.set(body.clientId, logIdOf(outcome) ?? '');
          break;
        }
        if (outcome.status !== null && outcome.status !== 503) {
          unexpected.push(outcome);
          break;
        }
        if (now() > retryDeadline) break;
        await sleep(RETRY_PAUSE_MS);
      }
      await sleep(THINK_MS);
    }
  };
  let healthRunning = true;
  const healthPoller = async () => {
    while (healthRunning) {
      healthOutcomes.push(await timed(`${BASE}/api/health`));
      await sleep(HEALTH_EVERY_MS);
    }
  };

  say(`load: ${CLIENTS} clients posting session logs; PostgreSQL stops after ${LOAD_BEFORE_OUTAGE_MS / 1000} s for ${OUTAGE_MS / 1000} s`);
  const loadStart = now();
  const clients = Array.from({ length: CLIENTS }, () => loadClient());
  const poller = healthPoller();
  await sleep(LOAD_BEFORE_OUTAGE_MS);
  const stopIssuedAt = now();
  await cluster.stop('fast');
  const stoppedAt = now();
  say(`PostgreSQL stopped (pg_ctl stop -m fast took ${ms(stoppedAt - stopIssuedAt)})`);
  await sleep(OUTAGE_MS - (now() - stoppedAt));
  const startIssuedAt = now();
  const starting = cluster.start();
  let readyAt = Number.NaN;
  while (now() - startIssuedAt < 30_000) {
    if (await cluster.isReady()) {
      readyAt = now();
      break;
    }
    await sleep(25);
  }
  await starting;
  say(`PostgreSQL accepting connections ${ms(readyAt - startIssuedAt)} after pg_ctl start`);
  await sleep(LOAD_AFTER_RECOVERY_MS);
  loadRunning = false;
  retryDeadline = now() + 10_000;
  await Promise.all(clients);
  healthRunning = false;
  await poller;
  const loadEnd = now();

  // Checks on the load.
  const outageEndsAt = Number.isNaN(readyAt) ? Number.POSITIVE_INFINITY : readyAt;
  const duringOutage = (o: Outcome) => o.end >= stopIssuedAt && o.start <= outageEndsAt;
  const all = [...logOutcomes, ...healthOutcomes];
  const answers503 = logOutcomes.filter((o) => o.status === 503);
  const bad = all.filter((o) => !(ok(o) || (o.status === 503 && o.retryAfter !== null && Number(o.retryAfter) > 0)));
  const outageLogs = logOutcomes.filter(duringOutage);
  const maxOutageLatency = Math.max(0, ...all.filter(duringOutage).map((o) => o.ms));
  const maxLatency = Math.max(0, ...all.map((o) => o.ms));
  const firstLogAfter = logOutcomes.filter((o) => ok(o) && o.end > startIssuedAt).sort((a, b) => a.end - b.end)[0];
  const logRecovery = firstLogAfter ? firstLogAfter.end - readyAt : Number.NaN;
  const healthDown = healthOutcomes.filter((o) => o.start >= stoppedAt && o.end <= startIssuedAt);
  const firstHealthUp = healthOutcomes.filter((o) => o.status === 200 && o.end > startIssuedAt).sort((a, b) => a.end - b.end)[0];
  const healthRecovery = firstHealthUp ? firstHealthUp.end - readyAt : Number.NaN;
  const lastHealth = healthOutcomes.at(-1);
  const unackedAtEnd = generated.filter((id) => !acknowledged.has(id));

  figure('load duration', ms(loadEnd - loadStart));
  figure('log requests sent', String(logOutcomes.length));
  figure('logs generated', String(generated.length));
  figure('logs acknowledged', String(acknowledged.size));
  figure('503 answers (logs)', String(answers503.length));
  figure('503 answers (health)', String(healthOutcomes.filter((o) => o.status === 503).length));
  figure('log requests during outage', String(outageLogs.length));
  figure('max latency during outage', ms(maxOutageLatency));
  figure('max latency overall', ms(maxLatency));
  const sorted = [...all].sort((a, b) => a.ms - b.ms);
  figure('median / p99 latency', `${ms(sorted[Math.floor(sorted.length / 2)]?.ms ?? 0)} / ${ms(sorted[Math.floor(sorted.length * 0.99)]?.ms ?? 0)}`);
  const slowest = sorted.slice(-3).reverse();
  figure('slowest answers', slowest.map((o) => `${o.status ?? o.error} ${ms(o.ms)} at stop${o.start >= stopIssuedAt ? '+' : '-'}${ms(Math.abs(o.start - stopIssuedAt))}`).join('; '));
  figure('pg_ctl stop -m fast took', ms(stoppedAt - stopIssuedAt));
  figure('database down (stopped → accepting)', ms(readyAt - stoppedAt));
  figure('first log after recovery', ms(logRecovery));
  figure('health 200 after recovery', ms(healthRecovery));

  check('the app stayed up through the outage', appExit === null && child.exitCode === null, appExit ? `exited: ${JSON.stringify(appExit)}` : 'still running');
  check(
    'every answer was 2xx, or 503 with Retry-After',
    bad.length === 0 && unexpected.length === 0,
    bad.length === 0 ? `${all.length} answers` : `${bad.length} others, e.g. ${bad.slice(0, 3).map((o) => o.status ?? o.error).join(', ')}`,
  );
  check('the outage was exercised (some 503s while PostgreSQL was down)', answers503.length > 0 && outageLogs.length > 0, `${answers503.length} log 503s, ${outageLogs.length} log requests in the outage`);
  check(`no answer took more than ${LATENCY_LIMIT_MS} ms`, maxLatency <= LATENCY_LIMIT_MS, `max ${ms(maxLatency)} (outage ${ms(maxOutageLatency)})`);
  check(
    '/api/health was 503 with Retry-After while PostgreSQL was down',
    healthDown.length > 0 && healthDown.every((o) => o.status === 503 && o.retryAfter !== null),
    `${healthDown.length} probes: ${[...new Set(healthDown.map((o) => o.status ?? o.error))].join(', ')}`,
  );
  check(
    `/api/health was 200 again within ${RECOVERY_LIMIT_MS} ms`,
    healthRecovery <= RECOVERY_LIMIT_MS && lastHealth?.status === 200,
    `${ms(healthRecovery)} after pg_isready; last probe ${lastHealth?.status ?? lastHealth?.error}`,
  );
  check(`a log succeeded within ${RECOVERY_LIMIT_MS} ms of PostgreSQL accepting connections`, logRecovery <= RECOVERY_LIMIT_MS, `${ms(logRecovery)} after pg_isready`);
  check('every generated log was acknowledged in the end', unackedAtEnd.length === 0, `${unackedAtEnd.length} not acknowledged`);

  // Every acknowledged log is stored exactly once, under the id the app answered with.
  const verify = new pg.Client({ connectionString: databaseUrl });
  await verify.connect();
  const stored = await verify.query<{ client_id: string; id: string }>('select client_id, id from session_logs where client_id = any($1::uuid[])', [generated]);
  const rowsByClient = new Map<string, string[]>();
  for (const row of stored.rows) rowsByClient.set(row.client_id, [...(rowsByClient.get(row.client_id) ?? []), row.id]);
  const missing = [...acknowledged.keys()].filter((id) => (rowsByClient.get(id)?.length ?? 0) === 0);
  const doubled = [...rowsByClient.values()].filter((ids) => ids.length > 1);
  const wrongId = [...acknowledged].filter(([clientId, logId]) => rowsByClient.get(clientId)?.[0] !== logId);
  figure('logs stored', String(stored.rowCount ?? 0));
  check('every acknowledged log is in session_logs exactly once, with the acknowledged id', missing.length === 0 && doubled.length === 0 && wrongId.length === 0, `${acknowledged.size} acknowledged, ${stored.rowCount} stored, ${missing.length} missing, ${doubled.length} doubled, ${wrongId.length} with another id`);

  // -------------------------------------------------------------------------------------------
  // Concurrent duplicates: one client id sent 10 times at once.

  const dup = newLog();
  const burst = await Promise.all(Array.from({ length: BURST }, () => postLog(dup)));
  const burstIds = new Set(burst.map(logIdOf));
  const created = burst.filter((o) => o.status === 201).length;
  const dupRows = await verify.query<{ n: string }>('select count(*) as n from session_logs where client_id = $1', [dup.clientId]);
  const dupCount = Number(dupRows.rows[0]?.n ?? 0);
  figure('duplicate burst', `${BURST} requests → ${burst.filter(ok).length} 2xx (${created} × 201), ${burstIds.size} log id, ${dupCount} row`);
  check(
    `${BURST} concurrent duplicates leave one row, all 2xx with one log id`,
    burst.every(ok) && burstIds.size === 1 && !burstIds.has(null) && created === 1 && dupCount === 1,
    `statuses ${burst.map((o) => o.status ?? o.error).join(',')}; rows ${dupCount}`,
  );

  // -------------------------------------------------------------------------------------------
  // SIGTERM with requests in flight: session_logs is locked so the inserts wait.

  check('the app was still running before SIGTERM', appExit === null && child.exitCode === null, appExit ? 'exited' : 'running');
  const locker = new pg.Client({ connectionString: databaseUrl });
  await locker.connect();
  await locker.query('begin');
  await locker.query('lock table session_logs in share row exclusive mode');
  const drainLogs = Array.from({ length: IN_FLIGHT }, () => newLog());
  const inFlight = drainLogs.map((body) => postLog(body));
  let waiting = 0;
  for (let i = 0; i < 100 && waiting < IN_FLIGHT; i += 1) {
    await sleep(50);
    const r = await verify.query<{ n: string }>(`select count(*) as n from pg_stat_activity where application_name = 'limber' and wait_event_type = 'Lock'`);
    waiting = Number(r.rows[0]?.n ?? 0);
  }
  say(`${waiting} requests waiting on the lock; sending SIGTERM to the app (pid ${child.pid})`);
  const sigtermAt = now();
  if (child.pid) process.kill(child.pid, 'SIGTERM');
  await sleep(300);
  const refused = await new Promise<string>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: APP_PORT });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, 1_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? 'error');
    });
  });
  await sleep(1_000 - (now() - sigtermAt));
  await locker.query('commit');
  const releasedAt = now();
  await locker.end();
  const drained = await Promise.all(inFlight);
  const exitDeadline = now() + EXIT_LIMIT_MS;
  while (appExit === null && now() < exitDeadline) await sleep(50);
  const exitInfo = appExit as { code: number | null; signal: NodeJS.Signals | null; at: number } | null;
  const drainRows = await verify.query<{ n: string }>('select count(*) as n from session_logs where client_id = any($1::uuid[])', [drainLogs.map((l) => l.clientId)]);
  await verify.end();
  const drainStored = Number(drainRows.rows[0]?.n ?? 0);
  const poolClosed = appOutput.some((line) => line.includes('[shutdown] database pool closed'));

  figure('SIGTERM: requests waiting on the lock', String(waiting));
  figure('SIGTERM: in-flight completed', `${drained.filter(ok).length}/${IN_FLIGHT} 2xx, ${drainStored} stored (answered ${ms(Math.max(...drained.map((o) => o.end)) - releasedAt)} after the lock was released)`);
  figure('SIGTERM: new connection', refused);
  figure('SIGTERM: exit', exitInfo ? `code ${exitInfo.code ?? exitInfo.signal} after ${ms(exitInfo.at - sigtermAt)}` : `still running after ${EXIT_LIMIT_MS} ms`);

  check('requests were in flight when SIGTERM arrived', waiting === IN_FLIGHT, `${waiting} of ${IN_FLIGHT} waiting on the lock`);
  check('in-flight requests completed with 2xx and were stored', drained.every(ok) && drainStored === IN_FLIGHT, `${drained.map((o) => o.status ?? o.error).join(',')}; ${drainStored} rows`);
  check('a new connection after SIGTERM is refused', refused === 'ECONNREFUSED', refused);
  check(`the app exited with code 0 within ${EXIT_LIMIT_MS / 1000} s of SIGTERM`, exitInfo?.code === 0, exitInfo ? `code ${exitInfo.code ?? exitInfo.signal} after ${ms(exitInfo.at - sigtermAt)}` : 'did not exit');
  check('the app closed its database pool before exiting', poolClosed, poolClosed ? 'logged "[shutdown] database pool closed"' : 'no pool-closed line in the app output');
  const leaked = appOutput.filter((line) => line.includes(NOTE_MARKER)).length;
  check('no note text reached the app output', leaked === 0, `${appOutput.length} lines, ${leaked} with note text`);
}

main()
  .then(() => report())
  .catch((error: unknown) => {
    check('the scenario ran to the end', false, error instanceof Error ? error.message : String(error));
    report();
  });
