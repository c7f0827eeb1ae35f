// Clinic admin: staff accounts (disable ends sessions at once), moving patients, and the audit
// log viewer. Only the clinic's admin succeeds; everyone else gets null and nothing changes.
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, authSessions, patients, users } from '@/db/schema';
import { createUser, createWorld, viewerFor, type World } from '@/db/test/fixtures';
import type { Viewer } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import { getAuditFilterOptions, listAuditEvents } from './audit-log';
import { recordAudit, actorOf } from './audit';
import { listActiveTherapists, listPatientAssignments, listStaff, reassignPatient, setStaffDisabled } from './clinic-admin';
import { getPatientDetail } from './patients';
import { createAuthSession, resolveSession } from './sessions';

const SOURCE = { ip: '127.0.0.1', requestId: null };

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

async function expectInvalid(promise: Promise<unknown>, ...fields: string[]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  for (const field of fields) expect((error as AppError).fields?.[field]?.length, `field ${field}`).toBeGreaterThan(0);
}

/** A fresh therapist of clinic A, signed in on two devices. */
async function signedInTherapist() {
  const user = await createUser(world.clinicA.id, 'therapist');
  const sessions = [await createAuthSession(user.id, user.clinicId, SOURCE), await createAuthSession(user.id, user.clinicId, SOURCE)];
  return { user, viewer: viewerFor(user), sessions };
}

async function userRow(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row;
}

async function primaryTherapistOf(patientId: string) {
  const [row] = await getDb().select({ id: patients.primaryTherapistId }).from(patients).where(eq(patients.id, patientId));
  return row?.id;
}

describe('listStaff and listActiveTherapists', () => {
  it('the admin sees their clinic’s therapists and admins with status and caseload size, nobody else’s', async () => {
    const staff = await listStaff(world.viewers.adminA);
    const byId = new Map(staff!.map((s) => [s.userId, s]));
    expect(byId.get(world.viewers.t1.userId)).toMatchObject({ role: 'therapist', patientCount: 2, disabled: false });
    expect(byId.get(world.viewers.t2.userId)).toMatchObject({ patientCount: 1 });
    expect(byId.get(world.viewers.adminA.userId)).toMatchObject({ role: 'admin', isSelf: true });
    expect(byId.has(world.viewers.tB.userId)).toBe(false);
    expect(staff!.some((s) => s.role === 'patient' as never)).toBe(false);
  });

  it.each(['t1', 'p1', 'tB'] as const)('%s gets null from listStaff', async (actor) => {
    expect(await listStaff(world.viewers[actor])).toBeNull();
  });

  it('active therapists: the clinic’s, not disabled, not admins; a patient gets null', async () => {
    const disabled = await createUser(world.clinicA.id, 'therapist', { disabled: true });
    const ids = (await listActiveTherapists(world.viewers.t1))!.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([world.viewers.t1.userId, world.viewers.t2.userId]));
    expect(ids).not.toContain(disabled.id);
    expect(ids).not.toContain(world.viewers.adminA.userId);
    expect(ids).not.toContain(world.viewers.tB.userId);
    expect(await listActiveTherapists(world.viewers.p1)).toBeNull();
  });
});

describe('setStaffDisabled', () => {
  it('disabling revokes every session at once (next request is signed out); re-enabling lets them sign in again', async () => {
    const { user, sessions } = await signedInTherapist();
    expect(await resolveSession(sessions[0]!, SOURCE)).not.toBeNull();
    expect(await setStaffDisabled(world.viewers.adminA, { therapistId: user.id, disabled: true })).toEqual({ disabled: true, sessionsRevoked: 2 });
    expect((await userRow(user.id))?.disabledAt).not.toBeNull();
    const rows = await getDb().select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(rows.every((r) => r.revokedAt !== null && r.revokedReason === 'disabled')).toBe(true);
    for (const id of sessions) expect(await resolveSession(id, SOURCE)).toBeNull();
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, 'therapist.disable'), sql`${auditEvents.detail}->>'userId' = ${user.id}`));
    expect(audit).toMatchObject({ outcome: 'allowed', actorUserId: world.viewers.adminA.userId, clinicId: world.clinicA.id });
    expect(audit?.detail).toMatchObject({ sessionsRevoked: 2 });

    expect(await setStaffDisabled(world.viewers.adminA, { therapistId: user.id, disabled: false })).toEqual({ disabled: false, sessionsRevoked: 0 });
    expect((await userRow(user.id))?.disabledAt).toBeNull();
    // Old sessions stay revoked; a new sign-in works.
    expect(await resolveSession(sessions[0]!, SOURCE)).toBeNull();
    expect(await resolveSession(await createAuthSession(user.id, user.clinicId, SOURCE), SOURCE)).not.toBeNull();
  });

  it('a disabled therapist’s patients stay with them until moved', async () => {
    const { user } = await signedInTherapist();
    const patient = await createUser(world.clinicA.id, 'patient');
    await getDb().insert(patients).values({ id: patient.id, clinicId: world.clinicA.id, primaryTherapistId: user.id, timeZone: 'UTC' });
    await setStaffDisabled(world.viewers.adminA, { therapistId: user.id, disabled: true });
    expect(await primaryTherapistOf(patient.id)).toBe(user.id);
    expect((await listPatientAssignments(world.viewers.adminA))!.find((r) => r.patientId === patient.id)).toMatchObject({ therapistDisabled: true });
  });

  it.each(['t1', 't2', 'tB', 'adminB', 'p1', 'pB'] as const)('%s gets null; the therapist stays signed in and enabled', async (actor) => {
    const { user, sessions } = await signedInTherapist();
    expect(await setStaffDisabled(world.viewers[actor], { therapistId: user.id, disabled: true })).toBeNull();
    expect((await userRow(user.id))?.disabledAt).toBeNull();
    expect(await resolveSession(sessions[0]!, SOURCE)).not.toBeNull();
  });

  it('an admin cannot disable themself (422 on therapistId); a patient id is not staff (null)', async () => {
    await expectInvalid(setStaffDisabled(world.viewers.adminA, { therapistId: world.viewers.adminA.userId, disabled: true }), 'therapistId');
    expect((await userRow(world.viewers.adminA.userId))?.disabledAt).toBeNull();
    expect(await setStaffDisabled(world.viewers.adminA, { therapistId: world.patients.p1.user.id, disabled: true })).toBeNull();
    expect((await userRow(world.patients.p1.user.id))?.disabledAt).toBeNull();
  });

  it('bad input is 422 naming the field', async () => {
    await expectInvalid(setStaffDisabled(world.viewers.adminA, { therapistId: 'nope', disabled: true }), 'therapistId');
    await expectInvalid(setStaffDisabled(world.viewers.adminA, { therapistId: world.viewers.t1.userId, disabled: 'yes' as never }), 'disabled');
  });
});

describe('reassignPatient', () => {
  it('the admin moves a patient: the new therapist sees them, the old one no longer does, audited', async () => {
    const { t1, t2, adminA } = world.viewers;
    const target = world.patients.p2.user.id;
    expect(await reassignPatient(adminA, { patientId: target, therapistId: t2.userId })).toEqual({ fromTherapistId: t1.userId, toTherapistId: t2.userId });
    expect(await getPatientDetail(t2, target)).not.toBeNull();
    expect(await getPatientDetail(t1, target)).toBeNull();
    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, 'patient.reassign'), eq(auditEvents.patientId, target)));
    expect(audit).toMatchObject({ outcome: 'allowed', actorUserId: adminA.userId, detail: { fromTherapistId: t1.userId, toTherapistId: t2.userId } });
    await reassignPatient(adminA, { patientId: target, therapistId: t1.userId });
    expect(await primaryTherapistOf(target)).toBe(t1.userId);
  });

  it.each(['t1', 't2', 'tB', 'adminB', 'p1', 'pB'] as const)('%s gets null and the patient stays put', async (actor) => {
    const target = world.patients.p1.user.id;
    expect(await reassignPatient(world.viewers[actor], { patientId: target, therapistId: world.viewers.t2.userId })).toBeNull();
    expect(await primaryTherapistOf(target)).toBe(world.viewers.t1.userId);
  });

  it('another clinic’s patient is null for the admin (not found), and nothing changes', async () => {
    expect(await reassignPatient(world.viewers.adminA, { patientId: world.patients.pB.user.id, therapistId: world.viewers.t1.userId })).toBeNull();
    expect(await primaryTherapistOf(world.patients.pB.user.id)).toBe(world.viewers.tB.userId);
  });

  it('a therapist of another clinic, a disabled therapist or an admin as target is 422 on therapistId', async () => {
    const disabled = await createUser(world.clinicA.id, 'therapist', { disabled: true });
    for (const therapistId of [world.viewers.tB.userId, disabled.id, world.viewers.adminA.userId]) {
      await expectInvalid(reassignPatient(world.viewers.adminA, { patientId: world.patients.p1.user.id, therapistId }), 'therapistId');
    }
    expect(await primaryTherapistOf(world.patients.p1.user.id)).toBe(world.viewers.t1.userId);
  });

  it('malformed ids are 422 naming each field', async () => {
    await expectInvalid(reassignPatient(world.viewers.adminA, { patientId: 'x', therapistId: 'y' }), 'patientId', 'therapistId');
  });

  it('listPatientAssignments: the admin sees every patient of the clinic with their therapist; others get null', async () => {
    const rows = await listPatientAssignments(world.viewers.adminA);
    const ids = rows!.map((r) => r.patientId);
    expect(ids).toEqual(expect.arrayContaining([world.patients.p1.user.id, world.patients.p2.user.id, world.patients.p3.user.id]));
    expect(ids).not.toContain(world.patients.pB.user.id);
    for (const actor of ['t1', 'p1', 'tB'] as const) expect(await listPatientAssignments(world.viewers[actor])).toBeNull();
  });
});

describe('listAuditEvents', () => {
  /** A fresh clinic-A actor with `n` audit rows of its own. */
  async function actorWithRows(n: number, action = 'test_probe.ping', patientId: string | null = null): Promise<Viewer> {
    const viewer = viewerFor(await createUser(world.clinicA.id, 'therapist'));
    for (let i = 0; i < n; i++) await recordAudit(getDb(), actorOf(viewer), { action, outcome: 'allowed', patientId, detail: { i } });
    return viewer;
  }

  it('pages 50 rows at a time, newest first, filtered by actor', async () => {
    const actor = await actorWithRows(60);
    const first = await listAuditEvents(world.viewers.adminA, { actorId: actor.userId });
    expect(first).toMatchObject({ page: 1, hasNext: true });
    expect(first!.rows).toHaveLength(50);
    expect(first!.rows[0]).toMatchObject({ action: 'test_probe.ping', actorName: actor.name, detail: { i: 59 } });
    const second = await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, page: '2' as never });
    expect(second).toMatchObject({ page: 2, hasNext: false });
    expect(second!.rows).toHaveLength(10);
    expect(second!.rows.at(-1)?.detail).toEqual({ i: 0 });
  });

  it('filters by patient, by action family or exact action, and by date range; shows the patient’s name', async () => {
    const target = world.patients.p3.user;
    const actor = await actorWithRows(2, 'test_probe.touch', target.id);
    const byPatient = await listAuditEvents(world.viewers.adminA, { patientId: target.id, actorId: actor.userId });
    expect(byPatient!.rows.map((r) => r.patientName)).toEqual([target.name, target.name]);
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, action: 'test_probe' }))!.rows).toHaveLength(2);
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, action: 'test_probe.touch' }))!.rows).toHaveLength(2);
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, action: 'test_probe.ping' }))!.rows).toHaveLength(0);
    // "test" is not the family "test_probe": families match whole segments.
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, action: 'test' }))!.rows).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, from: today, to: today }))!.rows).toHaveLength(2);
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, to: '2020-01-01' }))!.rows).toHaveLength(0);
    expect((await listAuditEvents(world.viewers.adminA, { actorId: actor.userId, from: '2999-01-01' }))!.rows).toHaveLength(0);
  });

  it('shows only the admin’s own clinic, and reading the log is itself audited', async () => {
    const outsider = viewerFor(await createUser(world.clinicB.id, 'therapist'));
    await recordAudit(getDb(), actorOf(outsider), { action: 'test_probe.ping', outcome: 'allowed' });
    expect((await listAuditEvents(world.viewers.adminA, { actorId: outsider.userId }))!.rows).toHaveLength(0);
    expect((await listAuditEvents(world.viewers.adminB, { actorId: outsider.userId }))!.rows).toHaveLength(1);
    const all = await listAuditEvents(world.viewers.adminA, {});
    expect(all!.rows.length).toBeGreaterThan(0);
    const clinics = await getDb()
      .select({ clinicId: auditEvents.clinicId })
      .from(auditEvents)
      .where(sql`${auditEvents.id} in ${all!.rows.map((r) => r.id)}`);
    expect(new Set(clinics.map((c) => c.clinicId))).toEqual(new Set([world.clinicA.id]));
    const [views] = await getDb().select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.actorUserId, world.viewers.adminA.userId), eq(auditEvents.action, 'audit.view'), eq(auditEvents.outcome, 'allowed')));
    expect(views?.n).toBeGreaterThan(0);
  });

  it.each(['t1', 'tB', 'p1', 'pB'] as const)('%s gets null (and the denial is audited)', async (actor) => {
    expect(await listAuditEvents(world.viewers[actor], {})).toBeNull();
    expect(await getAuditFilterOptions(world.viewers[actor])).toBeNull();
    const [row] = await getDb().select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.actorUserId, world.viewers[actor].userId), eq(auditEvents.action, 'audit.view'), eq(auditEvents.outcome, 'denied')));
    expect(row?.n).toBeGreaterThan(0);
  });

  it.each([
    ['a malformed patient id', { patientId: 'p1' }, 'patientId'],
    ['a malformed actor id', { actorId: '1 or 1=1' }, 'actorId'],
    ['an action with SQL in it', { action: "x'; drop table users; --" }, 'action'],
    ['a bad from date', { from: '2026-02-30' }, 'from'],
    ['to before from', { from: '2026-03-02', to: '2026-03-01' }, 'to'],
    ['page 0', { page: '0' }, 'page'],
    ['an unknown filter', { clinicId: '00000000-0000-4000-8000-000000000000' }, 'clinicId'],
  ])('%s is 422 naming %s', async (_name, filter, field) => {
    await expectInvalid(listAuditEvents(world.viewers.adminA, filter as never), field);
  });

  it('filter options list the clinic’s people only', async () => {
    const options = await getAuditFilterOptions(world.viewers.adminA);
    const ids = options!.people.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([world.viewers.t1.userId, world.patients.p1.user.id]));
    expect(ids).not.toContain(world.viewers.tB.userId);
  });
});
