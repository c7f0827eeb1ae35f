import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Readiness: 200 when the database answers, 503 with Retry-After when it does not. */
export async function GET(): Promise<Response> {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: 'ok', database: 'up' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '2' } });
  }
}
