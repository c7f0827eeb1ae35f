#!/usr/bin/env node
// Usage: node scripts/with-db.mjs [--seed] [--fresh] [command args…]
//
// With DATABASE_URL set: migrate that database (and seed it with --seed), then run the command.
// Without it: start the embedded PostgreSQL in .data/pg (LIMBER_DATA_DIR) on port 54329
// (LIMBER_PG_PORT), migrate, seed the demo clinic, run the command, and stop the database
// when the command exits or on Ctrl-C / SIGTERM, after the command has finished.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrateDatabase, startEmbedded } from './embedded-db.mjs';

const argv = process.argv.slice(2);
const flags = new Set();
while (argv[0]?.startsWith('--')) flags.add(argv.shift());
const [command, ...args] = argv;

const say = (line) => process.stdout.write(`[limber] ${line}\n`);
const fail = (line) => {
  process.stderr.write(`[limber] ${line}\n`);
  process.exit(1);
};

let database;
let child;
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (database) await database.stop();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // Let the app finish in-flight requests first; the database stops after it exits.
    if (child && child.exitCode === null) child.kill(signal);
    else void shutdown(130);
  });
}

const embedded = !process.env.DATABASE_URL;
if (embedded) {
  const dataDir = process.env.LIMBER_DATA_DIR ?? '.data/pg';
  const port = Number(process.env.LIMBER_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1024 || port > 65535 || port === 5432) {
    fail(`LIMBER_PG_PORT must be a free port between 1024 and 65535 other than 5432 (got ${process.env.LIMBER_PG_PORT}).`);
  }
  say(`starting the embedded PostgreSQL (${dataDir}, 127.0.0.1:${port})…`);
  const started = Date.now();
  try {
    database = await startEmbedded({ dataDir, port, fresh: flags.has('--fresh') });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  say(`database ready in ${Date.now() - started} ms`);
  process.env.DATABASE_URL = database.url;
  process.env.LIMBER_EMBEDDED_DB = '1';
  if (!process.env.AUTH_SECRET) process.env.AUTH_SECRET = localDemoSecret(path.dirname(path.resolve(dataDir)));
}

try {
  await migrateDatabase(process.env.DATABASE_URL);
  say('migrations applied');
} catch (error) {
  process.stderr.write(`[limber] migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
}

// The built-in library (articles, exercises, templates) is product content, not demo data: every start syncs it.
const synced = spawnSync(process.execPath, ['--import', 'tsx', 'db/sync-content.ts'], { stdio: 'inherit', env: process.env });
if (synced.status !== 0) {
  process.stderr.write('[limber] syncing the built-in library failed (see above)\n');
  await shutdown(1);
}

if (embedded || flags.has('--seed')) {
  if (process.env.NODE_ENV === 'production') {
    if (flags.has('--seed')) process.stderr.write('[limber] not seeding: NODE_ENV=production (demo data never goes into production)\n');
  } else {
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'db/seed.ts'], { stdio: 'inherit', env: process.env });
    if (seeded.status !== 0) {
      process.stderr.write('[limber] seeding failed (see above)\n');
      await shutdown(1);
    }
  }
}

if (!command) {
  await shutdown(0);
} else {
  const bin = path.resolve('node_modules/.bin');
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
  child = spawn(command, args, { stdio: 'inherit', env, shell: false });
  child.on('error', (error) => {
    process.stderr.write(`[limber] could not run ${command}: ${error.message}\n`);
    void shutdown(1);
  });
  child.on('exit', (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
}

/** Embedded demo only: a random AUTH_SECRET kept in .data/auth-secret so sign-ins survive restarts. */
function localDemoSecret(dir) {
  const file = path.join(dir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
