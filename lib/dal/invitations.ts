import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb, type Queryable, type Tx } from '@/db/client';
import { clinics, invitations, outboxMessages, patients, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { hashPassword } from '@/lib/auth/password';
import { isClinician } from '@/lib/auth/policy';
import type { RequestSource, Viewer } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/http';
import { deliverMessage, type DeliveryResult } from '@/lib/mail/transport';
import {
  acceptInvitationSchema,
  invitationTargetSchema,
  invitationTokenField,
  invitePatientSchema,
  inviteTherapistSchema,
  type AcceptInvitationInput,
  type InvitationTargetInput,
  type InvitePatientInput,
  type InviteTherapistInput,
} from '@/lib/validation/invitations';
import { actorOf, recordAudit } from './audit';
import { findPatientInScope, isUuid } from './scope';

export const INVITATION_DAYS = 7;
export const DUPLICATE_EMAIL_MESSAGE = 'An account with this email already exists.';

/** active = has set a password; the others describe the newest invitation of someone who has not. */
export type AccountStatus = 'active' | 'pending' | 'expired' | 'revoked' | 'none';
export type AccountSummary = { userId: string; status: AccountStatus; disabled: boolean; invitedAt: string | null; expiresAt: string | null };
export type CreatedInvitation = { userId: string; delivery: DeliveryResult };

/** An ISO-8601 UTC string (…Z) that Date.parse reads everywhere. */
const isoTime = (column: SQL | SQL.Aliased | AnyColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The status of a user's account, computed on the database clock from their newest invitation. */
const accountStatusSql = sql<AccountStatus>`case
  when ${users.passwordHash} is not null then 'active'
  when latest_invitation.id is null then 'none'
  when latest_invitation.revoked_at is not null then 'revoked'
  when latest_invitation.used_at is not null then 'active'
  when latest_invitation.expires_at <= now() then 'expired'
  else 'pending' end`;

const latestInvitationJoin = sql`lateral (select i.id, i.revoked_at, i.used_at, i.expires_at, i.created_at from ${invitations} i
  where i.user_id = ${users.id} order by i.created_at desc limit 1) as latest_invitation`;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return code === '23505';
}

const duplicateEmail = () => new AppError('invalid_input', 'Some fields are not valid.', { email: [DUPLICATE_EMAIL_MESSAGE] });

/**
 * Runs an invitation write; a concurrent insert of the same email (the pre-check passed in both
 * transactions) surfaces as the unique violation on users_email_key and becomes the same field error.
 */
async function withDuplicateEmailCheck<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}

async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) throw duplicateEmail();
}

type PendingMessage = { messageId: string; to: string; subject: string; body: string; link: string };

/**
 * Issues a fresh token for `userId` (revoking any still-open one) and queues its email, inside the
 * caller's transaction. The raw token leaves this function only inside the link.
 */
async function issueInvitation(
  tx: Tx,
  viewer: Viewer,
  invitee: { userId: string; clinicId: string; role: Role; name: string; email: string },
  origin: string,
): Promise<PendingMessage> {
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.userId, invitee.userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
  const token = randomBytes(32).toString('base64url');
  await tx.insert(invitations).values({ clinicId: invitee.clinicId, userId: invitee.userId, role: invitee.role, tokenHash: hashToken(token), createdBy: viewer.userId });
  const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, invitee.clinicId));
  const clinicName = clinic?.name ?? 'Your clinic';
  const link = `${origin}/invite/${token}`;
  const what = invitee.role === 'patient' ? 'your stretch plan and reading from your therapist' : 'your patients, their plans and their progress';
  const subject = `${clinicName} invited you to Limber`;
  // Name, clinic and link only: never a condition note or anything else about the person's health.
  const body = [
    `Hello ${invitee.name},`,
    '',
    `${clinicName} has invited you to Limber, where you will find ${what}.`,
    '',
    `Choose your password here (the link works once and expires in ${INVITATION_DAYS} days):`,
    link,
    '',
    'If you were not expecting this email, you can ignore it.',
  ].join('\n');
  const [message] = await tx
    .insert(outboxMessages)
    .values({ clinicId: invitee.clinicId, createdBy: viewer.userId, toEmail: invitee.email, subject, body })
    .returning({ id: outboxMessages.id });
  if (!message) throw new Error('outbox insert returned no row');
  return { messageId: message.id, to: invitee.email, subject, body, link };
}

/** After the transaction commits: deliver, then record the outcome. A link sent by SMTP is not kept in the outbox. */
async function deliver(pending: PendingMessage): Promise<DeliveryResult> {
  const result = await deliverMessage({ to: pending.to, subject: pending.subject, body: pending.body }, `invitation for ${pending.to}: ${pending.link}`);
  if (result === 'sent') {
    await getDb()
      .update(outboxMessages)
      .set({ sentAt: sql`now()`, body: pending.body.replace(pending.link, '[link sent by email, not stored]') })
      .where(eq(outboxMessages.id, pending.messageId));
  } else if (result === 'failed') {
    await getDb().update(outboxMessages).set({ failedAt: sql`now()` }).where(eq(outboxMessages.id, pending.messageId));
  }
  return result;
}

/** An active therapist of the viewer's clinic, for a patient's primary therapist. */
async function findActiveTherapist(q: Queryable, clinicId: string, therapistId: string) {
  const [row] = await q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, therapistId), eq(users.clinicId, clinicId), eq(users.role, 'therapist'), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

/**
 * A clinician adds a patient: the user row (no password yet), the patient profile and an
 * invitation, in one transaction. A therapist's new patient is in their own care; an admin
 * names an active therapist of the clinic. Bad input → 422 naming the field; a patient → null.
 */
export async function invitePatient(viewer: Viewer, rawInput: InvitePatientInput, origin: string): Promise<CreatedInvitation | null> {
  const db = getDb();
  if (!isClinician(viewer.role)) {
    await recordAudit(db, actorOf(viewer), { action: 'invitation.create', outcome: 'denied', detail: { reason: 'role' } });
    return null;
  }
  const input = parseInput(invitePatientSchema, rawInput);
  let therapistId = viewer.userId;
  if (viewer.role === 'admin') {
    const chosen = input.therapistId ? await findActiveTherapist(db, viewer.clinicId, input.therapistId) : null;
    if (!chosen) throw new AppError('invalid_input', 'Some fields are not valid.', { therapistId: ['Choose an active therapist of your clinic.'] });
    therapistId = chosen.id;
  }
  const pending = await withDuplicateEmailCheck(() =>
    db.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      const [user] = await tx.insert(users).values({ clinicId: viewer.clinicId, role: 'patient', email: input.email, name: input.name, passwordHash: null }).returning({ id: users.id });
      if (!user) throw new Error('user insert returned no row');
      await tx.insert(patients).values({ id: user.id, clinicId: viewer.clinicId, primaryTherapistId: therapistId, timeZone: input.timeZone, conditionNote: input.conditionNote });
      const message = await issueInvitation(tx, viewer, { userId: user.id, clinicId: viewer.clinicId, role: 'patient', name: input.name, email: input.email }, origin);
      await recordAudit(tx, actorOf(viewer), { action: 'invitation.create', outcome: 'allowed', patientId: user.id, detail: { role: 'patient', userId: user.id } });
      return { userId: user.id, message };
    }),
  );
  return { userId: pending.userId, delivery: await deliver(pending.message) };
}

/** An admin invites a therapist to their clinic. Anyone else → null. */
export async function inviteTherapist(viewer: Viewer, rawInput: InviteTherapistInput, origin: string): Promise<CreatedInvitation | null> {
  const db = getDb();
  if (viewer.role !== 'admin') {
    await recordAudit(db, actorOf(viewer), { action: 'invitation.create', outcome: 'denied', detail: { reason: 'role', role: 'therapist' } });
    return null;
  }
  const input = parseInput(inviteTherapistSchema, rawInput);
  const pending = await withDuplicateEmailCheck(() =>
    db.transaction(async (tx) => {
      await assertEmailFree(tx, input.email);
      const [user] = await tx.insert(users).values({ clinicId: viewer.clinicId, role: 'therapist', email: input.email, name: input.name, passwordHash: null }).returning({ id: users.id });
      if (!user) throw new Error('user insert returned no row');
      const message = await issueInvitation(tx, viewer, { userId: user.id, clinicId: viewer.clinicId, role: 'therapist', name: input.name, email: input.email }, origin);
      await recordAudit(tx, actorOf(viewer), { action: 'invitation.create', outcome: 'allowed', detail: { role: 'therapist', userId: user.id } });
      return { userId: user.id, message };
    }),
  );
  return { userId: pending.userId, delivery: await deliver(pending.message) };
}

/** Patients never manage invitations: audited and null before their input is even looked at. */
async function allowClinician(viewer: Viewer, action: string): Promise<boolean> {
  if (isClinician(viewer.role)) return true;
  await recordAudit(getDb(), actorOf(viewer), { action, outcome: 'denied', detail: { reason: 'role' } });
  return false;
}

type Invitee = { userId: string; clinicId: string; role: Role; name: string; email: string; hasPassword: boolean; patientId: string | null };

/**
 * The invited person if the viewer may manage their invitation: a patient in the viewer's care
 * (admins: any patient of the clinic), or, for admins only, a therapist or admin of the clinic.
 * Anything else is null (404) and the denial is audited.
 */
async function findInviteeInScope(tx: Tx, viewer: Viewer, userId: string, action: string, lock: boolean): Promise<Invitee | null> {
  const deny = async (reason: string) => {
    await recordAudit(tx, actorOf(viewer), { action, outcome: 'denied', detail: { reason } });
    return null;
  };
  if (!isClinician(viewer.role)) return deny('role');
  if (!isUuid(userId)) return deny('not_in_scope');
  const query = tx
    .select({ id: users.id, clinicId: users.clinicId, role: users.role, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, viewer.clinicId)))
    .limit(1);
  // Writers lock the person's row, so two resends (or a resend and an accept) never interleave.
  const [user] = lock ? await query.for('update') : await query;
  if (!user) return deny('not_in_scope');
  if (user.role === 'patient') {
    const patient = await findPatientInScope(tx, viewer, user.id, action);
    if (!patient) return null;
  } else if (viewer.role !== 'admin') {
    return deny('not_in_scope');
  }
  return { userId: user.id, clinicId: user.clinicId, role: user.role, name: user.name, email: user.email, hasPassword: user.passwordHash !== null, patientId: user.role === 'patient' ? user.id : null };
}

/** A new link (and email) for someone who has not set a password yet; the old link stops working. */
export async function resendInvitation(viewer: Viewer, rawInput: InvitationTargetInput, origin: string): Promise<{ delivery: DeliveryResult } | null> {
  if (!(await allowClinician(viewer, 'invitation.resend'))) return null;
  const input = parseInput(invitationTargetSchema, rawInput);
  const message = await getDb().transaction(async (tx) => {
    const invitee = await findInviteeInScope(tx, viewer, input.userId, 'invitation.resend', true);
    if (!invitee) return null;
    if (invitee.hasPassword) throw new AppError('conflict', 'This person has already accepted their invitation.');
    const pending = await issueInvitation(tx, viewer, invitee, origin);
    await recordAudit(tx, actorOf(viewer), { action: 'invitation.resend', outcome: 'allowed', patientId: invitee.patientId, detail: { role: invitee.role, userId: invitee.userId } });
    return pending;
  });
  return message ? { delivery: await deliver(message) } : null;
}

/** Makes every open link of this person unusable. Their account stays, without a password, until a resend. */
export async function revokeInvitation(viewer: Viewer, rawInput: InvitationTargetInput): Promise<{ revoked: number } | null> {
  if (!(await allowClinician(viewer, 'invitation.revoke'))) return null;
  const input = parseInput(invitationTargetSchema, rawInput);
  return getDb().transaction(async (tx) => {
    const invitee = await findInviteeInScope(tx, viewer, input.userId, 'invitation.revoke', true);
    if (!invitee) return null;
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.userId, invitee.userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    await recordAudit(tx, actorOf(viewer), { action: 'invitation.revoke', outcome: 'allowed', patientId: invitee.patientId, detail: { role: invitee.role, userId: invitee.userId, revoked: revoked.length } });
    return { revoked: revoked.length };
  });
}

/** One person's account status for the patient page; null when the viewer may not manage them. */
export async function getAccountSummary(viewer: Viewer, userId: string): Promise<AccountSummary | null> {
  return getDb().transaction(async (tx) => {
    const invitee = await findInviteeInScope(tx, viewer, userId, 'invitation.view', false);
    if (!invitee) return null;
    const [row] = await tx
      .select({
        userId: users.id,
        status: accountStatusSql,
        disabled: sql<boolean>`${users.disabledAt} is not null`,
        invitedAt: sql<string | null>`${isoTime(sql`latest_invitation.created_at`)}`,
        expiresAt: sql<string | null>`${isoTime(sql`latest_invitation.expires_at`)}`,
      })
      .from(users)
      .leftJoin(latestInvitationJoin, sql`true`)
      .where(eq(users.id, invitee.userId));
    return row ?? null;
  });
}

/**
 * Account status of the patients in the viewer's caseload who have not set a password yet
 * (therapist: their own; admin: the clinic's). Patients and everyone else: null.
 */
export async function listPendingPatientAccounts(viewer: Viewer): Promise<Record<string, AccountStatus> | null> {
  if (!isClinician(viewer.role)) return null;
  const scope =
    viewer.role === 'admin' ? eq(patients.clinicId, viewer.clinicId) : and(eq(patients.clinicId, viewer.clinicId), eq(patients.primaryTherapistId, viewer.userId));
  const rows = await getDb()
    .select({ userId: users.id, status: accountStatusSql })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.id))
    .leftJoin(latestInvitationJoin, sql`true`)
    .where(and(scope, isNull(users.passwordHash)));
  return Object.fromEntries(rows.map((r) => [r.userId, r.status]));
}

export type OutboxMessageDto = { id: string; to: string; subject: string; body: string; createdAt: string; sentAt: string | null; failedAt: string | null };

/**
 * The clinic's outgoing mail, newest first. Admins see the whole clinic's; a therapist sees the
 * messages they caused (other therapists' patients are not in their care).
 */
export async function listOutbox(viewer: Viewer, limit = 100): Promise<OutboxMessageDto[] | null> {
  const db = getDb();
  if (!isClinician(viewer.role)) {
    await recordAudit(db, actorOf(viewer), { action: 'outbox.view', outcome: 'denied', detail: { reason: 'role' } });
    return null;
  }
  const scope =
    viewer.role === 'admin' ? eq(outboxMessages.clinicId, viewer.clinicId) : and(eq(outboxMessages.clinicId, viewer.clinicId), eq(outboxMessages.createdBy, viewer.userId));
  const rows = await db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.toEmail,
      subject: outboxMessages.subject,
      body: outboxMessages.body,
      createdAt: isoTime(outboxMessages.createdAt),
      sentAt: sql<string | null>`${isoTime(outboxMessages.sentAt)}`,
      failedAt: sql<string | null>`${isoTime(outboxMessages.failedAt)}`,
    })
    .from(outboxMessages)
    .where(scope)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  await recordAudit(db, actorOf(viewer), { action: 'outbox.view', outcome: 'allowed', detail: { messages: rows.length } });
  return rows;
}

export type OpenInvitation = { name: string; email: string; clinicName: string; role: Role };

/**
 * Public (no viewer): the invitation behind a link if it can still be used: unused, unrevoked,
 * unexpired, and its person has no password and is not disabled. Anything else is null.
 */
export async function findOpenInvitation(token: string): Promise<OpenInvitation | null> {
  if (!invitationTokenField.safeParse(token).success) return null;
  const [row] = await getDb()
    .select({ name: users.name, email: users.email, clinicName: clinics.name, role: invitations.role })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} > now()`,
        isNull(users.passwordHash),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Public: sets the invited person's password and uses up the link, atomically (a second submit
 * of the same link, or two at once, finds it used). Bad input → 422 naming the field; a link that
 * is unknown, expired, used or revoked → null. Returns the email so the caller can sign them in.
 */
export async function acceptInvitation(rawInput: AcceptInvitationInput, source: RequestSource): Promise<{ email: string; role: Role } | null> {
  const input = parseInput(acceptInvitationSchema, rawInput);
  const passwordHash = await hashPassword(input.password);
  return getDb().transaction(async (tx) => {
    const [invitation] = await tx
      .select({
        id: invitations.id,
        userId: invitations.userId,
        clinicId: invitations.clinicId,
        role: users.role,
        email: users.email,
        isOpen: sql<boolean>`${invitations.usedAt} is null and ${invitations.revokedAt} is null and ${invitations.expiresAt} > now()
          and ${users.passwordHash} is null and ${users.disabledAt} is null`,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(eq(invitations.tokenHash, hashToken(input.token)))
      .limit(1)
      .for('update');
    const actor = { userId: invitation?.userId ?? null, role: invitation?.role ?? null, clinicId: invitation?.clinicId ?? null, source };
    if (!invitation || !invitation.isOpen) {
      await recordAudit(tx, actor, { action: 'invitation.accept', outcome: 'denied', patientId: invitation?.role === 'patient' ? invitation.userId : null, detail: { reason: invitation ? 'not_open' : 'unknown_token' } });
      return null;
    }
    await tx.update(invitations).set({ usedAt: sql`now()` }).where(eq(invitations.id, invitation.id));
    // Any other link still open for this person dies with this one.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.userId, invitation.userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(and(eq(users.id, invitation.userId), isNull(users.passwordHash)));
    await recordAudit(tx, actor, { action: 'invitation.accept', outcome: 'allowed', patientId: invitation.role === 'patient' ? invitation.userId : null, detail: { role: invitation.role } });
    return { email: invitation.email, role: invitation.role };
  });
}
