import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db/client';
import { authSessions, users } from '@/db/schema';
import type { RequestSource, Viewer } from '@/lib/auth/types';
import { recordAudit } from './audit';

/** Idle sign-out after 30 minutes without a request; the absolute limit (12 h) is the row's expires_at. */
export const IDLE_TIMEOUT_MINUTES = 30;
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_AFTER_SECONDS = 60;

export type RevokeReason = 'sign_out' | 'disabled' | 'password_changed' | 'idle' | 'expired' | 'admin';

export async function createAuthSession(userId: string, clinicId: string, source: RequestSource, q: Queryable = getDb()): Promise<string> {
  const [row] = await q
    .insert(authSessions)
    .values({ userId, clinicId, sourceIp: source.ip })
    .returning({ id: authSessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

/**
 * The viewer for a session id, or null when the session is unknown, revoked, idle for more than
 * 30 minutes, past its 12-hour limit, or its user is disabled. All clocks are the database's.
 */
export async function resolveSession(sessionId: string, source: RequestSource): Promise<Viewer | null> {
  const db = getDb();
  const [row] = await db
    .select({
      userId: users.id,
      role: users.role,
      clinicId: users.clinicId,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      revokedAt: authSessions.revokedAt,
      isExpired: sql<boolean>`${authSessions.expiresAt} <= now()`,
      isIdle: sql<boolean>`${authSessions.lastSeenAt} <= now() - make_interval(mins => ${IDLE_TIMEOUT_MINUTES})`,
      needsTouch: sql<boolean>`${authSessions.lastSeenAt} <= now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row || row.revokedAt) return null;
  if (row.disabledAt || row.isExpired || row.isIdle) {
    await revokeAuthSession(sessionId, row.disabledAt ? 'disabled' : row.isExpired ? 'expired' : 'idle');
    return null;
  }
  if (row.needsTouch) {
    await db.update(authSessions).set({ lastSeenAt: sql`now()` }).where(eq(authSessions.id, sessionId));
  }
  return { userId: row.userId, role: row.role, clinicId: row.clinicId, name: row.name, email: row.email, sessionId, source };
}

export async function revokeAuthSession(sessionId: string, reason: RevokeReason): Promise<void> {
  await getDb()
    .update(authSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Signs the viewer out: the session row is revoked, so the JWT is useless from the next request on. */
export async function signOutViewer(viewer: Viewer): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .update(authSessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'sign_out' })
      .where(and(eq(authSessions.id, viewer.sessionId), isNull(authSessions.revokedAt)));
    await recordAudit(tx, { userId: viewer.userId, role: viewer.role, clinicId: viewer.clinicId, source: viewer.source }, { action: 'auth.sign_out', outcome: 'allowed' });
  });
}
