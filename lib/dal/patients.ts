import 'server-only';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exercises, painCheckIns, patients, planItems, plans, sessionLogs, users } from '@/db/schema';
import type { Difficulty, PlanStatus, RedFlag } from '@/db/schema/enums';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { addDays, localDateIn, type LocalDate } from '@/lib/dates';
import { actorOf, denyRole, recordAudit } from './audit';
import { unsafeCurrentPlanForPatient, type PlanDto } from './plans';
import { findPatientInScope } from './scope';

export type CaseloadRow = {
  patientId: string;
  name: string;
  therapistName: string;
  timeZone: string;
  conditionNote: string | null;
  planTitle: string | null;
  planStatus: PlanStatus | null;
  lastActivity: LocalDate | null;
  /** The latest local day in the last 7 with a red-flag check-in; such patients are listed first. */
  redFlagOn: LocalDate | null;
};

/** Therapist: the patients in their care. Admin: every patient of the clinic. Patient: nothing. */
export async function listCaseload(viewer: Viewer): Promise<CaseloadRow[] | null> {
  const db = getDb();
  if (!isClinician(viewer.role)) return denyRole(db, viewer, 'caseload.view');
  const therapist = sql`therapist`;
  const scope =
    viewer.role === 'admin'
      ? eq(patients.clinicId, viewer.clinicId)
      : and(eq(patients.clinicId, viewer.clinicId), eq(patients.primaryTherapistId, viewer.userId));
  const rows = await db
    .select({
      patientId: patients.id,
      name: users.name,
      therapistName: sql<string>`${therapist}.name`,
      timeZone: patients.timeZone,
      conditionNote: patients.conditionNote,
      planTitle: sql<string | null>`current_plan.title`,
      planStatus: sql<PlanStatus | null>`current_plan.status`,
      // Each max() is an index-only probe on (patient_id, local_date); no log table scan.
      lastActivity: sql<string | null>`greatest(
        (select max(l.local_date) from ${sessionLogs} l where l.patient_id = ${patients.id} and l.undone_at is null),
        (select max(c.local_date) from ${painCheckIns} c where c.patient_id = ${patients.id}))::text`,
      redFlagOn: sql<string | null>`(select max(c.local_date) from ${painCheckIns} c
        where c.patient_id = ${patients.id} and c.local_date >= (now() at time zone ${patients.timeZone})::date - 7 and jsonb_array_length(c.red_flags) > 0)::text`,
    })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.id))
    .innerJoin(sql`${users} as ${therapist}`, sql`${therapist}.id = ${patients.primaryTherapistId}`)
    .leftJoin(
      sql`lateral (select p.title, p.status from ${plans} p where p.patient_id = ${patients.id} and p.status in ('active', 'paused')
        order by p.status = 'active' desc, p.start_date desc limit 1) as current_plan`,
      sql`true`,
    )
    .where(scope)
    .orderBy(asc(users.name));
  // Red flags first (most recent first), then by name.
  rows.sort((a, b) => (b.redFlagOn ?? '').localeCompare(a.redFlagOn ?? '') || a.name.localeCompare(b.name));
  await recordAudit(db, actorOf(viewer), { action: 'caseload.view', outcome: 'allowed', detail: { patients: rows.length } });
  return rows;
}

export type SessionLogDto = {
  id: string;
  localDate: LocalDate;
  loggedAt: string;
  exerciseName: string;
  setsDone: number;
  painBefore: number | null;
  painAfter: number | null;
  difficulty: Difficulty | null;
  note: string | null;
};

export type CheckInDto = { localDate: LocalDate; pain: number; bodyArea: string | null; redFlags: RedFlag[] };

export type PatientDetail = {
  patient: { id: string; name: string; email: string; timeZone: string; conditionNote: string | null; today: LocalDate };
  plan: PlanDto | null;
  recentLogs: SessionLogDto[];
  recentCheckIns: CheckInDto[];
};

/** One patient's page: profile, current plan, the last 14 days of logs and check-ins. Null = 404. */
export async function getPatientDetail(viewer: Viewer, patientId: string): Promise<PatientDetail | null> {
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, patientId, 'patient.view');
  if (!patient) return null;
  const today = localDateIn(patient.timeZone);
  const since = addDays(today, -13);
  const [plan, recentLogs, recentCheckIns] = await Promise.all([
    unsafeCurrentPlanForPatient(db, patient.id, patient.clinicId),
    db
      .select({
        id: sessionLogs.id,
        localDate: sessionLogs.localDate,
        loggedAt: sql<string>`${sessionLogs.loggedAt}::text`,
        exerciseName: exercises.name,
        setsDone: sessionLogs.setsDone,
        painBefore: sessionLogs.painBefore,
        painAfter: sessionLogs.painAfter,
        difficulty: sessionLogs.difficulty,
        note: sessionLogs.note,
      })
      .from(sessionLogs)
      .innerJoin(planItems, eq(planItems.id, sessionLogs.planItemId))
      .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
      .where(and(eq(sessionLogs.patientId, patient.id), gte(sessionLogs.localDate, since), sql`${sessionLogs.undoneAt} is null`))
      .orderBy(desc(sessionLogs.localDate), desc(sessionLogs.loggedAt))
      .limit(2000),
    db
      .select({ localDate: painCheckIns.localDate, pain: painCheckIns.pain, bodyArea: painCheckIns.bodyArea, redFlags: painCheckIns.redFlags })
      .from(painCheckIns)
      .where(and(eq(painCheckIns.patientId, patient.id), gte(painCheckIns.localDate, since)))
      .orderBy(desc(painCheckIns.localDate)),
  ]);
  await recordAudit(db, actorOf(viewer), { action: 'patient.view', outcome: 'allowed', patientId: patient.id, clinicId: patient.clinicId });
  return {
    patient: { id: patient.id, name: patient.name, email: patient.email, timeZone: patient.timeZone, conditionNote: patient.conditionNote, today },
    plan,
    recentLogs,
    recentCheckIns,
  };
}
