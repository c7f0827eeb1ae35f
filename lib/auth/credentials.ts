import 'server-only';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { recordAudit } from '@/lib/dal/audit';
import { createAuthSession } from '@/lib/dal/sessions';
import { signInSchema } from '@/lib/validation/auth';
import { burnVerifyTime, verifyPassword } from './password';
import type { RequestSource } from './types';

/** 5 failed attempts for one email within 15 minutes lock that email until the window passes. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;
/** 20 failed attempts from one address within 15 minutes, whatever the emails, pause that address. */
export const ADDRESS_FAILURES = 20;

export type AuthenticatedUser = { id: string; sessionId: string; role: Role; clinicId: string; name: string; email: string };
export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'bad_credentials' | 'invalid_input' }
  | { ok: false; reason: 'locked' | 'rate_limited'; retryAfterSeconds: number };

/** Failures that count towards a limit: answers that were themselves refused by a limit do not. */
const COUNTED = sql`${signInAttempts.succeeded} = false and coalesce(${signInAttempts.reason}, '') not in ('locked', 'rate_limited')`;
const IN_WINDOW = sql`${signInAttempts.at} > now() - make_interval(mins => ${LOCKOUT_WINDOW_MINUTES})`;

/**
 * Seconds until fewer than `limit` counted failures remain in the window (0 when under the limit):
 * the limit lifts when the limit-th most recent failure is 15 minutes old.
 */
async function secondsLocked(tx: Tx, match: SQL, limit: number): Promise<number> {
  const [row] = await tx
    .select({ seconds: sql<number>`ceil(extract(epoch from (${signInAttempts.at} + make_interval(mins => ${LOCKOUT_WINDOW_MINUTES}) - now())))::int` })
    .from(signInAttempts)
    .where(and(match, COUNTED, IN_WINDOW))
    .orderBy(desc(signInAttempts.at))
    .offset(limit - 1)
    .limit(1);
  return row ? Math.max(1, row.seconds) : 0;
}

/**
 * Checks an email + password. Unknown email, wrong password and a disabled account all answer
 * 'bad_credentials' after the same argon2 work, so the answer says nothing about which it was.
 * Limits: per account (email, whatever the address; a success clears earlier failures) and per
 * source address across accounts. Limited answers skip the argon2 work (it is the expensive part
 * an attacker would want us to repeat) and say how long the pause lasts.
 */
export async function authenticate(input: { email: unknown; password: unknown }, source: RequestSource): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_input' };
  const { email, password } = parsed.data;
  return getDb().transaction(async (tx) => {
    // One attempt per email at a time: without this, parallel guesses would all read the failure
    // count before any of them is recorded and slip past the lockout.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    // Failures before the account's last successful sign-in no longer count.
    const sinceLastSuccess = sql`${signInAttempts.at} > coalesce((select max(s.at) from sign_in_attempts s where s.email = ${email} and s.succeeded), '-infinity')`;
    const accountWait = await secondsLocked(tx, and(eq(signInAttempts.email, email), sinceLastSuccess) as SQL, LOCKOUT_FAILURES);
    if (accountWait > 0) {
      await logAttempt(tx, email, user ?? null, source, false, 'locked');
      return { ok: false, reason: 'locked', retryAfterSeconds: accountWait } as const;
    }
    if (source.ip) {
      const addressWait = await secondsLocked(tx, sql`${signInAttempts.sourceIp} = ${source.ip}::inet`, ADDRESS_FAILURES);
      if (addressWait > 0) {
        await logAttempt(tx, email, user ?? null, source, false, 'rate_limited');
        return { ok: false, reason: 'rate_limited', retryAfterSeconds: addressWait } as const;
      }
    }
    const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
    if (!user || !passwordOk) {
      await logAttempt(tx, email, user ?? null, source, false, 'bad_credentials');
      return { ok: false, reason: 'bad_credentials' } as const;
    }
    if (user.disabledAt) {
      await logAttempt(tx, email, user, source, false, 'disabled');
      return { ok: false, reason: 'bad_credentials' } as const;
    }
    const sessionId = await createAuthSession(user.id, user.clinicId, source, tx);
    await logAttempt(tx, email, user, source, true, null);
    return { ok: true, user: { id: user.id, sessionId, role: user.role, clinicId: user.clinicId, name: user.name, email: user.email } } as const;
  });
}

async function logAttempt(
  tx: Tx,
  email: string,
  user: { id: string; clinicId: string; role: Role } | null,
  source: RequestSource,
  succeeded: boolean,
  reason: 'bad_credentials' | 'disabled' | 'locked' | 'rate_limited' | null,
): Promise<void> {
  await tx.insert(signInAttempts).values({ email, userId: user?.id ?? null, sourceIp: source.ip, succeeded, reason });
  await recordAudit(
    tx,
    { userId: user?.id ?? null, role: user?.role ?? null, clinicId: user?.clinicId ?? null, source },
    { action: reason === 'locked' || reason === 'rate_limited' ? 'auth.lockout' : 'auth.sign_in', outcome: succeeded ? 'allowed' : 'denied', detail: reason ? { reason } : undefined },
  );
}
