import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The probe gives up after this long, so it answers within 2 s even if the database hangs. */
const PROBE_TIMEOUT_MS = 1_500;

/** Readiness: 200 when the database answers, 503 with Retry-After when it does not. */
export async function GET(): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('health probe timed out')), PROBE_TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: 'ok', database: 'up' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json(
      { status: 'unavailable', database: 'down' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
    );
  } finally {
    clearTimeout(timer);
  }
}
