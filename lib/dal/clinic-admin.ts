import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authSessions, invitations, patients, users } from '@/db/schema';
import type { Role } from '@/db/schema/enums';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/http';
import { reassignPatientSchema, setTherapistDisabledSchema, type ReassignPatientInput, type SetTherapistDisabledInput } from '@/lib/validation/admin';
import { actorOf, recordAudit } from './audit';
import type { AccountStatus } from './invitations';
import { findPatientInScope } from './scope';
import { IDLE_TIMEOUT_MINUTES } from './sessions';

export type StaffRow = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: AccountStatus;
  disabled: boolean;
  patientCount: number;
  /** Sessions that would still be accepted now (not revoked, not expired, not idle). */
  activeSessions: number;
  lastSeenAt: string | null;
  isSelf: boolean;
};

async function denyUnlessAdmin(viewer: Viewer, action: string): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  await recordAudit(getDb(), actorOf(viewer), { action, outcome: 'denied', detail: { reason: 'role' } });
  return false;
}

/** Admin: every therapist and admin of their clinic, with account state and caseload size. */
export async function listStaff(viewer: Viewer): Promise<StaffRow[] | null> {
  if (!(await denyUnlessAdmin(viewer, 'staff.list'))) return null;
  const db = getDb();
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: sql<AccountStatus>`case
        when ${users.passwordHash} is not null then 'active'
        when latest.id is null then 'none'
        when latest.revoked_at is not null then 'revoked'
        when latest.expires_at <= now() then 'expired'
        else 'pending' end`,
      disabled: sql<boolean>`${users.disabledAt} is not null`,
      patientCount: sql<number>`(select count(*) from ${patients} p where p.primary_therapist_id = ${users.id})::int`,
      activeSessions: sql<number>`(select count(*) from ${authSessions} s where s.user_id = ${users.id} and s.revoked_at is null and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(mins => ${IDLE_TIMEOUT_MINUTES}))::int`,
      lastSeenAt: sql<string | null>`to_char((select max(s.last_seen_at) from ${authSessions} s where s.user_id = ${users.id}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    })
    .from(users)
    .leftJoin(
      sql`lateral (select i.id, i.revoked_at, i.expires_at from ${invitations} i where i.user_id = ${users.id} order by i.created_at desc limit 1) as latest`,
      sql`true`,
    )
    .where(and(eq(users.clinicId, viewer.clinicId), inArray(users.role, ['therapist', 'admin'])))
    .orderBy(sql`${users.role} = 'admin' desc`, asc(users.name));
  await recordAudit(db, actorOf(viewer), { action: 'staff.list', outcome: 'allowed', detail: { staff: rows.length } });
  return rows.map((r) => ({ ...r, isSelf: r.userId === viewer.userId }));
}

/** Clinicians: the clinic's active therapists, to choose a primary therapist from. */
export async function listActiveTherapists(viewer: Viewer): Promise<{ id: string; name: string }[] | null> {
  if (!isClinician(viewer.role)) return null;
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, 'therapist'), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/**
 * Admin disables or re-enables a therapist or admin of their clinic (never themself). Disabling
 * revokes every open session of that person in the same transaction, so they are signed out on
 * their next request; their patients stay where they are until moved. Others → null.
 */
export async function setStaffDisabled(viewer: Viewer, rawInput: SetTherapistDisabledInput): Promise<{ disabled: boolean; sessionsRevoked: number } | null> {
  const action = rawInput.disabled === false ? 'therapist.enable' : 'therapist.disable';
  if (!(await denyUnlessAdmin(viewer, action))) return null;
  const input = parseInput(setTherapistDisabledSchema, rawInput);
  return getDb().transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.id, input.therapistId), eq(users.clinicId, viewer.clinicId), inArray(users.role, ['therapist', 'admin'])))
      .limit(1)
      .for('update');
    if (!target) {
      await recordAudit(tx, actorOf(viewer), { action, outcome: 'denied', detail: { reason: 'not_in_scope' } });
      return null;
    }
    if (target.id === viewer.userId) {
      throw new AppError('invalid_input', 'You cannot disable your own account.', { therapistId: ['You cannot disable your own account. Ask another admin.'] });
    }
    if (!input.disabled) {
      await tx.update(users).set({ disabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, target.id));
      await recordAudit(tx, actorOf(viewer), { action, outcome: 'allowed', detail: { userId: target.id, role: target.role } });
      return { disabled: false, sessionsRevoked: 0 };
    }
    // coalesce keeps the first disabling time if an admin clicks twice.
    await tx.update(users).set({ disabledAt: sql`coalesce(${users.disabledAt}, now())`, updatedAt: sql`now()` }).where(eq(users.id, target.id));
    const revoked = await tx
      .update(authSessions)
      .set({ revokedAt: sql`now()`, revokedReason: 'disabled' })
      .where(and(eq(authSessions.userId, target.id), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    await recordAudit(tx, actorOf(viewer), { action, outcome: 'allowed', detail: { userId: target.id, role: target.role, sessionsRevoked: revoked.length } });
    return { disabled: true, sessionsRevoked: revoked.length };
  });
}

export type PatientAssignmentRow = { patientId: string; name: string; therapistId: string; therapistName: string; therapistDisabled: boolean };

/** Admin: every patient of the clinic with their primary therapist (for moving patients). */
export async function listPatientAssignments(viewer: Viewer): Promise<PatientAssignmentRow[] | null> {
  if (!(await denyUnlessAdmin(viewer, 'patient.assignments'))) return null;
  const db = getDb();
  const rows = await db
    .select({
      patientId: patients.id,
      name: users.name,
      therapistId: patients.primaryTherapistId,
      therapistName: sql<string>`therapist.name`,
      therapistDisabled: sql<boolean>`therapist.disabled_at is not null`,
    })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.id))
    .innerJoin(sql`${users} as therapist`, sql`therapist.id = ${patients.primaryTherapistId}`)
    .where(eq(patients.clinicId, viewer.clinicId))
    .orderBy(sql`therapist.disabled_at is null`, asc(users.name));
  await recordAudit(db, actorOf(viewer), { action: 'patient.assignments', outcome: 'allowed', detail: { patients: rows.length } });
  return rows;
}

/**
 * Admin moves a patient of their clinic to another active therapist of the same clinic. The new
 * therapist sees the patient from their next request; the old one no longer does. Others → null.
 */
export async function reassignPatient(viewer: Viewer, rawInput: ReassignPatientInput): Promise<{ fromTherapistId: string; toTherapistId: string } | null> {
  if (!(await denyUnlessAdmin(viewer, 'patient.reassign'))) return null;
  const input = parseInput(reassignPatientSchema, rawInput);
  return getDb().transaction(async (tx) => {
    const patient = await findPatientInScope(tx, viewer, input.patientId, 'patient.reassign');
    if (!patient) return null;
    const [therapist] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.therapistId), eq(users.clinicId, viewer.clinicId), eq(users.role, 'therapist'), isNull(users.disabledAt)))
      .limit(1);
    if (!therapist) throw new AppError('invalid_input', 'Some fields are not valid.', { therapistId: ['Choose an active therapist of your clinic.'] });
    await tx.update(patients).set({ primaryTherapistId: therapist.id, updatedAt: sql`now()` }).where(and(eq(patients.id, patient.id), eq(patients.clinicId, viewer.clinicId)));
    await recordAudit(tx, actorOf(viewer), {
      action: 'patient.reassign',
      outcome: 'allowed',
      patientId: patient.id,
      detail: { fromTherapistId: patient.primaryTherapistId, toTherapistId: therapist.id },
    });
    return { fromTherapistId: patient.primaryTherapistId, toTherapistId: therapist.id };
  });
}
