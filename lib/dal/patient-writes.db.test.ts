import { randomUUID } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, painCheckIns, sessionLogs } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import { addDays, localDateIn } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { recordCheckInSchema } from '@/lib/validation/check-ins';
import { recordSessionLogSchema } from '@/lib/validation/session-logs';
import { recordCheckIn } from './check-ins';
import { recordSessionLog, undoSessionLog } from './session-logs';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const logsOf = async (patientId: string) => (await getDb().select({ n: count() }).from(sessionLogs).where(eq(sessionLogs.patientId, patientId)))[0]?.n ?? 0;

describe('session logs under load', () => {
  it('1,000 distinct logs plus 100 duplicate retries sent concurrently leave exactly 1,000 rows; every retry gets the original id', async () => {
    const { p2 } = world.patients;
    const bodies = Array.from({ length: 1000 }, (_, i) => recordSessionLogSchema.parse({ clientId: randomUUID(), planItemId: p2.item.id, setsDone: (i % 3) + 1, painBefore: i % 11 }));
    const retries = bodies.slice(0, 100);
    const results = await Promise.all([...bodies, ...retries].map((b) => recordSessionLog(p2.viewer, b)));
    expect(await logsOf(p2.user.id)).toBe(1000);
    const firstIds = new Map<string, string>();
    results.forEach((r, i) => {
      expect(r).not.toBeNull();
      const clientId = (i < 1000 ? bodies[i] : retries[i - 1000])!.clientId;
      const seen = firstIds.get(clientId);
      if (seen) expect(r!.log.id).toBe(seen);
      else firstIds.set(clientId, r!.log.id);
    });
    expect(firstIds.size).toBe(1000);
    expect(results.filter((r) => r?.created).length).toBe(1000);
  }, 120_000);

  it('an offline log keeps the local day it was done on, in the patient’s time zone', async () => {
    const { p3 } = world.patients; // Pacific/Auckland
    const performedAt = new Date(Date.now() - 2 * 86_400_000);
    const result = await recordSessionLog(p3.viewer, recordSessionLogSchema.parse({ clientId: randomUUID(), planItemId: p3.item.id, setsDone: 1, performedAt: performedAt.toISOString() }));
    expect(result?.log.localDate).toBe(localDateIn('Pacific/Auckland', performedAt));
  });

  it('refuses a performedAt in the future or more than 7 days ago, naming the field', () => {
    for (const performedAt of [new Date(Date.now() + 13 * 3_600_000).toISOString(), new Date(Date.now() - 8 * 86_400_000).toISOString(), 'yesterday']) {
      const result = recordSessionLogSchema.safeParse({ clientId: randomUUID(), planItemId: randomUUID(), setsDone: 1, performedAt });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('performedAt');
    }
  });
});

describe('undo', () => {
  it('undoes the patient’s own log of today, idempotently; the row stays, so a late retry still finds it', async () => {
    const { p1 } = world.patients;
    const body = recordSessionLogSchema.parse({ clientId: randomUUID(), planItemId: p1.item.id, setsDone: 2 });
    const made = await recordSessionLog(p1.viewer, body);
    expect(await undoSessionLog(p1.viewer, made!.log.id)).toEqual({ undone: true });
    expect(await undoSessionLog(p1.viewer, made!.log.id)).toEqual({ undone: true });
    const [row] = await getDb().select().from(sessionLogs).where(eq(sessionLogs.id, made!.log.id));
    expect(row?.undoneAt).not.toBeNull();
    const retry = await recordSessionLog(p1.viewer, body);
    expect(retry?.log.id).toBe(made!.log.id);
    expect(retry?.created).toBe(false);
    expect(retry?.log.undone).toBe(true);
  });

  it("is 404 for another patient's log or a therapist, and changes nothing", async () => {
    const { p1, p2 } = world.patients;
    const made = await recordSessionLog(p1.viewer, recordSessionLogSchema.parse({ clientId: randomUUID(), planItemId: p1.item.id, setsDone: 1 }));
    expect(await undoSessionLog(p2.viewer, made!.log.id)).toBeNull();
    expect(await undoSessionLog(world.viewers.t1, made!.log.id)).toBeNull();
    expect(await undoSessionLog(world.viewers.pB, made!.log.id)).toBeNull();
    expect(await undoSessionLog(p1.viewer, 'not-a-uuid')).toBeNull();
    const [row] = await getDb().select().from(sessionLogs).where(eq(sessionLogs.id, made!.log.id));
    expect(row?.undoneAt).toBeNull();
  });

  it('refuses to undo a log from an earlier day (409)', async () => {
    const { p1 } = world.patients;
    const [old] = await getDb()
      .insert(sessionLogs)
      .values({ clinicId: world.clinicA.id, patientId: p1.user.id, planItemId: p1.item.id, clientId: randomUUID(), localDate: addDays(localDateIn('Europe/London'), -2), setsDone: 1, requestHash: 'x' })
      .returning();
    await expect(undoSessionLog(p1.viewer, old!.id)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.status === 409);
  });
});

describe('daily pain check-in', () => {
  it('50 concurrent check-ins for one patient and day leave one row, holding one of the sent values', async () => {
    const { p2 } = world.patients;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => recordCheckIn(p2.viewer, recordCheckInSchema.parse({ pain: i % 11 }))));
    expect(results.every((r) => r !== null)).toBe(true);
    const rows = await getDb().select().from(painCheckIns).where(eq(painCheckIns.patientId, p2.user.id));
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => !r!.replaced)).toHaveLength(1);
  });

  it('a later check-in the same day replaces the earlier one', async () => {
    const { p1 } = world.patients;
    await recordCheckIn(p1.viewer, recordCheckInSchema.parse({ pain: 7, bodyArea: 'low_back' }));
    const second = await recordCheckIn(p1.viewer, recordCheckInSchema.parse({ pain: 3 }));
    expect(second?.replaced).toBe(true);
    const rows = await getDb().select().from(painCheckIns).where(eq(painCheckIns.patientId, p1.user.id));
    expect(rows.map((r) => r.pain)).toEqual([3]);
    expect(rows[0]?.bodyArea).toBeNull();
  });

  it('a check-in at 23:30 and one at 00:30 the next day in Pacific/Auckland are two days', async () => {
    const { p3 } = world.patients;
    // 2026-06-15 23:30 and 2026-06-16 00:30 in Auckland (NZST, UTC+12) = 11:30 and 12:30 UTC on 2026-06-15.
    const late = new Date('2026-06-15T11:30:00Z');
    const early = new Date('2026-06-15T12:30:00Z');
    const a = await recordCheckIn(p3.viewer, recordCheckInSchema.parse({ pain: 4 }), late);
    const b = await recordCheckIn(p3.viewer, recordCheckInSchema.parse({ pain: 5 }), early);
    expect(a?.checkIn.localDate).toBe('2026-06-15');
    expect(b?.checkIn.localDate).toBe('2026-06-16');
    expect(b?.replaced).toBe(false);
    const rows = await getDb().select().from(painCheckIns).where(and(eq(painCheckIns.patientId, p3.user.id)));
    expect(rows.map((r) => r.localDate).sort()).toEqual(['2026-06-15', '2026-06-16']);
  });

  it('a red flag makes the answer urgent and is stored; the audit row says so without the pain value or note', async () => {
    const { p1 } = world.patients;
    const result = await recordCheckIn(p1.viewer, recordCheckInSchema.parse({ pain: 6, note: 'tingling left foot', redFlags: ['leg_numbness_or_weakness', 'leg_numbness_or_weakness'] }));
    expect(result?.urgent).toBe(true);
    expect(result?.checkIn.redFlags).toEqual(['leg_numbness_or_weakness']);
    const [audit] = await getDb()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, p1.user.id), eq(auditEvents.action, 'check_in.record')))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    const detail = JSON.stringify(audit?.detail);
    expect(detail).toContain('"redFlag":true');
    expect(detail).not.toContain('tingling');
    expect(detail).not.toMatch(/"pain"/);
  });

  it('only the patient can check in: clinicians get null and nothing is written', async () => {
    const before = (await getDb().select({ n: count() }).from(painCheckIns))[0]?.n;
    expect(await recordCheckIn(world.viewers.t1, recordCheckInSchema.parse({ pain: 2 }))).toBeNull();
    expect(await recordCheckIn(world.viewers.adminA, recordCheckInSchema.parse({ pain: 2 }))).toBeNull();
    expect((await getDb().select({ n: count() }).from(painCheckIns))[0]?.n).toBe(before);
  });

  it.each([
    ['pain 11', { pain: 11 }, 'pain'],
    ['pain missing', {}, 'pain'],
    ['pain as text', { pain: 'four' }, 'pain'],
    ['unknown body area', { pain: 3, bodyArea: 'elbow' }, 'bodyArea'],
    ['note too long', { pain: 3, note: 'x'.repeat(1001) }, 'note'],
    ['unknown red flag', { pain: 3, redFlags: ['headache'] }, 'redFlags.0'],
    ['red flags not a list', { pain: 3, redFlags: 'fever' }, 'redFlags'],
    ['an extra field', { pain: 3, patientId: randomUUID() }, ''],
  ])('rejects %s, naming the field', (_name, body, field) => {
    const result = recordCheckInSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
