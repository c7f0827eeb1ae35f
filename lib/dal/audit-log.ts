import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import type { AuditOutcome, Role } from '@/db/schema/enums';
import type { Viewer } from '@/lib/auth/types';
import { addDays } from '@/lib/dates';
import { parseInput } from '@/lib/http';
import { AUDIT_PAGE_SIZE, auditFilterSchema, type AuditFilter, type AuditFilterInput } from '@/lib/validation/admin';
import { actorOf, recordAudit } from './audit';

export type AuditRow = {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: AuditOutcome;
  patientId: string | null;
  patientName: string | null;
  sourceIp: string | null;
  /** Ids and counts only (audit rows never hold note text). */
  detail: Record<string, string | number | boolean | null> | null;
};

export type AuditPage = { rows: AuditRow[]; page: number; hasNext: boolean; filter: AuditFilter };

/**
 * Admin: one page (50 rows, newest first) of their own clinic's audit log, filtered by patient,
 * actor, action (exact or family), and whole UTC days from/to. Reading the log is itself audited.
 * Anyone else → null; bad filters → 422 naming the field.
 */
export async function listAuditEvents(viewer: Viewer, rawFilter: AuditFilterInput): Promise<AuditPage | null> {
  const db = getDb();
  if (viewer.role !== 'admin') {
    await recordAudit(db, actorOf(viewer), { action: 'audit.view', outcome: 'denied', detail: { reason: 'role' } });
    return null;
  }
  const filter = parseInput(auditFilterSchema, rawFilter);
  // The clinic predicate is always first; every other filter only narrows it.
  const where: SQL[] = [eq(auditEvents.clinicId, viewer.clinicId)];
  if (filter.patientId) where.push(eq(auditEvents.patientId, filter.patientId));
  if (filter.actorId) where.push(eq(auditEvents.actorUserId, filter.actorId));
  if (filter.action) {
    const family = filter.action.includes('.') ? null : `${filter.action}.%`;
    const exact = eq(auditEvents.action, filter.action);
    where.push(family ? (or(exact, sql`${auditEvents.action} like ${family}`) ?? exact) : exact);
  }
  if (filter.from) where.push(gte(auditEvents.at, sql`${filter.from}::date::timestamp at time zone 'UTC'`));
  if (filter.to) where.push(lt(auditEvents.at, sql`${addDays(filter.to, 1)}::date::timestamp at time zone 'UTC'`));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')`,
      actorName: sql<string | null>`actor.name`,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      patientId: auditEvents.patientId,
      // A patient of another clinic (an audited denial) is shown by id only, never by name.
      patientName: sql<string | null>`(select p.name from ${users} p where p.id = ${auditEvents.patientId} and p.clinic_id = ${viewer.clinicId})`,
      sourceIp: auditEvents.sourceIp,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(sql`${users} as actor`, sql`actor.id = ${auditEvents.actorUserId} and actor.clinic_id = ${viewer.clinicId}`)
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  await recordAudit(db, actorOf(viewer), {
    action: 'audit.view',
    outcome: 'allowed',
    patientId: filter.patientId ?? null,
    detail: { page: filter.page, actorId: filter.actorId ?? null, action: filter.action ?? null, from: filter.from ?? null, to: filter.to ?? null },
  });
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), page: filter.page, hasNext: rows.length > AUDIT_PAGE_SIZE, filter };
}

export type AuditFilterOptions = { people: { id: string; name: string; role: Role }[] };

/** Admin: the clinic's people, for the patient and actor filters. */
export async function getAuditFilterOptions(viewer: Viewer): Promise<AuditFilterOptions | null> {
  if (viewer.role !== 'admin') return null;
  const people = await getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), inArray(users.role, ['patient', 'therapist', 'admin'])))
    .orderBy(asc(users.name));
  return { people };
}

/** Action families offered in the filter (any exact action can be typed too). */
export const AUDIT_ACTION_FAMILIES = [
  'auth',
  'audit',
  'caseload',
  'check_in',
  'invitation',
  'outbox',
  'patient',
  'plan',
  'progress',
  'reading',
  'session_log',
  'staff',
  'therapist',
  'today',
] as const;
