import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleVersions, exercises, painCheckIns, readingAssignments } from '@/db/schema';
import type { Viewer } from '@/lib/auth/types';
import { localDateIn, type LocalDate } from '@/lib/dates';
import { actorOf, denyRole, recordAudit } from './audit';
import { isItemScheduledOn, isPlanInForce, unsafeCurrentPlanForPatient, unsafeDoneCountsOn, type PlanDto, type PlanItemDto } from './plans';
import { findPatientInScope } from './scope';

/** What the exercise player shows for one exercise. */
export type PlayerExerciseDto = { name: string; steps: string[]; feel: string; cautions: string[]; stopIf: string[]; illustration: string | null; illustrationAlt: string | null; restSeconds: number };

export type TodayItem = PlanItemDto & { doneToday: number; remainingToday: number; player: PlayerExerciseDto };

export type TodayView = {
  today: LocalDate;
  timeZone: string;
  firstName: string;
  plan: Pick<PlanDto, 'id' | 'title' | 'noteToPatient' | 'status' | 'startDate' | 'endDate'> | null;
  /** Why nothing is due, when nothing is. */
  planState: 'in_force' | 'none' | 'paused' | 'not_started' | 'ended';
  items: TodayItem[];
  checkInDone: boolean;
  /** Unfinished reading, soonest due first. */
  reading: { assignmentId: string; title: string; dueDate: LocalDate | null; overdue: boolean }[];
};

/**
 * The patient's own Today: the plan items scheduled on their local today (their time zone,
 * never the server's), each with sessions done and remaining. Only a patient has a Today.
 */
export async function getToday(viewer: Viewer): Promise<TodayView | null> {
  const db = getDb();
  if (viewer.role !== 'patient') return denyRole(db, viewer, 'today.view');
  const patient = await findPatientInScope(db, viewer, viewer.userId, 'today.view');
  if (!patient) return null;
  const today = localDateIn(patient.timeZone);
  const [plan, done, checkIn, reading] = await Promise.all([
    unsafeCurrentPlanForPatient(db, patient.id, patient.clinicId),
    unsafeDoneCountsOn(db, patient.id, today),
    db
      .select({ id: painCheckIns.id })
      .from(painCheckIns)
      .where(and(eq(painCheckIns.patientId, patient.id), eq(painCheckIns.localDate, today)))
      .limit(1),
    db
      .select({ assignmentId: readingAssignments.id, title: articleVersions.title, dueDate: readingAssignments.dueDate })
      .from(readingAssignments)
      .innerJoin(articleVersions, eq(articleVersions.id, readingAssignments.articleVersionId))
      .where(and(eq(readingAssignments.patientId, patient.id), isNull(readingAssignments.removedAt), inArray(readingAssignments.state, ['assigned', 'opened'])))
      .orderBy(sql`${readingAssignments.dueDate} asc nulls last`, asc(readingAssignments.assignedAt))
      .limit(3),
  ]);
  await recordAudit(db, actorOf(viewer), { action: 'today.view', outcome: 'allowed', patientId: patient.id });

  let planState: TodayView['planState'] = 'none';
  if (plan) {
    if (plan.status === 'paused') planState = 'paused';
    else if (plan.startDate > today) planState = 'not_started';
    else if (plan.endDate !== null && plan.endDate < today) planState = 'ended';
    else planState = 'in_force';
  }
  const due = plan && isPlanInForce(plan, today) ? plan.items.filter((item) => isItemScheduledOn(item, today)) : [];
  const details = due.length
    ? await db
        .select({ id: exercises.id, steps: exercises.steps, feel: exercises.feel, cautions: exercises.cautions, stopIf: exercises.stopIf, restSeconds: exercises.defaultRestSeconds })
        .from(exercises)
        .where(inArray(exercises.id, due.map((i) => i.exercise.id)))
    : [];
  const detailById = new Map(details.map((d) => [d.id, d]));
  const items: TodayItem[] = due.map((item) => {
    const doneToday = done.get(item.itemKey) ?? 0;
    const d = detailById.get(item.exercise.id);
    return {
      ...item,
      doneToday,
      remainingToday: Math.max(0, item.sessionsPerDay - doneToday),
      player: {
        name: item.exercise.name,
        steps: d?.steps ?? [],
        feel: d?.feel ?? '',
        cautions: d?.cautions ?? [],
        stopIf: d?.stopIf ?? [],
        illustration: item.exercise.illustration,
        illustrationAlt: item.exercise.illustrationAlt,
        restSeconds: d?.restSeconds ?? 15,
      },
    };
  });
  return {
    today,
    timeZone: patient.timeZone,
    firstName: patient.name.split(' ')[0] ?? patient.name,
    plan: plan && { id: plan.id, title: plan.title, noteToPatient: plan.noteToPatient, status: plan.status, startDate: plan.startDate, endDate: plan.endDate },
    planState,
    items,
    checkInDone: checkIn.length > 0,
    reading: reading.map((r) => ({ ...r, overdue: r.dueDate !== null && r.dueDate < today })),
  };
}
