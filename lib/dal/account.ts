import 'server-only';
import { and, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, authSessions, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Viewer } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/http';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validation/account';
import { actorOf, recordAudit } from './audit';
import { IDLE_TIMEOUT_MINUTES } from './sessions';

export type SessionTimes = { idleExpiresAt: string; absoluteExpiresAt: string };

/**
 * When the viewer's session ends unless there is activity (last_seen_at + 30 minutes) and at the
 * latest (expires_at, 12 hours after sign-in). Both come from the database clock; call it after
 * resolveSession, which has just touched last_seen_at if it was over a minute old.
 */
export async function getSessionTimes(viewer: Viewer): Promise<SessionTimes | null> {
  const [row] = await getDb()
    .select({ lastSeenAt: authSessions.lastSeenAt, expiresAt: authSessions.expiresAt })
    .from(authSessions)
    .where(and(eq(authSessions.id, viewer.sessionId), eq(authSessions.userId, viewer.userId), isNull(authSessions.revokedAt)))
    .limit(1);
  if (!row) return null;
  return {
    idleExpiresAt: new Date(row.lastSeenAt.getTime() + IDLE_TIMEOUT_MINUTES * 60_000).toISOString(),
    absoluteExpiresAt: row.expiresAt.toISOString(),
  };
}

/** Wrong current passwords allowed per person in the window before password changes pause. */
export const PASSWORD_CHANGE_MAX_FAILURES = 5;
export const PASSWORD_CHANGE_WINDOW_MINUTES = 15;
const WRONG_CURRENT = 'That is not your current password.';

/**
 * The viewer changes their own password: the current one must verify (argon2), the new one
 * follows the shared rules and differs from it. In one transaction: the hash is replaced, every
 * OTHER session of the person is revoked ('password_changed'; this one stays signed in) and
 * `auth.password_changed` is audited with a count, never a password or hash. A wrong current
 * password changes nothing, is audited as denied, and after 5 of them in 15 minutes further
 * tries are refused (429) so a borrowed session cannot be used to guess the password.
 */
export async function changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<{ ok: true; revokedSessions: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const newHash = await hashPassword(newPassword);
  const actor = actorOf(viewer);
  const outcome = await getDb().transaction(async (tx) => {
    // Locks the person's row: two concurrent changes cannot both verify the old password.
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.userId)).for('update');
    if (!user) return 'gone' as const;
    const [recent] = await tx
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorUserId, viewer.userId),
          eq(auditEvents.action, 'auth.password_changed'),
          eq(auditEvents.outcome, 'denied'),
          gt(auditEvents.at, sql`now() - make_interval(mins => ${PASSWORD_CHANGE_WINDOW_MINUTES})`),
        ),
      );
    if ((recent?.n ?? 0) >= PASSWORD_CHANGE_MAX_FAILURES) return 'paused' as const;
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      await recordAudit(tx, actor, { action: 'auth.password_changed', outcome: 'denied', detail: { reason: 'wrong_current_password' } });
      return 'wrong' as const;
    }
    await tx.update(users).set({ passwordHash: newHash, updatedAt: sql`now()` }).where(eq(users.id, viewer.userId));
    const revoked = await tx
      .update(authSessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'password_changed' })
      .where(and(eq(authSessions.userId, viewer.userId), ne(authSessions.id, viewer.sessionId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    await recordAudit(tx, actor, { action: 'auth.password_changed', outcome: 'allowed', detail: { revokedSessions: revoked.length } });
    return { ok: true as const, revokedSessions: revoked.length };
  });
  if (outcome === 'gone') throw new AppError('unauthenticated', 'Please sign in again.');
  if (outcome === 'paused') throw new AppError('rate_limited', `Too many wrong current passwords. For your safety, try again in ${PASSWORD_CHANGE_WINDOW_MINUTES} minutes.`);
  if (outcome === 'wrong') throw new AppError('invalid_input', 'Some fields are not valid.', { currentPassword: [WRONG_CURRENT] });
  return outcome;
}
