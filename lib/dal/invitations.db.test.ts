// Onboarding by invitation: who may invite, resend, revoke and see the outbox; the link's life
// (single use, 7 days, revocable); bad input is 422 naming the field and writes nothing.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, invitations, outboxMessages, patients, users } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import { verifyPassword } from '@/lib/auth/password';
import type { RequestSource, Viewer } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import {
  acceptInvitation,
  DUPLICATE_EMAIL_MESSAGE,
  findOpenInvitation,
  getAccountSummary,
  invitePatient,
  inviteTherapist,
  listOutbox,
  listPendingPatientAccounts,
  resendInvitation,
  revokeInvitation,
} from './invitations';

const ORIGIN = 'http://limber.test';
const SOURCE: RequestSource = { ip: '198.51.100.4', requestId: null };
const GOOD_PASSWORD = 'slow stretches every morning';

let world: World;
let counter = 0;
beforeAll(async () => {
  world = await createWorld();
});
// Outbox mode prints one line per invitation; keep the test output quiet (and inspectable).
let consoleInfo: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleInfo = vi.spyOn(console, 'info').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const uniqueEmail = (tag = 'new') => `${tag}-${Date.now().toString(36)}-${counter++}@invite.example`;
const patientInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Pat Newcomer',
  email: uniqueEmail(),
  timeZone: 'Europe/London',
  conditionNote: 'grade 1 lumbar strain',
  ...overrides,
});

async function latestToken(email: string): Promise<string> {
  const [message] = await getDb().select({ body: outboxMessages.body }).from(outboxMessages).where(eq(outboxMessages.toEmail, email)).orderBy(desc(outboxMessages.createdAt)).limit(1);
  const token = /\/invite\/([A-Za-z0-9_-]{43})$/m.exec(message?.body ?? '')?.[1];
  if (!token) throw new Error(`no invitation link for ${email}`);
  return token;
}

async function userByEmail(email: string) {
  const [row] = await getDb().select().from(users).where(eq(users.email, email));
  return row;
}

async function invitationRows(userId: string) {
  return getDb().select().from(invitations).where(eq(invitations.userId, userId)).orderBy(invitations.createdAt);
}

async function auditCount(viewer: Viewer, action: string, outcome: 'allowed' | 'denied') {
  const [row] = await getDb()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, viewer.userId), eq(auditEvents.action, action), eq(auditEvents.outcome, outcome)));
  return row?.n ?? 0;
}

async function expectInvalid(promise: Promise<unknown>, ...fields: string[]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  for (const field of fields) expect((error as AppError).fields?.[field]?.length, `field ${field}`).toBeGreaterThan(0);
}

/** A pending patient of T1, with their current link. */
async function pendingPatientOfT1() {
  const input = patientInput();
  const created = await invitePatient(world.viewers.t1, input, ORIGIN);
  if (!created) throw new Error('invite failed');
  return { userId: created.userId, email: input.email, token: await latestToken(input.email) };
}

describe('invitePatient', () => {
  it('a therapist adds a patient in their own care: account without a password, open 7-day link, email in the outbox, audited', async () => {
    const input = patientInput({ email: `  ${uniqueEmail('Mixed').toUpperCase()} ` });
    const email = input.email.trim().toLowerCase();
    const created = await invitePatient(world.viewers.t1, input, ORIGIN);
    expect(created).toMatchObject({ delivery: 'outbox' });
    const user = await userByEmail(email);
    expect(user).toMatchObject({ id: created!.userId, role: 'patient', passwordHash: null, clinicId: world.clinicA.id, name: 'Pat Newcomer' });
    const [profile] = await getDb().select().from(patients).where(eq(patients.id, created!.userId));
    expect(profile).toMatchObject({ primaryTherapistId: world.viewers.t1.userId, timeZone: 'Europe/London', conditionNote: 'grade 1 lumbar strain' });

    const [invitation] = await invitationRows(created!.userId);
    expect(invitation).toMatchObject({ role: 'patient', usedAt: null, revokedAt: null, createdBy: world.viewers.t1.userId });
    const days = (invitation!.expiresAt.getTime() - invitation!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);

    const token = await latestToken(email);
    // Only the hash is stored.
    expect(invitation!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invitation!.tokenHash).not.toContain(token);
    const [message] = await getDb().select().from(outboxMessages).where(eq(outboxMessages.toEmail, email));
    expect(message?.body).toContain(`${ORIGIN}/invite/${token}`);
    expect(message?.body).not.toContain('lumbar');
    // The console line names the address and the link, nothing else.
    expect(consoleInfo).toHaveBeenCalledWith(`[mail] invitation for ${email}: ${ORIGIN}/invite/${token}`);

    expect(await findOpenInvitation(token)).toEqual({ name: 'Pat Newcomer', email, clinicName: 'Clinic A', role: 'patient' });
    expect(await getAccountSummary(world.viewers.t1, created!.userId)).toMatchObject({ status: 'pending', disabled: false });
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, 'invitation.create'), eq(auditEvents.patientId, created!.userId)));
    expect(audit).toMatchObject({ outcome: 'allowed', actorUserId: world.viewers.t1.userId, clinicId: world.clinicA.id });
    expect(JSON.stringify(audit?.detail)).not.toContain('lumbar');
  });

  it('an admin names an active therapist of the clinic; another clinic’s therapist or none is 422 on therapistId', async () => {
    const { adminA, t2, tB } = world.viewers;
    const created = await invitePatient(adminA, patientInput({ therapistId: t2.userId }), ORIGIN);
    const [profile] = await getDb().select().from(patients).where(eq(patients.id, created!.userId));
    expect(profile?.primaryTherapistId).toBe(t2.userId);
    for (const therapistId of [tB.userId, '', adminA.userId]) {
      const input = patientInput({ therapistId });
      await expectInvalid(invitePatient(adminA, input, ORIGIN), 'therapistId');
      expect(await userByEmail(input.email)).toBeUndefined();
    }
  });

  it('a therapist cannot place the patient with someone else: the new patient is always theirs', async () => {
    const created = await invitePatient(world.viewers.t1, patientInput({ therapistId: world.viewers.t2.userId }), ORIGIN);
    const [profile] = await getDb().select().from(patients).where(eq(patients.id, created!.userId));
    expect(profile?.primaryTherapistId).toBe(world.viewers.t1.userId);
  });

  it('a patient gets null, nothing is written, and the denial is audited', async () => {
    const input = patientInput();
    const before = await auditCount(world.viewers.p1, 'invitation.create', 'denied');
    expect(await invitePatient(world.viewers.p1, input, ORIGIN)).toBeNull();
    expect(await userByEmail(input.email)).toBeUndefined();
    expect(await auditCount(world.viewers.p1, 'invitation.create', 'denied')).toBe(before + 1);
  });

  it('bad input is 422 naming every bad field, and nothing is written', async () => {
    const [{ n: before }] = (await getDb().select({ n: count() }).from(users)) as [{ n: number }];
    await expectInvalid(invitePatient(world.viewers.t1, { name: '', email: 'not-an-email', timeZone: 'Mars/Olympus', conditionNote: 'x'.repeat(501) }, ORIGIN), 'name', 'email', 'timeZone', 'conditionNote');
    await expectInvalid(invitePatient(world.viewers.t1, { ...patientInput(), role: 'admin' } as never, ORIGIN), 'role');
    const [{ n: after }] = (await getDb().select({ n: count() }).from(users)) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('a duplicate email (any case, any clinic) is a clear field error', async () => {
    const existing = world.patients.pB.user.email;
    const error = await invitePatient(world.viewers.t1, patientInput({ email: existing.toUpperCase() }), ORIGIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({ email: [DUPLICATE_EMAIL_MESSAGE] });
  });

  it('two simultaneous invitations of one email: one succeeds, the other gets the duplicate-email error', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.allSettled([invitePatient(world.viewers.t1, patientInput({ email }), ORIGIN), invitePatient(world.viewers.t2, patientInput({ email }), ORIGIN)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_input', fields: { email: [DUPLICATE_EMAIL_MESSAGE] } });
  });
});

describe('acceptInvitation', () => {
  it('sets the password, uses up the link (single use), audits, and the link page then refuses it', async () => {
    const { userId, email, token } = await pendingPatientOfT1();
    expect(await acceptInvitation({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE)).toEqual({ email, role: 'patient' });
    const user = await userByEmail(email);
    expect(await verifyPassword(user!.passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect((await invitationRows(userId))[0]?.usedAt).not.toBeNull();
    expect(await findOpenInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, password: 'another long password here', confirmPassword: 'another long password here' }, SOURCE)).toBeNull();
    expect(await verifyPassword((await userByEmail(email))!.passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect(await getAccountSummary(world.viewers.t1, userId)).toMatchObject({ status: 'active' });
    const outcomes = await getDb().select({ outcome: auditEvents.outcome }).from(auditEvents).where(and(eq(auditEvents.action, 'invitation.accept'), eq(auditEvents.actorUserId, userId))).orderBy(auditEvents.at);
    expect(outcomes.map((o) => o.outcome)).toEqual(['allowed', 'denied']);
  });

  it('two simultaneous accepts of one link: exactly one sets the password', async () => {
    const { token } = await pendingPatientOfT1();
    const results = await Promise.all(['first long password', 'second long password'].map((p) => acceptInvitation({ token, password: p, confirmPassword: p }, SOURCE)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it.each([
    ['too short (11 characters)', { password: 'short-pw-11', confirmPassword: 'short-pw-11' }, 'password'],
    ['too long (129 characters)', { password: 'x1'.repeat(64) + 'y', confirmPassword: 'x1'.repeat(64) + 'y' }, 'password'],
    ['a common password', { password: 'Password1234', confirmPassword: 'Password1234' }, 'password'],
    ['a listed password with padding', { password: 'qwertyuiop!!!!', confirmPassword: 'qwertyuiop!!!!' }, 'password'],
    ['one character repeated', { password: 'aaaaaaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaaaaaa' }, 'password'],
    ['a confirmation that differs', { password: GOOD_PASSWORD, confirmPassword: `${GOOD_PASSWORD}!` }, 'confirmPassword'],
  ])('refuses %s with 422 naming %s, and the link stays open', async (_name, passwords, field) => {
    const { email, token } = await pendingPatientOfT1();
    await expectInvalid(acceptInvitation({ token, ...passwords }, SOURCE), field);
    expect((await userByEmail(email))?.passwordHash).toBeNull();
    expect(await findOpenInvitation(token)).not.toBeNull();
  });

  it('a malformed token is 422 on token; an unknown one is null', async () => {
    await expectInvalid(acceptInvitation({ token: 'nope', password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE), 'token');
    expect(await acceptInvitation({ token: 'A'.repeat(43), password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE)).toBeNull();
    expect(await findOpenInvitation('A'.repeat(43))).toBeNull();
    expect(await findOpenInvitation('../../etc')).toBeNull();
  });

  it('an expired link is refused and shows as expired', async () => {
    const { userId, email, token } = await pendingPatientOfT1();
    await getDb().update(invitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(invitations.userId, userId));
    expect(await findOpenInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE)).toBeNull();
    expect((await userByEmail(email))?.passwordHash).toBeNull();
    expect(await getAccountSummary(world.viewers.t1, userId)).toMatchObject({ status: 'expired' });
  });

  it('a link of a disabled account is refused', async () => {
    const { userId, token } = await pendingPatientOfT1();
    await getDb().update(users).set({ disabledAt: sql`now()` }).where(eq(users.id, userId));
    expect(await findOpenInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE)).toBeNull();
  });
});

describe('resendInvitation and revokeInvitation', () => {
  it('the patient’s therapist resends: the old link dies, the new one works, audited', async () => {
    const { userId, email, token } = await pendingPatientOfT1();
    expect(await resendInvitation(world.viewers.t1, { userId }, ORIGIN)).toEqual({ delivery: 'outbox' });
    const fresh = await latestToken(email);
    expect(fresh).not.toBe(token);
    expect(await findOpenInvitation(token)).toBeNull();
    expect(await findOpenInvitation(fresh)).not.toBeNull();
    expect(await invitationRows(userId)).toHaveLength(2);
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, 'invitation.resend'), eq(auditEvents.patientId, userId)));
    expect(audit).toMatchObject({ outcome: 'allowed', actorUserId: world.viewers.t1.userId });
  });

  it('an admin of the clinic may resend and revoke', async () => {
    const { userId, email } = await pendingPatientOfT1();
    expect(await resendInvitation(world.viewers.adminA, { userId }, ORIGIN)).not.toBeNull();
    expect(await revokeInvitation(world.viewers.adminA, { userId })).toEqual({ revoked: 1 });
    expect(await findOpenInvitation(await latestToken(email))).toBeNull();
  });

  it.each(['t2', 'tB', 'adminB', 'p1', 'p3', 'pB'] as const)('%s gets null for both, the link keeps working and nothing is added', async (actor) => {
    const { userId, token } = await pendingPatientOfT1();
    const viewer = world.viewers[actor];
    expect(await resendInvitation(viewer, { userId }, ORIGIN)).toBeNull();
    expect(await revokeInvitation(viewer, { userId })).toBeNull();
    expect(await getAccountSummary(viewer, userId)).toBeNull();
    expect(await invitationRows(userId)).toHaveLength(1);
    expect(await findOpenInvitation(token)).not.toBeNull();
    expect(await auditCount(viewer, 'invitation.resend', 'denied')).toBeGreaterThan(0);
  });

  it('revoke: the link stops working and the status is revoked; resend afterwards issues a working link', async () => {
    const { userId, email, token } = await pendingPatientOfT1();
    expect(await revokeInvitation(world.viewers.t1, { userId })).toEqual({ revoked: 1 });
    expect(await findOpenInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE)).toBeNull();
    expect(await getAccountSummary(world.viewers.t1, userId)).toMatchObject({ status: 'revoked' });
    await resendInvitation(world.viewers.t1, { userId }, ORIGIN);
    expect(await findOpenInvitation(await latestToken(email))).not.toBeNull();
  });

  it('resending for someone who already set a password is a conflict (409)', async () => {
    const { userId, token } = await pendingPatientOfT1();
    await acceptInvitation({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE);
    await expect(resendInvitation(world.viewers.t1, { userId }, ORIGIN)).rejects.toMatchObject({ status: 409 });
  });

  it('a malformed user id is 422 on userId', async () => {
    await expectInvalid(resendInvitation(world.viewers.t1, { userId: 'not-an-id' }, ORIGIN), 'userId');
    await expectInvalid(revokeInvitation(world.viewers.t1, { userId: '' }), 'userId');
  });

  it('a therapist’s invitation is managed by admins only, not by fellow therapists', async () => {
    const email = uniqueEmail('therapist');
    const created = await inviteTherapist(world.viewers.adminA, { name: 'Theo New', email }, ORIGIN);
    expect(created).not.toBeNull();
    expect(await userByEmail(email)).toMatchObject({ role: 'therapist', passwordHash: null, clinicId: world.clinicA.id });
    expect(await resendInvitation(world.viewers.t1, { userId: created!.userId }, ORIGIN)).toBeNull();
    expect(await resendInvitation(world.viewers.adminB, { userId: created!.userId }, ORIGIN)).toBeNull();
    expect(await resendInvitation(world.viewers.adminA, { userId: created!.userId }, ORIGIN)).not.toBeNull();
    const token = await latestToken(email);
    expect(await acceptInvitation({ token, password: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }, SOURCE)).toEqual({ email, role: 'therapist' });
  });
});

describe('inviteTherapist', () => {
  it.each(['t1', 'p1'] as const)('%s (not an admin) gets null and nothing is written', async (actor) => {
    const email = uniqueEmail('nope');
    expect(await inviteTherapist(world.viewers[actor], { name: 'Nope', email }, ORIGIN)).toBeNull();
    expect(await userByEmail(email)).toBeUndefined();
  });

  it('bad input is 422 naming the fields; a duplicate email is the duplicate error', async () => {
    await expectInvalid(inviteTherapist(world.viewers.adminA, { name: ' ', email: 'x@' }, ORIGIN), 'name', 'email');
    const error = await inviteTherapist(world.viewers.adminA, { name: 'Dup', email: world.patients.p1.user.email }, ORIGIN).catch((e: unknown) => e);
    expect((error as AppError).fields).toEqual({ email: [DUPLICATE_EMAIL_MESSAGE] });
  });
});

describe('listOutbox and listPendingPatientAccounts', () => {
  it('admins see the clinic’s mail newest first; a therapist sees the mail they caused; other clinics and patients see none of it', async () => {
    const a = await pendingPatientOfT1();
    const bInput = patientInput();
    await invitePatient(world.viewers.t2, bInput, ORIGIN);
    const adminView = (await listOutbox(world.viewers.adminA))!.map((m) => m.to);
    expect(adminView).toContain(a.email);
    expect(adminView.indexOf(bInput.email)).toBeLessThan(adminView.indexOf(a.email));
    expect((await listOutbox(world.viewers.t1))!.map((m) => m.to)).toContain(a.email);
    expect((await listOutbox(world.viewers.t2))!.map((m) => m.to)).not.toContain(a.email);
    for (const outsider of ['tB', 'adminB'] as const) expect((await listOutbox(world.viewers[outsider]))!.map((m) => m.to)).not.toContain(a.email);
    expect(await listOutbox(world.viewers.p1)).toBeNull();
    expect(await auditCount(world.viewers.p1, 'outbox.view', 'denied')).toBeGreaterThan(0);
  });

  it('pending accounts: the therapist and admin see their pending patients; others do not', async () => {
    const { userId } = await pendingPatientOfT1();
    expect((await listPendingPatientAccounts(world.viewers.t1))?.[userId]).toBe('pending');
    expect((await listPendingPatientAccounts(world.viewers.adminA))?.[userId]).toBe('pending');
    expect((await listPendingPatientAccounts(world.viewers.t2))?.[userId]).toBeUndefined();
    expect((await listPendingPatientAccounts(world.viewers.adminB))?.[userId]).toBeUndefined();
    expect(await listPendingPatientAccounts(world.viewers.p1)).toBeNull();
    // The test world's patients were created without a password or an invitation.
    expect((await listPendingPatientAccounts(world.viewers.t1))?.[world.patients.p1.user.id]).toBe('none');
  });
});
