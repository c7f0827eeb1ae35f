import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, planItems, plans, sessionLogs } from '@/db/schema';
import { createPatientWithPlan, createWorld, type World } from '@/db/test/fixtures';
import type { Viewer } from '@/lib/auth/types';
import { localDateIn } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import type { RecordSessionLogInput } from '@/lib/validation/session-logs';
import { recordSessionLog } from './session-logs';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const input = (planItemId: string, overrides: Partial<RecordSessionLogInput> = {}): RecordSessionLogInput => ({
  clientId: crypto.randomUUID(),
  planItemId,
  setsDone: 2,
  painBefore: 4,
  painAfter: 3,
  difficulty: 'about_right',
  note: 'Went fine.',
  ...overrides,
});

async function logRows(where: { clientId?: string; patientId?: string; planItemId?: string }) {
  const conditions = [
    where.clientId ? eq(sessionLogs.clientId, where.clientId) : undefined,
    where.patientId ? eq(sessionLogs.patientId, where.patientId) : undefined,
    where.planItemId ? eq(sessionLogs.planItemId, where.planItemId) : undefined,
  ];
  return getDb().select().from(sessionLogs).where(and(...conditions));
}

/** The actor's audit rows, oldest first; with `since` (a database timestamp), only rows written after it. */
async function auditRowsOf(viewer: Viewer, since?: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, viewer.userId), since ? sql`${auditEvents.at} > ${since}::timestamptz` : undefined))
    .orderBy(auditEvents.at);
}

/** The database's clock as text (full microsecond precision), for "rows written after this". */
async function dbNow(): Promise<string> {
  const result = await getDb().execute<{ now: string }>(sql`select clock_timestamp()::text as now`);
  const now = result.rows[0]?.now;
  if (!now) throw new Error('no clock_timestamp()');
  return now;
}

describe('recordSessionLog', () => {
  it("creates the log on the patient's local today and says it was created", async () => {
    const p3 = world.patients.p3; // Pacific/Auckland: "today" is often not the server's date
    const body = input(p3.item.id);
    const before = localDateIn('Pacific/Auckland');
    const result = await recordSessionLog(p3.viewer, body);
    const after = localDateIn('Pacific/Auckland');
    expect(result?.created).toBe(true);
    expect(result?.log).toMatchObject({ clientId: body.clientId, planItemId: p3.item.id, setsDone: 2, painBefore: 4, painAfter: 3, difficulty: 'about_right', note: 'Went fine.' });
    expect([before, after]).toContain(result?.log.localDate);
    const rows = await logRows({ clientId: body.clientId });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(result?.log.id);
    expect(rows[0]?.patientId).toBe(p3.user.id);
    expect(rows[0]?.clinicId).toBe(world.clinicA.id);
    expect([before, after]).toContain(rows[0]?.localDate);
  });

  it('uses each patient\'s own time zone for the local date (New York patient)', async () => {
    const p2 = world.patients.p2;
    const before = localDateIn('America/New_York');
    const result = await recordSessionLog(p2.viewer, input(p2.item.id));
    const after = localDateIn('America/New_York');
    expect([before, after]).toContain(result?.log.localDate);
  });

  it('returns the same log with created: false on a retry with the same clientId and body, leaving one row', async () => {
    const p1 = world.patients.p1;
    const body = input(p1.item.id);
    const first = await recordSessionLog(p1.viewer, body);
    const retry = await recordSessionLog(p1.viewer, { ...body });
    expect(first?.created).toBe(true);
    expect(retry?.created).toBe(false);
    expect(retry?.log.id).toBe(first?.log.id);
    expect(retry?.log).toEqual(first?.log);
    expect(await logRows({ clientId: body.clientId })).toHaveLength(1);
  });

  it('treats an empty note and no note as the same body on a retry', async () => {
    const p1 = world.patients.p1;
    const body = input(p1.item.id, { note: '' });
    const first = await recordSessionLog(p1.viewer, body);
    const retry = await recordSessionLog(p1.viewer, { ...body, note: null });
    expect(first?.log.note).toBeNull();
    expect(retry).toEqual({ created: false, log: first?.log });
  });

  it.each<[string, Partial<RecordSessionLogInput>]>([
    ['setsDone', { setsDone: 3 }],
    ['painBefore', { painBefore: 9 }],
    ['painAfter', { painAfter: null }],
    ['difficulty', { difficulty: 'too_hard' }],
    ['note', { note: 'Something else.' }],
  ])('refuses the same clientId with a different %s (invalid_input on clientId) and writes nothing', async (_field, change) => {
    const p1 = world.patients.p1;
    const body = input(p1.item.id);
    const first = await recordSessionLog(p1.viewer, body);
    const auditBefore = (await auditRowsOf(p1.viewer)).length;

    const error = await recordSessionLog(p1.viewer, { ...body, ...change }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).fields?.clientId?.length).toBeGreaterThan(0);

    const rows = await logRows({ clientId: body.clientId });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(first?.log.id);
    expect(rows[0]).toMatchObject({ setsDone: 2, painBefore: 4, painAfter: 3, difficulty: 'about_right', note: 'Went fine.' });
    expect(await auditRowsOf(p1.viewer)).toHaveLength(auditBefore);
  });

  it('refuses the same clientId on a different plan item of the same patient', async () => {
    const fresh = await createPatientWithPlan(world.clinicA.id, world.viewers.t1.userId, world.exercise.id);
    const [second] = await getDb()
      .insert(planItems)
      .values({ ...fresh.item, id: undefined, itemKey: crypto.randomUUID(), position: 1 })
      .returning();
    if (!second) throw new Error('second item insert failed');
    const body = input(fresh.item.id);
    await recordSessionLog(fresh.viewer, body);
    await expect(recordSessionLog(fresh.viewer, { ...body, planItemId: second.id })).rejects.toMatchObject({ code: 'invalid_input' });
    const rows = await logRows({ clientId: body.clientId });
    expect(rows.map((r) => r.planItemId)).toEqual([fresh.item.id]);
  });

  it('lets another patient use the same clientId (it is unique per patient only)', async () => {
    const body = input(world.patients.p1.item.id);
    const mine = await recordSessionLog(world.patients.p1.viewer, body);
    const theirs = await recordSessionLog(world.patients.p2.viewer, { ...body, planItemId: world.patients.p2.item.id });
    expect(mine?.created).toBe(true);
    expect(theirs?.created).toBe(true);
    expect(theirs?.log.id).not.toBe(mine?.log.id);
    expect(await logRows({ clientId: body.clientId })).toHaveLength(2);
  });

  it('leaves exactly one row when 25 identical requests race, all answering the same id', async () => {
    const p2 = world.patients.p2;
    const body = input(p2.item.id);
    const results = await Promise.all(Array.from({ length: 25 }, () => recordSessionLog(p2.viewer, { ...body })));
    const ids = new Set(results.map((r) => r?.log.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toEqual(expect.any(String));
    expect(results.filter((r) => r?.created === true)).toHaveLength(1);
    expect(results.filter((r) => r?.created === false)).toHaveLength(24);
    expect(await logRows({ clientId: body.clientId })).toHaveLength(1);
  });

  it.each<[string, 'pB' | 'p2']>([
    ["another clinic's patient (p1 → pB's item)", 'pB'],
    ["a same-clinic patient (p1 → p2's item)", 'p2'],
  ])("answers null for %s, writes no row and audits the denial", async (_name, owner) => {
    const p1 = world.patients.p1;
    const target = world.patients[owner];
    const since = await dbNow();
    const body = input(target.item.id);
    await expect(recordSessionLog(p1.viewer, body)).resolves.toBeNull();
    expect(await logRows({ clientId: body.clientId })).toHaveLength(0);
    const denied = (await auditRowsOf(p1.viewer, since)).filter((r) => r.action === 'session_log.create');
    expect(denied).toHaveLength(1);
    expect(denied[0]?.outcome).toBe('denied');
    // The denial names the actor's own record, never the item's owner.
    expect(denied[0]?.patientId).toBe(p1.user.id);
    expect(JSON.stringify(denied[0]?.detail)).not.toContain(target.item.id);
  });

  it('answers null for a plan item id that does not exist', async () => {
    const body = input(crypto.randomUUID());
    await expect(recordSessionLog(world.patients.p1.viewer, body)).resolves.toBeNull();
    expect(await logRows({ clientId: body.clientId })).toHaveLength(0);
  });

  it('answers null for an item of an archived plan', async () => {
    const fresh = await createPatientWithPlan(world.clinicA.id, world.viewers.t1.userId, world.exercise.id);
    await getDb().update(plans).set({ status: 'archived' }).where(eq(plans.id, fresh.plan.id));
    const body = input(fresh.item.id);
    await expect(recordSessionLog(fresh.viewer, body)).resolves.toBeNull();
    expect(await logRows({ clientId: body.clientId })).toHaveLength(0);
  });

  it.each(['t1', 'adminA', 'tB'] as const)('answers null when %s (a clinician) tries to log for a patient, writing no row', async (name) => {
    const viewer = world.viewers[name];
    const since = await dbNow();
    const body = input(world.patients.p1.item.id);
    await expect(recordSessionLog(viewer, body)).resolves.toBeNull();
    expect(await logRows({ clientId: body.clientId })).toHaveLength(0);
    const rows = (await auditRowsOf(viewer, since)).filter((r) => r.action === 'session_log.create');
    expect(rows.map((r) => r.outcome)).toEqual(['denied']);
  });

  it('keeps pain values and note text out of the audit row', async () => {
    const p1 = world.patients.p1;
    const since = await dbNow();
    const note = 'Knee clicked when I bent it, zebra-marker-7731.';
    const result = await recordSessionLog(p1.viewer, input(p1.item.id, { painBefore: 9, painAfter: 8, note, difficulty: 'too_hard' }));
    expect(result?.created).toBe(true);
    const rows = (await auditRowsOf(p1.viewer, since)).filter((r) => r.action === 'session_log.create');
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.outcome).toBe('allowed');
    expect(row?.patientId).toBe(p1.user.id);
    expect(row?.detail).toEqual({ sessionLogId: result?.log.id });
    const json = JSON.stringify(row);
    expect(json).not.toContain('zebra-marker-7731');
    expect(json).not.toMatch(/pain/i);
    expect(json).not.toContain('too_hard');
  });
});
