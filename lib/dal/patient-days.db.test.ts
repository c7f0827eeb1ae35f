// The patient_days rollup (migration 0005) equals its definition recomputed from the raw rows with the pure
// functions of lib/metrics, after every kind of write: logs (through the DAL and inserted directly, past days
// too), undo, check-in replacement, plan revisions, pauses, a new plan, a moved start date; and concurrent logs
// of one patient and day are never undercounted.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { painCheckIns, patientDays, planItems, planRevisions, plans, planStatusChanges, sessionLogs } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import { addDays, localDateIn, type LocalDate } from '@/lib/dates';
import { compileSchedule } from '@/lib/metrics/adherence';
import { HURT_RISE_POINTS } from '@/lib/metrics/alerts';
import { recordCheckInSchema } from '@/lib/validation/check-ins';
import { savePlanSchema, setPlanStatusSchema } from '@/lib/validation/plans';
import { recordSessionLogSchema } from '@/lib/validation/session-logs';
import { recordCheckIn } from './check-ins';
import { savePlan, setPlanStatus } from './plans-edit';
import { recordSessionLog, undoSessionLog } from './session-logs';

const db = () => getDb();

type DayRow = Omit<typeof patientDays.$inferSelect, 'patientId' | 'clinicId'>;

/** The rollup's definition, from the raw rows: every local day with a live log or a check-in. */
async function expectedDays(patientId: string): Promise<DayRow[]> {
  const planRows = await db().select().from(plans).where(eq(plans.patientId, patientId));
  const ids = planRows.map((p) => p.id);
  const statuses = ids.length ? await db().select().from(planStatusChanges).where(inArray(planStatusChanges.planId, ids)).orderBy(asc(planStatusChanges.changedAt), asc(planStatusChanges.id)) : [];
  const revisions = ids.length ? await db().select().from(planRevisions).where(inArray(planRevisions.planId, ids)).orderBy(asc(planRevisions.revision)) : [];
  const items = ids.length ? await db().select().from(planItems).where(inArray(planItems.planId, ids)) : [];
  const schedules = planRows.map((p) => ({
    id: p.id,
    schedule: compileSchedule({
      startDate: p.startDate,
      endDate: p.endDate,
      statusChanges: statuses.filter((s) => s.planId === p.id).map((s) => ({ status: s.status, effectiveDate: s.effectiveDate })),
      revisions: revisions
        .filter((r) => r.planId === p.id)
        .map((r) => ({ effectiveDate: r.effectiveDate, items: items.filter((i) => i.revisionId === r.id).map((i) => ({ itemKey: i.itemKey, sessionsPerDay: i.sessionsPerDay, daysOfWeek: i.daysOfWeek })) })),
    }),
  }));
  const itemById = new Map(items.map((i) => [i.id, i]));
  const logs = await db().select().from(sessionLogs).where(and(eq(sessionLogs.patientId, patientId), isNull(sessionLogs.undoneAt)));
  const checkIns = await db().select().from(painCheckIns).where(eq(painCheckIns.patientId, patientId));
  const days = [...new Set([...logs.map((l) => l.localDate), ...checkIns.map((c) => c.localDate)])].sort();
  return days.map((day: LocalDate) => {
    const dayLogs = logs.filter((l) => l.localDate === day);
    let expected = 0;
    let done = 0;
    for (const { id, schedule } of schedules) {
      for (const item of schedule.itemsOn(day)) {
        const n = dayLogs.filter((l) => itemById.get(l.planItemId)?.planId === id && itemById.get(l.planItemId)?.itemKey === item.itemKey).length;
        expected += item.expected;
        done += Math.min(n, item.expected);
      }
    }
    const pairs = dayLogs.filter((l) => l.painBefore !== null && l.painAfter !== null);
    const checkIn = checkIns.find((c) => c.localDate === day);
    return {
      localDate: day,
      expected,
      done,
      logs: dayLogs.length,
      pain: checkIn?.pain ?? null,
      redFlag: (checkIn?.redFlags.length ?? 0) > 0,
      painPairs: pairs.length,
      painBeforeSum: pairs.reduce((s, l) => s + (l.painBefore ?? 0), 0),
      painAfterSum: pairs.reduce((s, l) => s + (l.painAfter ?? 0), 0),
      hurts: pairs.filter((l) => (l.painAfter ?? 0) - (l.painBefore ?? 0) >= HURT_RISE_POINTS).length,
    };
  });
}

async function rollup(patientId: string): Promise<DayRow[]> {
  const t = patientDays;
  const columns = { localDate: t.localDate, expected: t.expected, done: t.done, logs: t.logs, pain: t.pain, redFlag: t.redFlag, painPairs: t.painPairs, painBeforeSum: t.painBeforeSum, painAfterSum: t.painAfterSum, hurts: t.hurts };
  return db().select(columns).from(patientDays).where(eq(patientDays.patientId, patientId)).orderBy(asc(patientDays.localDate));
}

async function expectRollupEqualsRaw(patientId: string): Promise<DayRow[]> {
  const want = await expectedDays(patientId);
  expect(await rollup(patientId)).toEqual(want);
  return want;
}

const TZ = 'Europe/London';
let world: World;
let today: LocalDate;

beforeAll(async () => {
  world = await createWorld();
  today = localDateIn(TZ);
});

const logBody = (planItemId: string, extra: { painBefore?: number; painAfter?: number; performedAt?: string } = {}) =>
  recordSessionLogSchema.parse({ clientId: randomUUID(), planItemId, setsDone: 1, ...extra });

describe('patient_days rollup', () => {
  it('is filled by the fixtures (plan inserts) with no rows for a patient without activity', async () => {
    expect(await expectRollupEqualsRaw(world.patients.pB.user.id)).toEqual([]);
  });

  it('logs through the DAL: counted, capped at the expected sessions, with the pain sums; undo takes them out again', async () => {
    const { p1 } = world.patients; // 2 sessions a day, every day
    const made = [];
    made.push(await recordSessionLog(p1.viewer, logBody(p1.item.id, { painBefore: 2, painAfter: 6 })));
    made.push(await recordSessionLog(p1.viewer, logBody(p1.item.id, { painBefore: 4, painAfter: 3 })));
    made.push(await recordSessionLog(p1.viewer, logBody(p1.item.id))); // a third one that day: done stays 2
    let rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ expected: 2, done: 2, logs: 3, painPairs: 2, painBeforeSum: 6, painAfterSum: 9, hurts: 1 });

    await undoSessionLog(p1.viewer, made[0]!.log.id);
    await undoSessionLog(p1.viewer, made[1]!.log.id);
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ done: 1, logs: 1, painPairs: 0, hurts: 0 });
    await undoSessionLog(p1.viewer, made[2]!.log.id);
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toBeUndefined(); // no activity left that day: no row
  });

  it('an offline log keeps its own past day; a check-in replaced later that day changes the pain and red flag', async () => {
    const { p1 } = world.patients;
    const yesterdayNoon = new Date(Date.now() - 24 * 3600 * 1000);
    await recordSessionLog(p1.viewer, logBody(p1.item.id, { performedAt: yesterdayNoon.toISOString() }));
    await recordCheckIn(p1.viewer, recordCheckInSchema.parse({ pain: 3 }));
    let rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ pain: 3, redFlag: false, logs: 0, done: 0 });
    await recordCheckIn(p1.viewer, recordCheckInSchema.parse({ pain: 8, redFlags: ['fever'] }));
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ pain: 8, redFlag: true });
    expect(rows.find((r) => r.localDate === localDateIn(TZ, yesterdayNoon))?.logs).toBe(1);
  });

  it('rows inserted straight into the tables (past days, several plans) are rolled up by the triggers too', async () => {
    const { p1 } = world.patients;
    const clinicId = world.clinicA.id;
    await db()
      .insert(sessionLogs)
      .values([-9, -8, -8, -8, -5, -3].map((d) => ({ clinicId, patientId: p1.user.id, planItemId: p1.item.id, clientId: randomUUID(), localDate: addDays(today, d), setsDone: 1, requestHash: 'test' })));
    await db().insert(painCheckIns).values([-9, -4].map((d) => ({ clinicId, patientId: p1.user.id, localDate: addDays(today, d), pain: 5, redFlags: [] })));
    const rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === addDays(today, -8))).toMatchObject({ logs: 3, done: 2, expected: 2 });
  });

  it('a pause (effective earlier than made), a revision and a moved start date recompute the days they touch', async () => {
    const { p1 } = world.patients;
    const clinicId = world.clinicA.id;
    const therapistId = world.viewers.t1.userId;
    // Paused from −8 to −6 (inserted directly: the DAL only changes status from today).
    await db().insert(planStatusChanges).values([
      { clinicId, planId: p1.plan.id, status: 'paused', effectiveDate: addDays(today, -8), changedBy: therapistId, changedAt: new Date(Date.now() - 2 * 86_400_000) },
      { clinicId, planId: p1.plan.id, status: 'active', effectiveDate: addDays(today, -5), changedBy: therapistId, changedAt: new Date(Date.now() - 86_400_000) },
    ]);
    let rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === addDays(today, -8))).toMatchObject({ logs: 3, expected: 0, done: 0 });

    // A revision through the DAL (in force from today): one session a day, plus a second exercise.
    const saved = await savePlan(
      world.viewers.t1,
      p1.user.id,
      savePlanSchema.parse({
        planId: p1.plan.id,
        title: 'Test plan',
        startDate: p1.plan.startDate,
        items: [
          { itemKey: p1.item.itemKey, exerciseId: world.exercise.id, sets: 1, reps: 1, holdSeconds: 30, side: 'both', sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
          { exerciseId: world.exercise.id, sets: 1, reps: 1, holdSeconds: 30, side: 'both', sessionsPerDay: 3, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] },
        ],
      }),
    );
    expect(saved?.revision).toBe(2);
    await recordSessionLog(p1.viewer, logBody(p1.item.id));
    await recordSessionLog(p1.viewer, logBody(p1.item.id));
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ expected: 4, done: 1, logs: 2 });

    // The start date moved later (direct update): the days before it lose their expected sessions.
    await db().update(plans).set({ startDate: addDays(today, -4) }).where(eq(plans.id, p1.plan.id));
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === addDays(today, -9))).toMatchObject({ expected: 0, done: 0, logs: 1 });

    // Paused today through the DAL, then a new plan (the old one is completed today).
    await setPlanStatus(world.viewers.t1, setPlanStatusSchema.parse({ planId: p1.plan.id, status: 'paused' }));
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ expected: 0, done: 0 });
    await savePlan(
      world.viewers.t1,
      p1.user.id,
      savePlanSchema.parse({ title: 'Next plan', startDate: today, items: [{ exerciseId: world.exercise.id, sets: 1, reps: 1, holdSeconds: 30, side: 'both', sessionsPerDay: 2, daysOfWeek: [1, 2, 3, 4, 5, 6, 7] }] }),
    );
    rows = await expectRollupEqualsRaw(p1.user.id);
    expect(rows.find((r) => r.localDate === today)).toMatchObject({ expected: 2, done: 0 }); // the logs were against the old plan's item
  });

  it('concurrent logs of one patient and day: every one is counted', async () => {
    const { p3 } = world.patients;
    const made = await Promise.all(Array.from({ length: 40 }, () => recordSessionLog(p3.viewer, logBody(p3.item.id))));
    expect(made.every((m) => m?.created)).toBe(true);
    const rows = await expectRollupEqualsRaw(p3.user.id);
    expect(rows.find((r) => r.localDate === localDateIn('Pacific/Auckland'))).toMatchObject({ logs: 40, done: 2, expected: 2 });
  });
});
