// Runs once when the server starts. Node.js runtime only: drain on SIGTERM, then close the
// database pool and exit 0 (lib/graceful-shutdown.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installGracefulShutdown } = await import('./lib/graceful-shutdown');
    installGracefulShutdown();
  }
}
