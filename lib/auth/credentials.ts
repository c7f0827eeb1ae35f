import 'server-only';
import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
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

export type AuthenticatedUser = { id: string; sessionId: string; role: Role; clinicId: string; name: string; email: string };
export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'bad_credentials' | 'locked' | 'invalid_input' };

/**
 * Checks an email + password. Unknown email, wrong password and a disabled account all answer
 * 'bad_credentials' after the same argon2 work, so the answer says nothing about which it was.
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
    // 'locked' answers are not failures themselves, so a lockout ends 15 minutes after the 5th failure.
    const [recent] = await tx
      .select({ failures: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, email),
          eq(signInAttempts.succeeded, false),
          ne(signInAttempts.reason, 'locked'),
          gt(signInAttempts.at, sql`now() - make_interval(mins => ${LOCKOUT_WINDOW_MINUTES})`),
        ),
      );
    if ((recent?.failures ?? 0) >= LOCKOUT_FAILURES) {
      await burnVerifyTime(password);
      await logAttempt(tx, email, user ?? null, source, false, 'locked');
      return { ok: false, reason: 'locked' } as const;
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
  reason: 'bad_credentials' | 'disabled' | 'locked' | null,
): Promise<void> {
  await tx.insert(signInAttempts).values({ email, userId: user?.id ?? null, sourceIp: source.ip, succeeded, reason });
  await recordAudit(
    tx,
    { userId: user?.id ?? null, role: user?.role ?? null, clinicId: user?.clinicId ?? null, source },
    { action: reason === 'locked' ? 'auth.lockout' : 'auth.sign_in', outcome: succeeded ? 'allowed' : 'denied', detail: reason ? { reason } : undefined },
  );
}
