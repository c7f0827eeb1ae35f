// Table-driven access tests: every DAL read × every actor of the test world × every target.
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import type { Viewer } from '@/lib/auth/types';
import { getPatientDetail, listCaseload } from './patients';
import { getToday } from './today';

type ActorName = keyof World['viewers'];
type PatientName = keyof World['patients'];

const ACTORS: ActorName[] = ['p1', 'p2', 'p3', 'pB', 't1', 't2', 'tB', 'adminA', 'adminB'];
const PATIENTS: PatientName[] = ['p1', 'p2', 'p3', 'pB'];

/** Who may read whom. Everything not listed is "not found". */
const ALLOWED: Record<ActorName, PatientName[]> = {
  p1: ['p1'],
  p2: ['p2'],
  p3: ['p3'],
  pB: ['pB'],
  t1: ['p1', 'p2'],
  t2: ['p3'],
  tB: ['pB'],
  adminA: ['p1', 'p2', 'p3'],
  adminB: ['pB'],
};

const CASES = ACTORS.flatMap((actor) => PATIENTS.map((target) => [actor, target, ALLOWED[actor].includes(target)] as const));

/** Outcomes of the audit rows one actor left for one action (and patient, when given), oldest first. */
async function auditOutcomes(viewer: Viewer, action: string, patientId?: string | null): Promise<string[]> {
  const patientFilter = patientId === undefined ? undefined : patientId === null ? isNull(auditEvents.patientId) : eq(auditEvents.patientId, patientId);
  const rows = await getDb()
    .select({ outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, viewer.userId), eq(auditEvents.action, action), patientFilter))
    .orderBy(auditEvents.at);
  return rows.map((r) => r.outcome);
}

describe('getPatientDetail(viewer, patientId)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it.each(CASES)('%s reading %s → allowed: %s (and audited as such)', async (actorName, targetName, allowed) => {
    const viewer = world.viewers[actorName];
    const target = world.patients[targetName];
    const detail = await getPatientDetail(viewer, target.user.id);
    if (allowed) {
      expect(detail).not.toBeNull();
      expect(detail?.patient.id).toBe(target.user.id);
      expect(detail?.patient.name).toBe(target.user.name);
      expect(detail?.plan?.id).toBe(target.plan.id);
      expect(detail?.plan?.items.map((i) => i.planItemId)).toEqual([target.item.id]);
    } else {
      expect(detail).toBeNull();
    }
    // Each actor × target pair is read exactly once in this world, so exactly one row exists.
    expect(await auditOutcomes(viewer, 'patient.view', target.user.id)).toEqual([allowed ? 'allowed' : 'denied']);
  });

  it.each([
    ['not-a-uuid', 'not-a-uuid'],
    ['the empty string', ''],
    ['a uuid with a trailing space', '00000000-0000-4000-8000-000000000000 '],
    ["SQL-looking text", "' or 1=1 --"],
  ])('answers null (no throw) for a malformed id: %s, and audits the denial', async (_name, id) => {
    const viewer = world.viewers.adminA;
    const before = (await auditOutcomes(viewer, 'patient.view', null)).length;
    await expect(getPatientDetail(viewer, id)).resolves.toBeNull();
    const after = await auditOutcomes(viewer, 'patient.view', null);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toBe('denied');
  });

  it('answers null for a well-formed id that is nobody, and audits the denial', async () => {
    const nobody = crypto.randomUUID();
    await expect(getPatientDetail(world.viewers.adminA, nobody)).resolves.toBeNull();
    expect(await auditOutcomes(world.viewers.adminA, 'patient.view', nobody)).toEqual(['denied']);
  });

  it('answers null when a clinician passes a non-patient user id (a colleague, themself)', async () => {
    await expect(getPatientDetail(world.viewers.adminA, world.viewers.t1.userId)).resolves.toBeNull();
    await expect(getPatientDetail(world.viewers.t1, world.viewers.t1.userId)).resolves.toBeNull();
  });

  it('accepts the id in upper case for an allowed reader (uuids are case-insensitive)', async () => {
    const detail = await getPatientDetail(world.viewers.t2, world.patients.p3.user.id.toUpperCase());
    expect(detail?.patient.id).toBe(world.patients.p3.user.id);
  });

  it("never puts another clinic's patient into a detail DTO", async () => {
    const detail = await getPatientDetail(world.viewers.t1, world.patients.p1.user.id);
    const json = JSON.stringify(detail);
    for (const other of [world.patients.pB, world.patients.p3]) {
      expect(json).not.toContain(other.user.name);
      expect(json).not.toContain(other.user.email);
      expect(json).not.toContain(other.user.id);
    }
  });
});

describe('listCaseload(viewer)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  const CASELOAD: [ActorName, PatientName[] | null][] = [
    ['t1', ['p1', 'p2']],
    ['t2', ['p3']],
    ['adminA', ['p1', 'p2', 'p3']],
    ['tB', ['pB']],
    ['adminB', ['pB']],
    ['p1', null],
    ['p2', null],
    ['p3', null],
    ['pB', null],
  ];

  it.each(CASELOAD)('%s sees exactly %j', async (actorName, expected) => {
    const rows = await listCaseload(world.viewers[actorName]);
    if (expected === null) {
      expect(rows).toBeNull();
      return;
    }
    expect(rows).not.toBeNull();
    const ids = (rows ?? []).map((r) => r.patientId).sort();
    expect(ids).toEqual(expected.map((p) => world.patients[p].user.id).sort());
    for (const row of rows ?? []) {
      const name = PATIENTS.find((p) => world.patients[p].user.id === row.patientId);
      expect(name && expected.includes(name)).toBe(true);
      expect(row.planStatus).toBe('active');
      expect(row.planTitle).toBe('Test plan');
    }
  });

  it('audits an allowed caseload read with the number of patients', async () => {
    const viewer = world.viewers.t1;
    const before = (await auditOutcomes(viewer, 'caseload.view')).length;
    await listCaseload(viewer);
    const rows = await getDb()
      .select({ outcome: auditEvents.outcome, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, viewer.userId), eq(auditEvents.action, 'caseload.view')))
      .orderBy(auditEvents.at);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({ outcome: 'allowed', detail: { patients: 2 } });
  });

  it('audits a patient asking for a caseload as a denied read', async () => {
    const viewer = world.viewers.p2;
    const before = await auditOutcomes(viewer, 'caseload.view');
    await expect(listCaseload(viewer)).resolves.toBeNull();
    expect(await auditOutcomes(viewer, 'caseload.view')).toEqual([...before, 'denied']);
  });

  it("never returns another clinic's patient names in t1's or adminA's caseload", async () => {
    const forbidden = [world.patients.pB.user, world.viewers.tB, world.viewers.adminB].flatMap((u) => [u.name, u.email]);
    for (const actor of ['t1', 'adminA'] as const) {
      const json = JSON.stringify(await listCaseload(world.viewers[actor]));
      for (const text of forbidden) expect(json).not.toContain(text);
    }
    // t1 does not see t2's patient either.
    const t1Json = JSON.stringify(await listCaseload(world.viewers.t1));
    expect(t1Json).not.toContain(world.patients.p3.user.name);
    expect(t1Json).toContain(world.patients.p1.user.name);
  });
});

describe('getToday(viewer)', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it.each(['p1', 'p2', 'p3', 'pB'] as const)('%s gets their own Today, and only their own plan items', async (name) => {
    const own = world.patients[name];
    const view = await getToday(world.viewers[name]);
    expect(view).not.toBeNull();
    expect(view?.plan?.id).toBe(own.plan.id);
    expect(view?.items.map((i) => i.planItemId)).toEqual([own.item.id]);
    const othersItems = PATIENTS.filter((p) => p !== name).map((p) => world.patients[p].item.id);
    const json = JSON.stringify(view);
    for (const id of othersItems) expect(json).not.toContain(id);
    expect(await auditOutcomes(world.viewers[name], 'today.view', own.user.id)).toEqual(['allowed']);
  });

  it.each(['t1', 't2', 'tB', 'adminA', 'adminB'] as const)('%s (a clinician) gets no Today', async (name) => {
    await expect(getToday(world.viewers[name])).resolves.toBeNull();
  });

  it('audits a clinician asking for a Today as a denied read', async () => {
    const viewer = world.viewers.t2;
    const before = await auditOutcomes(viewer, 'today.view');
    await expect(getToday(viewer)).resolves.toBeNull();
    expect(await auditOutcomes(viewer, 'today.view')).toEqual([...before, 'denied']);
  });

  it("ignores a forged viewer: a patient id paired with another clinic's clinicId is not found", async () => {
    const forged: Viewer = { ...world.viewers.p1, clinicId: world.clinicB.id };
    await expect(getToday(forged)).resolves.toBeNull();
    await expect(getPatientDetail(forged, world.patients.p1.user.id)).resolves.toBeNull();
  });
});
