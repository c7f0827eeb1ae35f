// A throwaway cluster of the system's PostgreSQL (initdb + pg_ctl), on loopback only, that the
// fault test can stop and start again. When running as root the server runs as the `postgres`
// OS user (PostgreSQL refuses to run as root).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type Cluster = {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  urlFor: (database: string) => string;
  /** pg_ctl stop/start, without blocking the event loop (the load keeps running meanwhile). */
  stop: (mode?: 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  /** pg_isready: the server accepts connections. */
  isReady: () => Promise<boolean>;
  /** Stops the server (if running) and deletes its files. Safe to call twice. */
  destroy: () => void;
  logFile: string;
};

/** The directory holding initdb/pg_ctl: FAULTS_PG_BIN, else one on PATH, else Debian's newest /usr/lib/postgresql/<n>/bin. */
export function findPostgresBin(): string {
  if (process.env.FAULTS_PG_BIN) return process.env.FAULTS_PG_BIN;
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  // Resolved: a pg_ctl on PATH is often a symlink into the directory that also holds pg_isready.
  if (onPath.status === 0 && onPath.stdout.trim()) return path.dirname(realpathSync(onPath.stdout.trim()));
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => existsSync(path.join(debian, name, 'bin', 'pg_ctl')))
        .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))
    : [];
  const newest = versions.at(-1);
  if (!newest) throw new Error('No PostgreSQL server binaries found (set FAULTS_PG_BIN to the directory holding initdb and pg_ctl).');
  return path.join(debian, newest, 'bin');
}

export function createCluster(port: number): Cluster {
  const bin = findPostgresBin();
  const root = mkdtempSync(path.join(tmpdir(), 'limber-faults-'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres', root]);

  const argvFor = (program: string, args: string[]): [string, string[]] => {
    const file = path.join(bin, program);
    return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  };
  const runAsync = (program: string, args: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const [command, argv] = argvFor(program, args);
      execFile(command, argv, { cwd: root }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${program} failed: ${(stderr || stdout || error.message).trim()}`));
        else resolve();
      });
    });

  /** Runs a PostgreSQL program (as the postgres user when we are root); throws with its output on failure. */
  const run = (program: string, args: string[], options: { allowFailure?: boolean } = {}): number => {
    const [command, argv] = argvFor(program, args);
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: root });
    if (result.status !== 0 && !options.allowFailure) {
      throw new Error(`${program} failed (exit ${result.status}): ${(result.stderr || result.stdout || '').trim()}`);
    }
    return result.status ?? 1;
  };

  // -k: the Unix socket lives in our own directory, so nothing collides with a system server.
  const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c max_connections=50`;
  let destroyed = false;
  const logTail = (): string => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '(no log written)';
    }
  };
  const cluster: Cluster = {
    port,
    logFile,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    // One retry, announced: a start that fails on this shared machine for a reason outside the test
    // (seen once in CI) must not pass silently, nor hide why. The server log's tail goes with it.
    start: async () => {
      const attempt = () => runAsync('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', logFile, '-w', '-t', '30', 'start']);
      try {
        await attempt();
      } catch (error) {
        process.stdout.write(`[faults] pg_ctl start failed once; PostgreSQL log:\n${logTail()}\n[faults] retrying the start\n`);
        await new Promise((r) => setTimeout(r, 1000));
        await attempt().catch((again: unknown) => {
          throw new Error(`${again instanceof Error ? again.message : String(again)}\nPostgreSQL log:\n${logTail()}`, { cause: error });
        });
      }
    },
    stop: (mode = 'fast') => runAsync('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']),
    isReady: () =>
      new Promise((resolve) => {
        execFile(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-t', '1'], (error) => resolve(!error));
      }),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      if (existsSync(path.join(dataDir, 'postmaster.pid'))) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', 'stop'], { allowFailure: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
