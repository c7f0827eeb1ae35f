import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
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
  const db = getDb();

  const [recent] = await db
    .select({ failures: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, sql`now() - make_interval(mins => ${LOCKOUT_WINDOW_MINUTES})`)));
  if ((recent?.failures ?? 0) >= LOCKOUT_FAILURES) {
    await burnVerifyTime(password);
    await logAttempt(email, null, null, source, false, 'locked');
    return { ok: false, reason: 'locked' };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);
  if (!user || !passwordOk) {
    await logAttempt(email, user?.id ?? null, user?.clinicId ?? null, source, false, 'bad_credentials');
    return { ok: false, reason: 'bad_credentials' };
  }
  if (user.disabledAt) {
    await logAttempt(email, user.id, user.clinicId, source, false, 'disabled');
    return { ok: false, reason: 'bad_credentials' };
  }
  const sessionId = await createAuthSession(user.id, user.clinicId, source);
  await logAttempt(email, user.id, user.clinicId, source, true, null);
  return { ok: true, user: { id: user.id, sessionId, role: user.role, clinicId: user.clinicId, name: user.name, email: user.email } };
}

async function logAttempt(
  email: string,
  userId: string | null,
  clinicId: string | null,
  source: RequestSource,
  succeeded: boolean,
  reason: 'bad_credentials' | 'disabled' | 'locked' | null,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email, userId, sourceIp: source.ip, succeeded, reason });
    await recordAudit(
      tx,
      { userId, role: null, clinicId, source },
      { action: succeeded ? 'auth.sign_in' : reason === 'locked' ? 'auth.lockout' : 'auth.sign_in', outcome: succeeded ? 'allowed' : 'denied', detail: reason ? { reason } : undefined },
    );
  });
}
