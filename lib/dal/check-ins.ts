import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { painCheckIns } from '@/db/schema';
import type { RedFlag } from '@/db/schema/enums';
import type { Viewer } from '@/lib/auth/types';
import { localDateIn, type LocalDate } from '@/lib/dates';
import type { RecordCheckInParsed } from '@/lib/validation/check-ins';
import { actorOf, denyRole, recordAudit } from './audit';
import { findPatientInScope } from './scope';

export type CheckInDto = { id: string; localDate: LocalDate; pain: number; bodyArea: string | null; note: string | null; redFlags: RedFlag[] };

/**
 * Today's pain check-in for the patient's own local day. One row per patient and day: a later
 * check-in that day replaces the earlier one (a single upsert, safe under concurrency).
 */
export async function recordCheckIn(viewer: Viewer, input: RecordCheckInParsed, now: Date = new Date()): Promise<{ checkIn: CheckInDto; replaced: boolean; urgent: boolean } | null> {
  const db = getDb();
  if (viewer.role !== 'patient') return denyRole(db, viewer, 'check_in.record');
  return db.transaction(async (tx) => {
    const patient = await findPatientInScope(tx, viewer, viewer.userId, 'check_in.record');
    if (!patient) return null;
    const redFlags = [...new Set(input.redFlags)];
    const [row] = await tx
      .insert(painCheckIns)
      .values({ clinicId: patient.clinicId, patientId: patient.id, localDate: localDateIn(patient.timeZone, now), pain: input.pain, bodyArea: input.bodyArea ?? null, note: input.note || null, redFlags })
      .onConflictDoUpdate({
        target: [painCheckIns.patientId, painCheckIns.localDate],
        set: { pain: input.pain, bodyArea: input.bodyArea ?? null, note: input.note || null, redFlags, updatedAt: sql`now()` },
      })
      .returning({
        id: painCheckIns.id,
        localDate: painCheckIns.localDate,
        pain: painCheckIns.pain,
        bodyArea: painCheckIns.bodyArea,
        note: painCheckIns.note,
        redFlags: painCheckIns.redFlags,
        // xmax = 0 only for a freshly inserted row version: false means an earlier check-in was replaced.
        inserted: sql<boolean>`xmax = 0`,
      });
    if (!row) throw new Error('check-in upsert returned nothing');
    await recordAudit(tx, actorOf(viewer), {
      action: 'check_in.record',
      outcome: 'allowed',
      patientId: patient.id,
      // Whether a red flag was raised is recorded (it drives the alert); the pain value and note are not.
      detail: { checkInId: row.id, replaced: !row.inserted, redFlag: redFlags.length > 0 },
    });
    const { inserted, ...checkIn } = row;
    return { checkIn, replaced: !inserted, urgent: redFlags.length > 0 };
  });
}

/** The patient's own check-in for their local today, if any. */
export async function getTodaysCheckIn(viewer: Viewer): Promise<CheckInDto | null | undefined> {
  if (viewer.role !== 'patient') return undefined;
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, viewer.userId, 'check_in.view');
  if (!patient) return undefined;
  const [c] = await db
    .select()
    .from(painCheckIns)
    .where(and(eq(painCheckIns.patientId, patient.id), eq(painCheckIns.localDate, localDateIn(patient.timeZone))))
    .limit(1);
  await recordAudit(db, actorOf(viewer), { action: 'check_in.view', outcome: 'allowed', patientId: patient.id });
  return c ? { id: c.id, localDate: c.localDate, pain: c.pain, bodyArea: c.bodyArea, note: c.note, redFlags: c.redFlags } : null;
}
