import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { patients, users } from '@/db/schema';
import { canAccessPatient } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { actorOf, recordAudit } from './audit';

export type ScopedPatient = {
  id: string;
  clinicId: string;
  primaryTherapistId: string;
  timeZone: string;
  name: string;
  email: string;
  conditionNote: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The patient if the viewer may see them, else null. Anything outside the viewer's clinic or
 * care relationship is indistinguishable from a missing row (the caller answers 404), and the
 * denial is audited.
 */
export async function findPatientInScope(q: Queryable, viewer: Viewer, patientId: string, action: string): Promise<ScopedPatient | null> {
  const row = isUuid(patientId)
    ? (
        await q
          .select({
            id: patients.id,
            clinicId: patients.clinicId,
            primaryTherapistId: patients.primaryTherapistId,
            timeZone: patients.timeZone,
            conditionNote: patients.conditionNote,
            name: users.name,
            email: users.email,
          })
          .from(patients)
          .innerJoin(users, eq(users.id, patients.id))
          // The clinic predicate is in the WHERE clause, not only in the policy check below.
          .where(and(eq(patients.id, patientId), eq(patients.clinicId, viewer.clinicId)))
          .limit(1)
      )[0]
    : undefined;
  if (!row || !canAccessPatient(viewer, row)) {
    await recordAudit(q, actorOf(viewer), { action, outcome: 'denied', patientId: isUuid(patientId) ? patientId : null, detail: { reason: 'not_in_scope' } });
    return null;
  }
  return row;
}
