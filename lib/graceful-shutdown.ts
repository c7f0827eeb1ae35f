import { writeSync } from 'node:fs';
import 'server-only';
import { closeDb } from '@/db/client';

// Graceful shutdown for `next start` (Node.js runtime; installed by instrumentation.ts).
//
// On SIGTERM/SIGINT, Next.js 16 itself stops accepting connections (server.close()), waits for
// the requests in flight and pending after() callbacks, then calls process.exit(143 / 130)
// (next/dist/server/lib/start-server.js). It never closes our PostgreSQL pool. This adds one
// step at that exit: close the pool (pg-pool waits for checked-out clients), then exit 0, since
// the shutdown completed cleanly. A shutdown still running after SHUTDOWN_DEADLINE_MS exits 1.

const SHUTDOWN_DEADLINE_MS = 25_000;
/** Exit codes Next.js uses after a completed drain: 128 + SIGTERM (15) and 128 + SIGINT (2). */
const DRAINED_EXIT_CODES = new Set([0, 128 + 15, 128 + 2]);

let installed = false;

export function installGracefulShutdown(): void {
  // With NEXT_MANUAL_SIG_HANDLE the operator owns the signals (and Next.js does not drain).
  if (installed || process.env.NEXT_MANUAL_SIG_HANDLE) return;
  installed = true;
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.info(`[shutdown] ${signal}: no new connections; finishing the requests in flight`);
    const exitNow = process.exit.bind(process);
    let exiting = false;
    const finish = (code: number): void => {
      if (exiting) return;
      exiting = true;
      closeDb()
        .then(() => writeSync(1, '[shutdown] database pool closed\n')) // synchronous: process.exit follows at once and would drop a piped console line
        .catch((error: unknown) => console.error(`[shutdown] closing the database pool failed: ${error instanceof Error ? error.name : 'unknown error'}`))
        .finally(() => exitNow(code));
    };
    // Next.js calls process.exit once the server has drained: close the pool first.
    process.exit = ((code?: number | string | null) => {
      const requested = Number(code ?? 0);
      finish(DRAINED_EXIT_CODES.has(requested) ? 0 : requested);
    }) as typeof process.exit;
    setTimeout(() => {
      console.error(`[shutdown] requests still running after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
      finish(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
  };

  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
