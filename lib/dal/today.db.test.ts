import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { painCheckIns, patients, planItems, planRevisions, plans, sessionLogs } from '@/db/schema';
import type { PlanStatus } from '@/db/schema/enums';
import { createUser, createWorld, viewerFor, type World } from '@/db/test/fixtures';
import { addDays, isoWeekday, localDateIn, type LocalDate } from '@/lib/dates';
import { recordSessionLog } from './session-logs';
import { getToday } from './today';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

type ItemSpec = { daysOfWeek: number[]; sessionsPerDay?: number };
type PlanSpec = { timeZone?: string; name?: string; startDate?: LocalDate; endDate?: LocalDate | null; status?: PlanStatus; items?: ItemSpec[] };

/** A patient of t1 with one plan built to spec (mirrors createPatientWithPlan in db/test/fixtures.ts). */
async function patientWithPlan(spec: PlanSpec = {}) {
  const db = getDb();
  const timeZone = spec.timeZone ?? 'Europe/London';
  const clinicId = world.clinicA.id;
  const therapistId = world.viewers.t1.userId;
  const user = await createUser(clinicId, 'patient', spec.name ? { name: spec.name } : {});
  await db.insert(patients).values({ id: user.id, clinicId, primaryTherapistId: therapistId, timeZone });
  const startDate = spec.startDate ?? addDays(localDateIn(timeZone), -10);
  const [plan] = await db
    .insert(plans)
    .values({ clinicId, patientId: user.id, therapistId, title: 'Spec plan', startDate, endDate: spec.endDate ?? null, status: spec.status ?? 'active' })
    .returning();
  if (!plan) throw new Error('plan insert failed');
  const [revision] = await db.insert(planRevisions).values({ clinicId, planId: plan.id, revision: 1, effectiveDate: startDate, createdBy: therapistId }).returning();
  if (!revision) throw new Error('revision insert failed');
  const items = await db
    .insert(planItems)
    .values(
      (spec.items ?? [{ daysOfWeek: [1, 2, 3, 4, 5, 6, 7] }]).map((item, position) => ({
        clinicId,
        planId: plan.id,
        revisionId: revision.id,
        itemKey: randomUUID(),
        exerciseId: world.exercise.id,
        position,
        sets: 2,
        reps: 1,
        holdSeconds: 30,
        side: 'both' as const,
        sessionsPerDay: item.sessionsPerDay ?? 2,
        daysOfWeek: item.daysOfWeek,
      })),
    )
    .returning();
  return { user, viewer: viewerFor(user), plan, revision, items, timeZone };
}

const log = (planItemId: string) => ({ clientId: randomUUID(), planItemId, setsDone: 2 });

describe('getToday', () => {
  it('lists the item due today, with doneToday / remainingToday following recorded sessions', async () => {
    const p = await patientWithPlan({ items: [{ daysOfWeek: [1, 2, 3, 4, 5, 6, 7], sessionsPerDay: 2 }] });
    const item = p.items[0];
    if (!item) throw new Error('no item');

    const fresh = await getToday(p.viewer);
    expect(fresh?.planState).toBe('in_force');
    expect(fresh?.items.map((i) => [i.planItemId, i.doneToday, i.remainingToday])).toEqual([[item.id, 0, 2]]);

    await recordSessionLog(p.viewer, log(item.id));
    expect((await getToday(p.viewer))?.items.map((i) => [i.doneToday, i.remainingToday])).toEqual([[1, 1]]);

    await recordSessionLog(p.viewer, log(item.id));
    expect((await getToday(p.viewer))?.items.map((i) => [i.doneToday, i.remainingToday])).toEqual([[2, 0]]);

    // An extra session is counted, but remaining never goes below zero.
    await recordSessionLog(p.viewer, log(item.id));
    expect((await getToday(p.viewer))?.items.map((i) => [i.doneToday, i.remainingToday])).toEqual([[3, 0]]);
  });

  it('does not count a replayed request twice', async () => {
    const p = await patientWithPlan();
    const item = p.items[0];
    if (!item) throw new Error('no item');
    const body = log(item.id);
    await recordSessionLog(p.viewer, body);
    await recordSessionLog(p.viewer, { ...body });
    expect((await getToday(p.viewer))?.items[0]?.doneToday).toBe(1);
  });

  it('counts neither an undone session nor one from yesterday', async () => {
    const p = await patientWithPlan({ timeZone: 'Pacific/Auckland' });
    const item = p.items[0];
    if (!item) throw new Error('no item');
    const today = localDateIn(p.timeZone);
    const row = { clinicId: world.clinicA.id, patientId: p.user.id, planItemId: item.id, setsDone: 1, requestHash: 'x' };
    await getDb()
      .insert(sessionLogs)
      .values([
        { ...row, clientId: randomUUID(), localDate: addDays(today, -1) },
        { ...row, clientId: randomUUID(), localDate: today, undoneAt: new Date() },
      ]);
    const view = await getToday(p.viewer);
    expect([today, localDateIn(p.timeZone)]).toContain(view?.today);
    expect(view?.items.map((i) => [i.doneToday, i.remainingToday])).toEqual([[0, 2]]);
  });

  it("leaves out an item scheduled only on a weekday that is not the patient's local today", async () => {
    const timeZone = 'Pacific/Auckland'; // often a different calendar day from the server's
    const before = localDateIn(timeZone);
    const offDay = isoWeekday(addDays(before, 3)); // not today, even if midnight passes during the test
    const p = await patientWithPlan({
      timeZone,
      items: [
        { daysOfWeek: [1, 2, 3, 4, 5, 6, 7] }, // daily
        { daysOfWeek: [offDay] }, // another weekday only
        { daysOfWeek: [...new Set([isoWeekday(before), isoWeekday(addDays(before, 1))])] }, // today's weekday
      ],
    });
    const [daily, offDayItem, todayOnly] = p.items;
    const view = await getToday(p.viewer);
    const after = localDateIn(timeZone);
    expect([before, after]).toContain(view?.today);
    expect(view?.timeZone).toBe(timeZone);
    const listed = view?.items.map((i) => i.planItemId);
    expect(listed).toEqual([daily?.id, todayOnly?.id]);
    expect(listed).not.toContain(offDayItem?.id);
  });

  it("uses the patient's time zone for today, not the server's", async () => {
    for (const timeZone of ['Pacific/Auckland', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const p = await patientWithPlan({ timeZone });
      const before = localDateIn(timeZone);
      const view = await getToday(p.viewer);
      expect([before, localDateIn(timeZone)]).toContain(view?.today);
    }
  });

  it("gives planState 'paused' and no items for a paused plan", async () => {
    const p = await patientWithPlan({ status: 'paused' });
    const view = await getToday(p.viewer);
    expect(view?.planState).toBe('paused');
    expect(view?.plan?.status).toBe('paused');
    expect(view?.items).toEqual([]);
  });

  it("gives planState 'not_started' and no items for a plan starting tomorrow", async () => {
    const tomorrow = addDays(localDateIn('Europe/London'), 1);
    const p = await patientWithPlan({ startDate: tomorrow });
    const view = await getToday(p.viewer);
    expect(view?.planState).toBe('not_started');
    expect(view?.plan?.startDate).toBe(tomorrow);
    expect(view?.items).toEqual([]);
  });

  it("gives planState 'ended' and no items for a plan that ended yesterday", async () => {
    const today = localDateIn('Europe/London');
    const p = await patientWithPlan({ startDate: addDays(today, -20), endDate: addDays(today, -1) });
    const view = await getToday(p.viewer);
    expect(view?.planState).toBe('ended');
    expect(view?.items).toEqual([]);
  });

  it("still lists items on a plan's last day", async () => {
    const today = localDateIn('Europe/London');
    const p = await patientWithPlan({ startDate: addDays(today, -20), endDate: today });
    const view = await getToday(p.viewer);
    expect(view?.planState).toBe('in_force');
    expect(view?.items).toHaveLength(1);
  });

  it("gives planState 'none' when the patient has no plan, and 'none' when the only plan is archived", async () => {
    const user = await createUser(world.clinicA.id, 'patient');
    await getDb().insert(patients).values({ id: user.id, clinicId: world.clinicA.id, primaryTherapistId: world.viewers.t1.userId, timeZone: 'UTC' });
    const none = await getToday(viewerFor(user));
    expect(none).toMatchObject({ planState: 'none', plan: null, items: [] });

    const archived = await patientWithPlan({ status: 'archived' });
    expect(await getToday(archived.viewer)).toMatchObject({ planState: 'none', plan: null, items: [] });
  });

  it("lists the current revision's items, counting sessions logged against the same item in an earlier revision", async () => {
    const p = await patientWithPlan();
    const first = p.items[0];
    if (!first) throw new Error('no item');
    await recordSessionLog(p.viewer, log(first.id));

    const db = getDb();
    const [rev2] = await db
      .insert(planRevisions)
      .values({ clinicId: world.clinicA.id, planId: p.plan.id, revision: 2, effectiveDate: localDateIn(p.timeZone), createdBy: world.viewers.t1.userId })
      .returning();
    if (!rev2) throw new Error('revision insert failed');
    const [carried] = await db
      .insert(planItems)
      .values({ ...first, id: undefined, revisionId: rev2.id, sessionsPerDay: 3 })
      .returning();
    await db.update(plans).set({ currentRevision: 2 }).where(eq(plans.id, p.plan.id));

    const view = await getToday(p.viewer);
    expect(view?.items.map((i) => i.planItemId)).toEqual([carried?.id]);
    expect(view?.items[0]).toMatchObject({ sessionsPerDay: 3, doneToday: 1, remainingToday: 2 });
  });

  it("reports checkInDone only for a check-in on the patient's local today", async () => {
    const p = await patientWithPlan({ timeZone: 'America/New_York' });
    const today = localDateIn(p.timeZone);
    await getDb().insert(painCheckIns).values({ clinicId: world.clinicA.id, patientId: p.user.id, localDate: addDays(today, -1), pain: 3 });
    expect((await getToday(p.viewer))?.checkInDone).toBe(false);
    await getDb().insert(painCheckIns).values({ clinicId: world.clinicA.id, patientId: p.user.id, localDate: today, pain: 2 });
    expect((await getToday(p.viewer))?.checkInDone).toBe(true);
  });

  it("greets the patient by first name", async () => {
    const p = await patientWithPlan({ name: 'Aroha Te Whare' });
    expect((await getToday(p.viewer))?.firstName).toBe('Aroha');
  });
});
