import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, painCheckIns, planItems, sessionLogs, users } from '@/db/schema';
import { createWorld, type World } from './test/fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** The PostgreSQL error a statement raised (drizzle wraps it as the cause). */
async function pgError(run: () => Promise<unknown>): Promise<{ code?: string; constraint?: string; message: string }> {
  try {
    await run();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string; message: string } }).cause;
    return cause ?? { message: String(error) };
  }
  throw new Error('expected the statement to be rejected');
}

describe('schema constraints', () => {
  const logRow = (overrides: Partial<typeof sessionLogs.$inferInsert> = {}) => ({
    clinicId: world.clinicA.id,
    patientId: world.patients.p1.user.id,
    planItemId: world.patients.p1.item.id,
    clientId: crypto.randomUUID(),
    localDate: '2026-11-01',
    setsDone: 2,
    requestHash: 'x',
    ...overrides,
  });

  it.each([
    ['pain before above 10', { painBefore: 11 }, 'session_logs_pain_before'],
    ['pain after below 0', { painAfter: -1 }, 'session_logs_pain_after'],
    ['zero sets', { setsDone: 0 }, 'session_logs_sets_done'],
    ['21 sets', { setsDone: 21 }, 'session_logs_sets_done'],
  ])('rejects a session log with %s', async (_name, overrides, constraint) => {
    const error = await pgError(() => getDb().insert(sessionLogs).values(logRow(overrides)));
    expect(error.code).toBe('23514');
    expect(error.constraint).toBe(constraint);
  });

  it('rejects a second log with the same client id for the same patient', async () => {
    const clientId = crypto.randomUUID();
    await getDb().insert(sessionLogs).values(logRow({ clientId }));
    const error = await pgError(() => getDb().insert(sessionLogs).values(logRow({ clientId })));
    expect(error.code).toBe('23505');
    expect(error.constraint).toBe('session_logs_patient_client_key');
  });

  it('rejects a second pain check-in for the same patient and local day, and pain outside 0–10', async () => {
    const row = { clinicId: world.clinicA.id, patientId: world.patients.p2.user.id, localDate: '2026-10-01', pain: 4 };
    await getDb().insert(painCheckIns).values(row);
    expect((await pgError(() => getDb().insert(painCheckIns).values(row))).constraint).toBe('pain_check_ins_patient_date_key');
    expect((await pgError(() => getDb().insert(painCheckIns).values({ ...row, localDate: '2026-10-02', pain: 11 }))).constraint).toBe('pain_check_ins_pain');
  });

  it.each([
    ['a weekday 8', { daysOfWeek: [1, 8] }, 'plan_items_days'],
    ['no days', { daysOfWeek: [] }, 'plan_items_days'],
    ['7 sessions a day', { sessionsPerDay: 7 }, 'plan_items_sessions'],
    ['a 301-second hold', { holdSeconds: 301 }, 'plan_items_hold'],
  ])('rejects a plan item with %s', async (_name, overrides, constraint) => {
    const p = world.patients.p1;
    const error = await pgError(() =>
      getDb()
        .insert(planItems)
        .values({ clinicId: world.clinicA.id, planId: p.plan.id, revisionId: p.revision.id, itemKey: crypto.randomUUID(), exerciseId: world.exercise.id, position: 1, sets: 1, reps: 1, holdSeconds: 0, side: 'both', sessionsPerDay: 1, daysOfWeek: [1], ...overrides }),
    );
    expect(error.constraint).toBe(constraint);
  });

  it('rejects an email that is not lower-case, and a duplicate email', async () => {
    const error = await pgError(() => getDb().insert(users).values({ clinicId: world.clinicA.id, email: 'Someone@Test.example', name: 'X', role: 'patient' }));
    expect(error.constraint).toBe('users_email_lowercase');
    const existing = world.viewers.t1.email;
    expect((await pgError(() => getDb().insert(users).values({ clinicId: world.clinicB.id, email: existing, name: 'X', role: 'therapist' }))).constraint).toBe('users_email_key');
  });

  it('rejects a log pointing at a plan item that does not exist', async () => {
    const error = await pgError(() => getDb().insert(sessionLogs).values(logRow({ planItemId: crypto.randomUUID() })));
    expect(error.code).toBe('23503');
  });

  it('keeps audit rows append-only: update, delete and truncate are refused by the database', async () => {
    const [row] = await getDb().insert(auditEvents).values({ action: 'test.append_only', outcome: 'allowed', clinicId: world.clinicA.id }).returning();
    expect(row).toBeDefined();
    const update = await pgError(() => getDb().execute(sql`update audit_events set action = 'test.changed' where id = ${row!.id}`));
    expect(update.message).toMatch(/append-only/);
    const remove = await pgError(() => getDb().execute(sql`delete from audit_events where id = ${row!.id}`));
    expect(remove.message).toMatch(/append-only/);
    const truncate = await pgError(() => getDb().execute(sql`truncate audit_events`));
    expect(truncate.message).toMatch(/append-only/);
    const [still] = (await getDb().execute<{ action: string }>(sql`select action from audit_events where id = ${row!.id}`)).rows;
    expect(still?.action).toBe('test.append_only');
  });
});
