import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, authSessions, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { createUser, createWorld, type World } from '@/db/test/fixtures';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { RequestSource, Viewer } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import { changePassword, getSessionTimes, PASSWORD_CHANGE_MAX_FAILURES } from './account';
import { createAuthSession, resolveSession } from './sessions';

const SOURCE: RequestSource = { ip: '198.51.100.4', requestId: 'req-account' };
const CURRENT = 'my current long password';
const NEXT = 'a brand new sentence to remember';

let world: World;
let currentHash: string;
beforeAll(async () => {
  world = await createWorld();
  currentHash = await hashPassword(CURRENT);
});

/** A person with a password, signed in on two devices: `viewer` (this one) and `otherSessionId`. */
async function personOnTwoDevices(role: Role = 'patient') {
  const user = await createUser(world.clinicA.id, role, { passwordHash: currentHash });
  const sessionId = await createAuthSession(user.id, user.clinicId, SOURCE);
  const otherSessionId = await createAuthSession(user.id, user.clinicId, SOURCE);
  const viewer = await resolveSession(sessionId, SOURCE);
  if (!viewer) throw new Error('expected a viewer');
  return { user, viewer, otherSessionId };
}

async function storedHash(userId: string) {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

async function auditRows(userId: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, 'auth.password_changed')));
}

/** The AppError a call failed with (the test fails if it did not fail). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Nothing about the account moved: same hash, both sessions still valid. */
async function expectUnchanged(viewer: Viewer, otherSessionId: string) {
  expect(await storedHash(viewer.userId)).toBe(currentHash);
  expect((await resolveSession(viewer.sessionId, SOURCE))?.userId).toBe(viewer.userId);
  expect((await resolveSession(otherSessionId, SOURCE))?.userId).toBe(viewer.userId);
}

describe('changePassword', () => {
  it('refuses a wrong current password with fields.currentPassword, changes nothing and audits the denial', async () => {
    const { viewer, otherSessionId } = await personOnTwoDevices();
    const error = await failure(changePassword(viewer, { currentPassword: 'not my password at all', newPassword: NEXT }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {})).toEqual(['currentPassword']);
    await expectUnchanged(viewer, otherSessionId);
    const audit = await auditRows(viewer.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'denied', detail: { reason: 'wrong_current_password' } });
  });

  it.each([
    ['too short (11 characters)', 'abcdefghijk', 'at least 12'],
    ['too long (129 characters)', 'x'.repeat(129), '128 characters or fewer'],
    ['on the common-password list', 'password1234', 'too common'],
    ['the same as the current one', CURRENT, 'different from your current'],
  ])('refuses a new password that is %s with fields.newPassword, changing nothing', async (_label, newPassword, message) => {
    const { viewer, otherSessionId } = await personOnTwoDevices();
    const error = await failure(changePassword(viewer, { currentPassword: CURRENT, newPassword }));
    expect(error.status).toBe(422);
    expect(error.fields?.newPassword?.join(' ')).toContain(message);
    expect(error.fields?.currentPassword).toBeUndefined();
    await expectUnchanged(viewer, otherSessionId);
    expect(await auditRows(viewer.userId)).toHaveLength(0);
  });

  it('on success: new hash, every other session revoked (password_changed), this one kept, audited without secrets', async () => {
    const { viewer, otherSessionId } = await personOnTwoDevices('therapist');
    const thirdSessionId = await createAuthSession(viewer.userId, viewer.clinicId, SOURCE);
    // Someone else's session is not touched.
    const stranger = await createUser(world.clinicA.id, 'patient', { passwordHash: currentHash });
    const strangerSessionId = await createAuthSession(stranger.id, stranger.clinicId, SOURCE);

    await expect(changePassword(viewer, { currentPassword: CURRENT, newPassword: NEXT })).resolves.toEqual({ ok: true, revokedSessions: 2 });

    const hash = await storedHash(viewer.userId);
    expect(hash).not.toBe(currentHash);
    expect(await verifyPassword(hash ?? '', NEXT)).toBe(true);
    expect(await verifyPassword(hash ?? '', CURRENT)).toBe(false);

    expect((await resolveSession(viewer.sessionId, SOURCE))?.userId).toBe(viewer.userId);
    for (const id of [otherSessionId, thirdSessionId]) {
      await expect(resolveSession(id, SOURCE)).resolves.toBeNull();
      const [row] = await getDb().select().from(authSessions).where(eq(authSessions.id, id));
      expect(row?.revokedReason).toBe('password_changed');
    }
    expect((await resolveSession(strangerSessionId, SOURCE))?.userId).toBe(stranger.id);

    const audit = await auditRows(viewer.userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'allowed', actorRole: 'therapist', clinicId: viewer.clinicId, sourceIp: SOURCE.ip, requestId: SOURCE.requestId, detail: { revokedSessions: 2 } });
    const stored = JSON.stringify(audit[0]);
    for (const secret of [CURRENT, NEXT, hash ?? 'no hash', currentHash]) expect(stored).not.toContain(secret);
  });

  it(`pauses after ${PASSWORD_CHANGE_MAX_FAILURES} wrong current passwords: even the right one is refused (429); other people are not`, async () => {
    const { viewer, otherSessionId } = await personOnTwoDevices();
    for (let i = 0; i < PASSWORD_CHANGE_MAX_FAILURES; i++) {
      expect((await failure(changePassword(viewer, { currentPassword: `wrong guess number ${i}`, newPassword: NEXT }))).status).toBe(422);
    }
    expect((await failure(changePassword(viewer, { currentPassword: CURRENT, newPassword: NEXT }))).status).toBe(429);
    await expectUnchanged(viewer, otherSessionId);
    // Only this person is paused.
    const other = await personOnTwoDevices();
    await expect(changePassword(other.viewer, { currentPassword: CURRENT, newPassword: NEXT })).resolves.toMatchObject({ ok: true });
  });
});

describe('getSessionTimes', () => {
  it('is last_seen_at + 30 minutes and expires_at, from the database row', async () => {
    const { viewer } = await personOnTwoDevices();
    await getDb().update(authSessions).set({ lastSeenAt: sql`'2030-01-01T10:00:00Z'::timestamptz`, expiresAt: sql`'2030-01-01T20:00:00Z'::timestamptz` }).where(eq(authSessions.id, viewer.sessionId));
    await expect(getSessionTimes(viewer)).resolves.toEqual({ idleExpiresAt: '2030-01-01T10:30:00.000Z', absoluteExpiresAt: '2030-01-01T20:00:00.000Z' });
  });

  it('is null for a revoked session', async () => {
    const { viewer } = await personOnTwoDevices();
    await getDb().update(authSessions).set({ revokedAt: sql`now()`, revokedReason: 'sign_out' }).where(eq(authSessions.id, viewer.sessionId));
    await expect(getSessionTimes(viewer)).resolves.toBeNull();
  });
});
