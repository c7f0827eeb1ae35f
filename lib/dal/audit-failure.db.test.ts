import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { painCheckIns, sessionLogs } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import type { Viewer } from '@/lib/auth/types';
import { recordCheckInSchema } from '@/lib/validation/check-ins';
import { recordSessionLogSchema } from '@/lib/validation/session-logs';
import { recordCheckIn } from './check-ins';
import { getPatientDetail } from './patients';
import { recordSessionLog } from './session-logs';
import { getToday } from './today';

// The audit insert is made to fail, for this file's requests only (matched by request id, so
// other test files running at the same time are untouched): every read and write must then fail
// as a whole, and no patient data may be written or returned.
const FAILING_REQUEST = randomUUID();
let world: World;

beforeAll(async () => {
  world = await createWorld();
  await getDb().execute(sql.raw(`
    create or replace function test_fail_audit_${FAILING_REQUEST.replaceAll('-', '')}() returns trigger language plpgsql as $$
    begin
      if new.request_id = '${FAILING_REQUEST}' then raise exception 'audit store unavailable (test)'; end if;
      return new;
    end $$;
    create trigger test_fail_audit_${FAILING_REQUEST.replaceAll('-', '')} before insert on audit_events
      for each row execute function test_fail_audit_${FAILING_REQUEST.replaceAll('-', '')}();`));
});

afterAll(async () => {
  const name = `test_fail_audit_${FAILING_REQUEST.replaceAll('-', '')}`;
  await getDb().execute(sql.raw(`drop trigger if exists ${name} on audit_events; drop function if exists ${name}();`));
});

const failing = (viewer: Viewer): Viewer => ({ ...viewer, source: { ip: null, requestId: FAILING_REQUEST } });
const countOf = async (table: typeof sessionLogs | typeof painCheckIns, patientId: string) =>
  (await getDb().select({ n: count() }).from(table).where(eq(table.patientId, patientId)))[0]?.n ?? 0;

describe('when the audit row cannot be written', () => {
  it('a session log fails and leaves no row', async () => {
    const { p1 } = world.patients;
    const before = await countOf(sessionLogs, p1.user.id);
    const body = recordSessionLogSchema.parse({ clientId: randomUUID(), planItemId: p1.item.id, setsDone: 2, painBefore: 3 });
    await expect(recordSessionLog(failing(p1.viewer), body)).rejects.toThrow();
    expect(await countOf(sessionLogs, p1.user.id)).toBe(before);
    // The same request with a working audit store goes through: the failure above was the audit's.
    await expect(recordSessionLog(p1.viewer, body)).resolves.toMatchObject({ created: true });
    expect(await countOf(sessionLogs, p1.user.id)).toBe(before + 1);
  });

  it('a check-in fails and leaves no row', async () => {
    const { p2 } = world.patients;
    const before = await countOf(painCheckIns, p2.user.id);
    const body = recordCheckInSchema.parse({ pain: 4, note: 'stiff after gardening' });
    await expect(recordCheckIn(failing(p2.viewer), body)).rejects.toThrow();
    expect(await countOf(painCheckIns, p2.user.id)).toBe(before);
  });

  it('a patient reading Today and a therapist opening a patient get an error, not the data', async () => {
    const { p1 } = world.patients;
    await expect(getToday(failing(p1.viewer))).rejects.toThrow();
    await expect(getPatientDetail(failing(world.viewers.t1), p1.user.id)).rejects.toThrow();
  });
});
