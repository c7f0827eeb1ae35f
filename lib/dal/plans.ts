import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { exercises, planItems, planRevisions, plans, sessionLogs } from '@/db/schema';
import type { PlanStatus, Side } from '@/db/schema/enums';
import { isoWeekday, type LocalDate } from '@/lib/dates';

export type PlanItemDto = {
  planItemId: string;
  itemKey: string;
  position: number;
  exercise: { id: string; slug: string; name: string; kind: string; illustration: string | null; illustrationAlt: string | null };
  sets: number;
  reps: number;
  holdSeconds: number;
  side: Side;
  sessionsPerDay: number;
  daysOfWeek: number[];
};

export type PlanDto = {
  id: string;
  title: string;
  noteToPatient: string | null;
  startDate: LocalDate;
  endDate: LocalDate | null;
  status: PlanStatus;
  revision: number;
  revisionDate: LocalDate;
  items: PlanItemDto[];
};

/**
 * The patient's current plan: the newest plan that is not archived, preferring one in force.
 * Callers must already have checked the viewer may see this patient (findPatientInScope).
 */
export async function unsafeCurrentPlanForPatient(q: Queryable, patientId: string, clinicId: string): Promise<PlanDto | null> {
  const [plan] = await q
    .select()
    .from(plans)
    .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, clinicId), inArray(plans.status, ['active', 'paused'])))
    .orderBy(sql`${plans.status} = 'active' desc`, desc(plans.startDate), desc(plans.createdAt))
    .limit(1);
  if (!plan) return null;
  const [revision] = await q
    .select({ id: planRevisions.id, effectiveDate: planRevisions.effectiveDate })
    .from(planRevisions)
    .where(and(eq(planRevisions.planId, plan.id), eq(planRevisions.revision, plan.currentRevision)))
    .limit(1);
  const items = revision ? await unsafeItemsOfRevision(q, revision.id) : [];
  return {
    id: plan.id,
    title: plan.title,
    noteToPatient: plan.noteToPatient,
    startDate: plan.startDate,
    endDate: plan.endDate,
    status: plan.status,
    revision: plan.currentRevision,
    revisionDate: revision?.effectiveDate ?? plan.startDate,
    items,
  };
}

async function unsafeItemsOfRevision(q: Queryable, revisionId: string): Promise<PlanItemDto[]> {
  const rows = await q
    .select({
      planItemId: planItems.id,
      itemKey: planItems.itemKey,
      position: planItems.position,
      sets: planItems.sets,
      reps: planItems.reps,
      holdSeconds: planItems.holdSeconds,
      side: planItems.side,
      sessionsPerDay: planItems.sessionsPerDay,
      daysOfWeek: planItems.daysOfWeek,
      exerciseId: exercises.id,
      slug: exercises.slug,
      name: exercises.name,
      kind: exercises.kind,
      illustration: exercises.illustration,
      illustrationAlt: exercises.illustrationAlt,
    })
    .from(planItems)
    .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
    .where(eq(planItems.revisionId, revisionId))
    .orderBy(asc(planItems.position));
  return rows.map((r) => ({
    planItemId: r.planItemId,
    itemKey: r.itemKey,
    position: r.position,
    exercise: { id: r.exerciseId, slug: r.slug, name: r.name, kind: r.kind, illustration: r.illustration, illustrationAlt: r.illustrationAlt },
    sets: r.sets,
    reps: r.reps,
    holdSeconds: r.holdSeconds,
    side: r.side,
    sessionsPerDay: r.sessionsPerDay,
    daysOfWeek: r.daysOfWeek,
  }));
}

/** A plan is in force on a day when it is active and the day is within its dates. */
export function isPlanInForce(plan: Pick<PlanDto, 'status' | 'startDate' | 'endDate'>, day: LocalDate): boolean {
  return plan.status === 'active' && plan.startDate <= day && (plan.endDate === null || plan.endDate >= day);
}

export function isItemScheduledOn(item: Pick<PlanItemDto, 'daysOfWeek'>, day: LocalDate): boolean {
  return item.daysOfWeek.includes(isoWeekday(day));
}

/** Sessions done per item key on one local day (undone logs excluded). */
export async function unsafeDoneCountsOn(q: Queryable, patientId: string, day: LocalDate): Promise<Map<string, number>> {
  const rows = await q
    .select({ itemKey: planItems.itemKey, done: sql<number>`count(*)::int` })
    .from(sessionLogs)
    .innerJoin(planItems, eq(planItems.id, sessionLogs.planItemId))
    .where(and(eq(sessionLogs.patientId, patientId), eq(sessionLogs.localDate, day), isNull(sessionLogs.undoneAt)))
    .groupBy(planItems.itemKey);
  return new Map(rows.map((r) => [r.itemKey, r.done]));
}
