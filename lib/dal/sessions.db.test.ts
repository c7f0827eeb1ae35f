import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, authSessions, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { createUser, createWorld, type World } from '@/db/test/fixtures';
import type { RequestSource } from '@/lib/auth/types';
import { createAuthSession, IDLE_TIMEOUT_MINUTES, resolveSession, revokeAuthSession, signOutViewer } from './sessions';

const SOURCE: RequestSource = { ip: '203.0.113.7', requestId: 'req-test' };

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** A fresh user of clinic A with a new session. */
async function signedIn(role: Role = 'therapist') {
  const user = await createUser(world.clinicA.id, role);
  const sessionId = await createAuthSession(user.id, user.clinicId, SOURCE);
  return { user, sessionId };
}

async function sessionRow(sessionId: string) {
  const [row] = await getDb().select().from(authSessions).where(eq(authSessions.id, sessionId));
  if (!row) throw new Error('session row missing');
  return row;
}

/** Moves last_seen_at back by the given number of minutes (database clock). */
async function idleFor(sessionId: string, minutes: number) {
  await getDb()
    .update(authSessions)
    .set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` })
    .where(eq(authSessions.id, sessionId));
}

describe('server-side sessions', () => {
  it('resolves a new session to its viewer', async () => {
    const { user, sessionId } = await signedIn('admin');
    const viewer = await resolveSession(sessionId, SOURCE);
    expect(viewer).toEqual({ userId: user.id, role: 'admin', clinicId: user.clinicId, name: user.name, email: user.email, sessionId, source: SOURCE });
  });

  it('stores the source ip and a 12-hour absolute limit, set by the database', async () => {
    const { sessionId } = await signedIn();
    const row = await sessionRow(sessionId);
    expect(row.sourceIp).toBe('203.0.113.7');
    expect(row.revokedAt).toBeNull();
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);
  });

  it('answers null for an unknown session id', async () => {
    await expect(resolveSession(crypto.randomUUID(), SOURCE)).resolves.toBeNull();
  });

  it('answers null after signOutViewer, with the row revoked and an auth.sign_out audit row', async () => {
    const { user, sessionId } = await signedIn('patient');
    const viewer = await resolveSession(sessionId, SOURCE);
    if (!viewer) throw new Error('expected a viewer');
    await signOutViewer(viewer);

    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
    const row = await sessionRow(sessionId);
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedReason).toBe('sign_out');
    const audit = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'auth.sign_out')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'allowed', clinicId: user.clinicId, actorRole: 'patient', sourceIp: '203.0.113.7', requestId: 'req-test' });
  });

  it('signing out one session leaves the same user\'s other sessions valid', async () => {
    const { user, sessionId } = await signedIn();
    const other = await createAuthSession(user.id, user.clinicId, SOURCE);
    const viewer = await resolveSession(sessionId, SOURCE);
    if (!viewer) throw new Error('expected a viewer');
    await signOutViewer(viewer);
    expect((await resolveSession(other, SOURCE))?.userId).toBe(user.id);
  });

  it('keeps the first revocation reason when a revoked session is revoked again', async () => {
    const { sessionId } = await signedIn();
    await revokeAuthSession(sessionId, 'admin');
    await revokeAuthSession(sessionId, 'idle');
    expect((await sessionRow(sessionId)).revokedReason).toBe('admin');
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
  });

  it('times out after 30 idle minutes: null, and the row is revoked with reason idle', async () => {
    expect(IDLE_TIMEOUT_MINUTES).toBe(30);
    const { sessionId } = await signedIn();
    await idleFor(sessionId, 31);
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
    const row = await sessionRow(sessionId);
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedReason).toBe('idle');
    // Coming back later does not revive it.
    await getDb().update(authSessions).set({ lastSeenAt: sql`now()` }).where(eq(authSessions.id, sessionId));
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
  });

  it('is still valid after 29 idle minutes, and the request refreshes last_seen_at', async () => {
    const { user, sessionId } = await signedIn();
    await idleFor(sessionId, 29);
    const before = await sessionRow(sessionId);
    expect((await resolveSession(sessionId, SOURCE))?.userId).toBe(user.id);
    const after = await sessionRow(sessionId);
    expect(after.revokedAt).toBeNull();
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(before.lastSeenAt.getTime() + 28 * 60 * 1000);
  });

  it('does not write last_seen_at on every request (at most once a minute)', async () => {
    const { sessionId } = await signedIn();
    const [{ seen } = { seen: '' }] = (
      await getDb().execute<{ seen: string }>(sql`update auth_sessions set last_seen_at = now() - interval '10 seconds' where id = ${sessionId} returning last_seen_at::text as seen`)
    ).rows;
    await resolveSession(sessionId, SOURCE);
    const [{ now } = { now: '' }] = (await getDb().execute<{ now: string }>(sql`select last_seen_at::text as now from auth_sessions where id = ${sessionId}`)).rows;
    expect(now).toBe(seen);
  });

  it('ends at the absolute limit: expires_at in the past → null, revoked as expired', async () => {
    const { sessionId } = await signedIn();
    await getDb()
      .update(authSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(authSessions.id, sessionId));
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
    expect((await sessionRow(sessionId)).revokedReason).toBe('expired');
  });

  it('ends at the absolute limit even for a session in constant use', async () => {
    const { sessionId } = await signedIn();
    // Created 12 h ago, seen a moment ago: not idle, but past its 12 hours.
    await getDb()
      .update(authSessions)
      .set({ createdAt: sql`now() - interval '12 hours 1 minute'`, expiresAt: sql`now() - interval '1 minute'`, lastSeenAt: sql`now()` })
      .where(eq(authSessions.id, sessionId));
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
  });

  it('answers null for a disabled user, revoking the session as disabled', async () => {
    const { user, sessionId } = await signedIn();
    expect((await resolveSession(sessionId, SOURCE))?.userId).toBe(user.id);
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
    expect((await sessionRow(sessionId)).revokedReason).toBe('disabled');
    // Re-enabling the user does not bring the revoked session back.
    await getDb().update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    await expect(resolveSession(sessionId, SOURCE)).resolves.toBeNull();
  });

  it('reflects a role change on the next request (the role is read from the database, not the token)', async () => {
    const { user, sessionId } = await signedIn('therapist');
    await getDb().update(users).set({ role: 'admin' }).where(eq(users.id, user.id));
    expect((await resolveSession(sessionId, SOURCE))?.role).toBe('admin');
  });
});
