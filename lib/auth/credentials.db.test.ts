import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, authSessions, signInAttempts } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { createUser, createWorld, type World } from '@/db/test/fixtures';
import { resolveSession } from '@/lib/dal/sessions';
import { ADDRESS_FAILURES, authenticate, LOCKOUT_FAILURES, LOCKOUT_WINDOW_MINUTES } from './credentials';
import { hashPassword } from './password';
import type { RequestSource } from './types';

// No address: these tests are about the per-account rules; the per-address limit has its own tests.
const SOURCE: RequestSource = { ip: null, requestId: null };
let addressCounter = 0;
/** A fresh documentation-range address per call, so address limits never leak between tests. */
function freshAddress(): string {
  addressCounter += 1;
  return `203.0.${Math.floor(addressCounter / 250) + 113}.${(addressCounter % 250) + 1}`;
}
const PASSWORD = 'correct horse battery staple 81!';
const WRONG = 'wrong-password-marmalade-5521';

let world: World;
let passwordHash: string;
beforeAll(async () => {
  world = await createWorld();
  passwordHash = await hashPassword(PASSWORD);
});

async function userWithPassword(options: { role?: Role; disabled?: boolean } = {}) {
  return createUser(world.clinicA.id, options.role ?? 'therapist', { passwordHash, disabled: options.disabled });
}

async function attemptsFor(email: string) {
  return getDb().select().from(signInAttempts).where(eq(signInAttempts.email, email)).orderBy(signInAttempts.at);
}

async function sessionsOf(userId: string) {
  return getDb().select().from(authSessions).where(eq(authSessions.userId, userId));
}

describe('authenticate', () => {
  it('signs in with the right password: ok, with a session that resolveSession accepts', async () => {
    const user = await userWithPassword({ role: 'admin' });
    const result = await authenticate({ email: user.email, password: PASSWORD }, SOURCE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ id: user.id, role: 'admin', clinicId: user.clinicId, name: user.name, email: user.email });
    const viewer = await resolveSession(result.user.sessionId, SOURCE);
    expect(viewer?.userId).toBe(user.id);
    expect(viewer?.sessionId).toBe(result.user.sessionId);
    const attempts = await attemptsFor(user.email);
    expect(attempts.map((a) => [a.succeeded, a.reason, a.userId])).toEqual([[true, null, user.id]]);
  });

  it('refuses a wrong password with bad_credentials and creates no session', async () => {
    const user = await userWithPassword();
    await expect(authenticate({ email: user.email, password: WRONG }, SOURCE)).resolves.toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    const attempts = await attemptsFor(user.email);
    expect(attempts.map((a) => [a.succeeded, a.reason])).toEqual([[false, 'bad_credentials']]);
  });

  it('refuses an unknown email with bad_credentials (the same answer as a wrong password)', async () => {
    const email = `nobody-${crypto.randomUUID()}@test.example`;
    await expect(authenticate({ email, password: PASSWORD }, SOURCE)).resolves.toEqual({ ok: false, reason: 'bad_credentials' });
    const attempts = await attemptsFor(email);
    expect(attempts.map((a) => [a.succeeded, a.reason, a.userId])).toEqual([[false, 'bad_credentials', null]]);
  });

  it('refuses a user who has not set a password yet with bad_credentials', async () => {
    const invited = await createUser(world.clinicA.id, 'patient', { passwordHash: null });
    await expect(authenticate({ email: invited.email, password: PASSWORD }, SOURCE)).resolves.toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await sessionsOf(invited.id)).toHaveLength(0);
  });

  it('refuses a disabled user with the right password with bad_credentials, creating no session', async () => {
    const user = await userWithPassword({ disabled: true });
    await expect(authenticate({ email: user.email, password: PASSWORD }, SOURCE)).resolves.toEqual({ ok: false, reason: 'bad_credentials' });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    // Recorded internally as 'disabled', never told to the caller.
    expect((await attemptsFor(user.email)).map((a) => a.reason)).toEqual(['disabled']);
  });

  it('normalises the email: different case and surrounding spaces sign in to the same account', async () => {
    const user = await userWithPassword();
    const result = await authenticate({ email: `  ${user.email.toUpperCase()} \t`, password: PASSWORD }, SOURCE);
    expect(result.ok && result.user.id).toBe(user.id);
    // The attempt is recorded under the normalised address.
    expect((await attemptsFor(user.email)).map((a) => a.succeeded)).toEqual([true]);
  });

  it('does not trim or case-fold the password', async () => {
    const user = await userWithPassword();
    await expect(authenticate({ email: user.email, password: ` ${PASSWORD}` }, SOURCE)).resolves.toMatchObject({ ok: false, reason: 'bad_credentials' });
    await expect(authenticate({ email: user.email, password: PASSWORD.toUpperCase() }, SOURCE)).resolves.toMatchObject({ ok: false, reason: 'bad_credentials' });
  });

  it.each<[string, { email: unknown; password: unknown }]>([
    ['an email with no @', { email: 'no-at-sign.example', password: PASSWORD }],
    ['an empty email', { email: '', password: PASSWORD }],
    ['an email that is not a string', { email: 42, password: PASSWORD }],
    ['a missing email', { email: undefined, password: PASSWORD }],
    ['an empty password', { email: 'someone@test.example', password: '' }],
    ['a password that is not a string', { email: 'someone@test.example', password: ['x'] }],
    ['a 257-character password', { email: 'someone@test.example', password: 'x'.repeat(257) }],
  ])('answers invalid_input for %s', async (_name, input) => {
    await expect(authenticate(input, SOURCE)).resolves.toEqual({ ok: false, reason: 'invalid_input' });
  });

  it(`locks the email after ${LOCKOUT_FAILURES} failures within ${LOCKOUT_WINDOW_MINUTES} minutes, even for the right password`, async () => {
    expect(LOCKOUT_FAILURES).toBe(5);
    expect(LOCKOUT_WINDOW_MINUTES).toBe(15);
    const user = await userWithPassword();
    const source: RequestSource = { ip: SOURCE.ip, requestId: crypto.randomUUID() };
    for (let i = 0; i < 5; i += 1) {
      await expect(authenticate({ email: user.email, password: `${WRONG}-${i}` }, source)).resolves.toEqual({ ok: false, reason: 'bad_credentials' });
    }
    const locked = await authenticate({ email: user.email, password: PASSWORD }, source);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    // The pause lasts until the oldest of the 5 failures is 15 minutes old: just under 900 s now.
    const wait = 'retryAfterSeconds' in locked ? locked.retryAfterSeconds : 0;
    expect(wait).toBeGreaterThan(880);
    expect(wait).toBeLessThanOrEqual(900);
    expect(await sessionsOf(user.id)).toHaveLength(0);
    const attempts = await attemptsFor(user.email);
    expect(attempts.map((a) => a.reason)).toEqual(['bad_credentials', 'bad_credentials', 'bad_credentials', 'bad_credentials', 'bad_credentials', 'locked']);
    const audit = await getDb()
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, source.requestId ?? ''))
      .orderBy(auditEvents.at);
    expect(audit.map((a) => a.action)).toEqual(['auth.sign_in', 'auth.sign_in', 'auth.sign_in', 'auth.sign_in', 'auth.sign_in', 'auth.lockout']);
    expect(audit.every((a) => a.outcome === 'denied')).toBe(true);
  });

  it('does not lock after 4 failures', async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 4; i += 1) await authenticate({ email: user.email, password: WRONG }, SOURCE);
    const result = await authenticate({ email: user.email, password: PASSWORD }, SOURCE);
    expect(result.ok).toBe(true);
  });

  it('counts failures typed in a different case against the same email', async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 5; i += 1) await authenticate({ email: user.email.toUpperCase(), password: WRONG }, SOURCE);
    await expect(authenticate({ email: user.email, password: PASSWORD }, SOURCE)).resolves.toMatchObject({ ok: false, reason: 'locked' });
  });

  it('counts failures per account whatever address they come from', async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 5; i += 1) await authenticate({ email: user.email, password: WRONG }, { ip: freshAddress(), requestId: null });
    await expect(authenticate({ email: user.email, password: PASSWORD }, { ip: freshAddress(), requestId: null })).resolves.toMatchObject({ ok: false, reason: 'locked' });
  });

  it('clears the count on a successful sign-in: 4 failures, a success, 4 more failures still let the right password in', async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 4; i += 1) await authenticate({ email: user.email, password: WRONG }, SOURCE);
    expect((await authenticate({ email: user.email, password: PASSWORD }, SOURCE)).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) await authenticate({ email: user.email, password: WRONG }, SOURCE);
    expect((await authenticate({ email: user.email, password: PASSWORD }, SOURCE)).ok).toBe(true);
    // ...and the 5th failure after that success does lock.
    for (let i = 0; i < 5; i += 1) await authenticate({ email: user.email, password: WRONG }, SOURCE);
    await expect(authenticate({ email: user.email, password: PASSWORD }, SOURCE)).resolves.toMatchObject({ ok: false, reason: 'locked' });
  });

  it(`pauses one address after ${ADDRESS_FAILURES} failures across accounts, and only that address`, async () => {
    expect(ADDRESS_FAILURES).toBe(20);
    const address = freshAddress();
    const from = { ip: address, requestId: null };
    for (let i = 0; i < ADDRESS_FAILURES; i += 1) {
      await expect(authenticate({ email: `nobody-${i}-${address}@example.test`, password: WRONG }, from)).resolves.toEqual({ ok: false, reason: 'bad_credentials' });
    }
    const user = await userWithPassword();
    const limited = await authenticate({ email: user.email, password: PASSWORD }, from);
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect('retryAfterSeconds' in limited && limited.retryAfterSeconds > 0 && limited.retryAfterSeconds <= 900).toBe(true);
    // The account itself is not locked: from another address the right password works.
    expect((await authenticate({ email: user.email, password: PASSWORD }, { ip: freshAddress(), requestId: null })).ok).toBe(true);
    const [attempt] = await attemptsFor(user.email);
    expect(attempt?.reason).toBe('rate_limited');
  });

  it('lets the right password in again once the failures are older than 15 minutes', async () => {
    const user = await userWithPassword();
    await getDb()
      .insert(signInAttempts)
      .values(Array.from({ length: 5 }, () => ({ email: user.email, userId: user.id, succeeded: false, reason: 'bad_credentials', at: sql`now() - interval '16 minutes'` })));
    const result = await authenticate({ email: user.email, password: PASSWORD }, SOURCE);
    expect(result.ok).toBe(true);
  });

  it("does not lock one account because of another email's failures", async () => {
    const victim = await userWithPassword();
    const other = await userWithPassword();
    for (let i = 0; i < 5; i += 1) await authenticate({ email: other.email, password: WRONG }, SOURCE);
    expect((await authenticate({ email: victim.email, password: PASSWORD }, SOURCE)).ok).toBe(true);
  });

  it('checks the password at most 5 times in the window, even when wrong guesses arrive all at once', async () => {
    const user = await userWithPassword();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate({ email: user.email, password: `${WRONG}-${i}` }, SOURCE)));
    const checked = results.filter((r) => !r.ok && r.reason === 'bad_credentials').length;
    const locked = results.filter((r) => !r.ok && r.reason === 'locked').length;
    expect(checked + locked).toBe(20);
    expect(checked).toBeLessThanOrEqual(LOCKOUT_FAILURES);
  });

  it('never stores the password (right or wrong) in sign_in_attempts or audit_events', async () => {
    const user = await userWithPassword();
    await authenticate({ email: user.email, password: WRONG }, SOURCE);
    await authenticate({ email: user.email, password: PASSWORD }, SOURCE);
    const disabled = await userWithPassword({ disabled: true });
    await authenticate({ email: disabled.email, password: PASSWORD }, SOURCE);
    const rows = [...(await attemptsFor(user.email)), ...(await attemptsFor(disabled.email))];
    expect(rows).toHaveLength(3);
    const audit = await getDb()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.actorUserId} in (${user.id}, ${disabled.id})`);
    expect(audit.length).toBeGreaterThanOrEqual(3);
    for (const text of [JSON.stringify(rows), JSON.stringify(audit)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(WRONG);
      expect(text).not.toContain('marmalade');
      expect(text).not.toContain(passwordHash);
    }
    // And the table has no column that could hold it.
    const columns = await getDb().execute<{ column_name: string }>(sql`select column_name from information_schema.columns where table_name = 'sign_in_attempts'`);
    expect(columns.rows.map((c) => c.column_name).sort()).toEqual(['at', 'email', 'id', 'reason', 'source_ip', 'succeeded', 'user_id']);
  });
});
