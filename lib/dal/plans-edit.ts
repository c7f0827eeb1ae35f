import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { exercises, planItems, planRevisions, plans, planStatusChanges, planTemplateItems, planTemplates, users } from '@/db/schema';
import type { PlanStatus, Side } from '@/db/schema/enums';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { localDateIn, type LocalDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { PLAN_TRANSITIONS, type PlanItemInput, type SavePlanInput, type SaveTemplateInput, type SetPlanStatusInput } from '@/lib/validation/plans';
import { actorOf, recordAudit } from './audit';
import { listLibraryExercises, type LibraryExercise } from './library';
import { unsafeCurrentPlanForPatient, type PlanDto } from './plans';
import { findPatientInScope, isUuid } from './scope';

export type TemplateDto = {
  id: string;
  name: string;
  purpose: string;
  isBuiltIn: boolean;
  items: (Omit<PlanItemInput, 'itemKey'> & { exerciseName: string })[];
};

export type RevisionDto = { revision: number; effectiveDate: LocalDate; summary: string | null; createdBy: string; createdAt: string; itemCount: number };
export type StatusChangeDto = { status: PlanStatus; effectiveDate: LocalDate; changedBy: string; changedAt: string };

export type PlanEditor = {
  patient: { id: string; name: string; timeZone: string; today: LocalDate };
  plan: PlanDto | null;
  revisions: RevisionDto[];
  statusHistory: StatusChangeDto[];
  templates: TemplateDto[];
  exercises: LibraryExercise[];
};

/** Everything the plan builder needs for one patient in the viewer's care. Null = 404. */
export async function getPlanEditor(viewer: Viewer, patientId: string): Promise<PlanEditor | null> {
  if (!isClinician(viewer.role)) return null;
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, patientId, 'plan.view');
  if (!patient) return null;
  const plan = await unsafeCurrentPlanForPatient(db, patient.id, patient.clinicId);
  const [revisions, statusHistory, templates, library] = await Promise.all([
    plan
      ? db
          .select({
            revision: planRevisions.revision,
            effectiveDate: planRevisions.effectiveDate,
            summary: planRevisions.summary,
            createdBy: users.name,
            createdAt: sql<string>`${planRevisions.createdAt}::text`,
            itemCount: sql<number>`(select count(*)::int from ${planItems} where ${planItems.revisionId} = ${planRevisions.id})`,
          })
          .from(planRevisions)
          .innerJoin(users, eq(users.id, planRevisions.createdBy))
          .where(eq(planRevisions.planId, plan.id))
          .orderBy(desc(planRevisions.revision))
      : Promise.resolve([]),
    plan
      ? db
          .select({ status: planStatusChanges.status, effectiveDate: planStatusChanges.effectiveDate, changedBy: users.name, changedAt: sql<string>`${planStatusChanges.changedAt}::text` })
          .from(planStatusChanges)
          .innerJoin(users, eq(users.id, planStatusChanges.changedBy))
          .where(eq(planStatusChanges.planId, plan.id))
          .orderBy(desc(planStatusChanges.changedAt))
      : Promise.resolve([]),
    listTemplates(viewer),
    listLibraryExercises(viewer),
  ]);
  await recordAudit(db, actorOf(viewer), { action: 'plan.view', outcome: 'allowed', patientId: patient.id });
  return {
    patient: { id: patient.id, name: patient.name, timeZone: patient.timeZone, today: localDateIn(patient.timeZone) },
    plan,
    revisions,
    statusHistory,
    templates: templates ?? [],
    exercises: library,
  };
}

async function assertExercisesVisible(tx: Tx, viewer: Viewer, items: { exerciseId: string }[]): Promise<Map<string, string>> {
  const ids = [...new Set(items.map((i) => i.exerciseId))];
  const rows = await tx
    .select({ id: exercises.id, name: exercises.name })
    .from(exercises)
    .where(and(inArray(exercises.id, ids), or(isNull(exercises.clinicId), eq(exercises.clinicId, viewer.clinicId))));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const fields: Record<string, string[]> = {};
  items.forEach((item, i) => {
    if (!names.has(item.exerciseId)) fields[`items.${i}.exerciseId`] = ['is not an exercise in your library'];
  });
  if (Object.keys(fields).length) throw new AppError('invalid_input', 'Some fields are not valid.', fields);
  return names;
}

type ItemSnapshot = { itemKey: string; exerciseId: string; sets: number; reps: number; holdSeconds: number; side: Side; sessionsPerDay: number; daysOfWeek: number[] };

const sameItem = (a: ItemSnapshot, b: ItemSnapshot) =>
  a.exerciseId === b.exerciseId && a.sets === b.sets && a.reps === b.reps && a.holdSeconds === b.holdSeconds && a.side === b.side && a.sessionsPerDay === b.sessionsPerDay && [...a.daysOfWeek].sort().join() === [...b.daysOfWeek].sort().join();

/** "Added Cat-cow; removed Child's pose; changed Pelvic tilt" for the revision history. */
function describeChanges(before: ItemSnapshot[], after: ItemSnapshot[], names: Map<string, string>, metaChanged: boolean): string {
  const byKey = new Map(before.map((i) => [i.itemKey, i]));
  const afterKeys = new Set(after.map((i) => i.itemKey));
  const name = (i: ItemSnapshot) => names.get(i.exerciseId) ?? 'an exercise';
  const added = after.filter((i) => !byKey.has(i.itemKey)).map(name);
  const removed = before.filter((i) => !afterKeys.has(i.itemKey)).map(name);
  const changed = after.filter((i) => byKey.has(i.itemKey) && !sameItem(i, byKey.get(i.itemKey)!)).map(name);
  const reordered = !added.length && !removed.length && before.map((i) => i.itemKey).join() !== after.map((i) => i.itemKey).join();
  const parts = [
    added.length ? `Added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
    changed.length ? `changed ${changed.join(', ')}` : '',
    reordered ? 'reordered' : '',
    metaChanged ? 'updated plan details' : '',
  ].filter(Boolean);
  const text = parts.join('; ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : 'No changes';
}

export type SavePlanResult = { planId: string; revision: number; created: boolean; unchanged: boolean };

/**
 * Creates a plan, or saves an edit as a new revision (in force from the patient's today, or the
 * start date if later). Items keep their itemKey across revisions, and old revisions' items are
 * never changed, so past logs keep pointing at what they were logged against. Null = 404.
 */
export async function savePlan(viewer: Viewer, patientId: string, input: SavePlanInput): Promise<SavePlanResult | null> {
  if (!isClinician(viewer.role)) return null;
  return getDb().transaction(async (tx) => {
    const patient = await findPatientInScope(tx, viewer, patientId, 'plan.save');
    if (!patient) return null;
    const names = await assertExercisesVisible(tx, viewer, input.items);
    if (input.templateId) {
      const [template] = await tx
        .select({ id: planTemplates.id })
        .from(planTemplates)
        .where(and(eq(planTemplates.id, input.templateId), or(isNull(planTemplates.clinicId), eq(planTemplates.clinicId, viewer.clinicId)), isNull(planTemplates.deletedAt)));
      if (!template) throw new AppError('invalid_input', 'Some fields are not valid.', { templateId: ['is not a template of your clinic'] });
    }
    const today = localDateIn(patient.timeZone);
    const meta = { title: input.title, startDate: input.startDate, endDate: input.endDate ?? null, noteToPatient: input.noteToPatient || null };

    if (!input.planId) {
      // A new plan replaces the current one, which is completed today (its history stays).
      const current = await tx
        .select({ id: plans.id })
        .from(plans)
        .where(and(eq(plans.patientId, patient.id), inArray(plans.status, ['active', 'paused'])))
        .for('update');
      for (const old of current) {
        await tx.update(plans).set({ status: 'completed', updatedAt: sql`now()` }).where(eq(plans.id, old.id));
        await tx.insert(planStatusChanges).values({ clinicId: patient.clinicId, planId: old.id, status: 'completed', effectiveDate: today, changedBy: viewer.userId });
      }
      const [plan] = await tx
        .insert(plans)
        .values({ clinicId: patient.clinicId, patientId: patient.id, therapistId: patient.primaryTherapistId, templateId: input.templateId ?? null, ...meta, status: 'active', currentRevision: 1 })
        .returning({ id: plans.id });
      if (!plan) throw new Error('plan insert failed');
      const [revision] = await tx
        .insert(planRevisions)
        .values({ clinicId: patient.clinicId, planId: plan.id, revision: 1, effectiveDate: input.startDate, summary: input.summary || (input.templateId ? 'Created from a template' : 'Created'), createdBy: viewer.userId })
        .returning({ id: planRevisions.id });
      if (!revision) throw new Error('revision insert failed');
      await tx.insert(planStatusChanges).values({ clinicId: patient.clinicId, planId: plan.id, status: 'active', effectiveDate: input.startDate, changedBy: viewer.userId });
      await insertItems(tx, patient.clinicId, plan.id, revision.id, input.items.map((i) => ({ ...i, itemKey: randomUUID() })));
      await recordAudit(tx, actorOf(viewer), { action: 'plan.create', outcome: 'allowed', patientId: patient.id, detail: { planId: plan.id, items: input.items.length } });
      return { planId: plan.id, revision: 1, created: true, unchanged: false };
    }

    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.id, input.planId), eq(plans.patientId, patient.id), eq(plans.clinicId, patient.clinicId)))
      .for('update');
    if (!plan) {
      await recordAudit(tx, actorOf(viewer), { action: 'plan.save', outcome: 'denied', patientId: patient.id, detail: { reason: 'plan_not_in_scope' } });
      return null;
    }
    if (plan.status === 'completed' || plan.status === 'archived') throw new AppError('conflict', `This plan is ${plan.status}. Start a new plan instead.`);
    const [current] = await tx.select({ id: planRevisions.id }).from(planRevisions).where(and(eq(planRevisions.planId, plan.id), eq(planRevisions.revision, plan.currentRevision)));
    const before: ItemSnapshot[] = current
      ? await tx
          .select({ itemKey: planItems.itemKey, exerciseId: planItems.exerciseId, sets: planItems.sets, reps: planItems.reps, holdSeconds: planItems.holdSeconds, side: planItems.side, sessionsPerDay: planItems.sessionsPerDay, daysOfWeek: planItems.daysOfWeek })
          .from(planItems)
          .where(eq(planItems.revisionId, current.id))
          .orderBy(asc(planItems.position))
      : [];
    const knownKeys = new Set(before.map((i) => i.itemKey));
    const fields: Record<string, string[]> = {};
    input.items.forEach((item, i) => {
      if (item.itemKey && !knownKeys.has(item.itemKey)) fields[`items.${i}.itemKey`] = ['is not an item of this plan'];
    });
    if (Object.keys(fields).length) throw new AppError('invalid_input', 'Some fields are not valid.', fields);
    const after: ItemSnapshot[] = input.items.map((i) => ({ ...i, itemKey: i.itemKey ?? randomUUID() }));
    const metaChanged = meta.title !== plan.title || meta.startDate !== plan.startDate || meta.endDate !== plan.endDate || meta.noteToPatient !== plan.noteToPatient;
    const itemsChanged = before.length !== after.length || after.some((item, i) => before[i]?.itemKey !== item.itemKey || !sameItem(item, before[i]!));
    if (!itemsChanged && !metaChanged) return { planId: plan.id, revision: plan.currentRevision, created: false, unchanged: true };

    const nextRevision = plan.currentRevision + 1;
    const [revision] = await tx
      .insert(planRevisions)
      .values({
        clinicId: patient.clinicId,
        planId: plan.id,
        revision: nextRevision,
        effectiveDate: input.startDate > today ? input.startDate : today,
        summary: input.summary || describeChanges(before, after, names, metaChanged),
        createdBy: viewer.userId,
      })
      .returning({ id: planRevisions.id });
    if (!revision) throw new Error('revision insert failed');
    await insertItems(tx, patient.clinicId, plan.id, revision.id, after);
    await tx.update(plans).set({ ...meta, currentRevision: nextRevision, updatedAt: sql`now()` }).where(eq(plans.id, plan.id));
    await recordAudit(tx, actorOf(viewer), { action: 'plan.revise', outcome: 'allowed', patientId: patient.id, detail: { planId: plan.id, revision: nextRevision } });
    return { planId: plan.id, revision: nextRevision, created: false, unchanged: false };
  });
}

async function insertItems(tx: Tx, clinicId: string, planId: string, revisionId: string, items: ItemSnapshot[]): Promise<void> {
  await tx.insert(planItems).values(
    items.map((item, position) => ({
      clinicId,
      planId,
      revisionId,
      itemKey: item.itemKey,
      exerciseId: item.exerciseId,
      position,
      sets: item.sets,
      reps: item.reps,
      holdSeconds: item.holdSeconds,
      side: item.side,
      sessionsPerDay: item.sessionsPerDay,
      daysOfWeek: [...new Set(item.daysOfWeek)].sort((a, b) => a - b),
    })),
  );
}

/** Pause, resume, complete or archive; the change holds from the patient's today. Null = 404. */
export async function setPlanStatus(viewer: Viewer, input: SetPlanStatusInput): Promise<{ status: PlanStatus } | null> {
  if (!isClinician(viewer.role)) return null;
  return getDb().transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(and(eq(plans.id, input.planId), eq(plans.clinicId, viewer.clinicId))).for('update');
    const patient = plan ? await findPatientInScope(tx, viewer, plan.patientId, 'plan.status') : null;
    if (!plan || !patient) {
      if (!plan) await recordAudit(tx, actorOf(viewer), { action: 'plan.status', outcome: 'denied', detail: { reason: 'not_found' } });
      return null;
    }
    const allowed: readonly PlanStatus[] = PLAN_TRANSITIONS[plan.status];
    if (!allowed.includes(input.status)) throw new AppError('conflict', `A ${plan.status} plan cannot become ${input.status}.`);
    await tx.update(plans).set({ status: input.status, updatedAt: sql`now()` }).where(eq(plans.id, plan.id));
    await tx.insert(planStatusChanges).values({ clinicId: plan.clinicId, planId: plan.id, status: input.status, effectiveDate: localDateIn(patient.timeZone), changedBy: viewer.userId });
    await recordAudit(tx, actorOf(viewer), { action: 'plan.status', outcome: 'allowed', patientId: patient.id, detail: { planId: plan.id, status: input.status } });
    return { status: input.status };
  });
}

/** Built-in templates and the clinic's own, with their items. */
export async function listTemplates(viewer: Viewer): Promise<TemplateDto[] | null> {
  if (!isClinician(viewer.role)) return null;
  const db = getDb();
  const templates = await db
    .select()
    .from(planTemplates)
    .where(and(or(isNull(planTemplates.clinicId), eq(planTemplates.clinicId, viewer.clinicId)), isNull(planTemplates.deletedAt)))
    .orderBy(sql`${planTemplates.clinicId} is null`, asc(planTemplates.name));
  const items = templates.length
    ? await db
        .select({ item: planTemplateItems, exerciseName: exercises.name })
        .from(planTemplateItems)
        .innerJoin(exercises, eq(exercises.id, planTemplateItems.exerciseId))
        .where(inArray(planTemplateItems.templateId, templates.map((t) => t.id)))
        .orderBy(asc(planTemplateItems.position))
    : [];
  return templates.map((t) => ({
    id: t.id,
    name: t.name,
    purpose: t.purpose,
    isBuiltIn: t.clinicId === null,
    items: items
      .filter((i) => i.item.templateId === t.id)
      .map(({ item, exerciseName }) => ({ exerciseId: item.exerciseId, exerciseName, sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds, side: item.side, sessionsPerDay: item.sessionsPerDay, daysOfWeek: item.daysOfWeek })),
  }));
}

/** Creates or updates one of the clinic's own templates. Built-in templates are read-only (null). */
export async function saveTemplate(viewer: Viewer, input: SaveTemplateInput): Promise<{ templateId: string } | null> {
  if (!isClinician(viewer.role)) return null;
  return getDb().transaction(async (tx) => {
    await assertExercisesVisible(tx, viewer, input.items);
    let templateId = input.templateId ?? null;
    if (templateId) {
      const [own] = await tx
        .update(planTemplates)
        .set({ name: input.name, purpose: input.purpose, updatedAt: sql`now()` })
        .where(and(eq(planTemplates.id, templateId), eq(planTemplates.clinicId, viewer.clinicId), isNull(planTemplates.deletedAt)))
        .returning({ id: planTemplates.id });
      if (!own) return null;
      await tx.delete(planTemplateItems).where(eq(planTemplateItems.templateId, templateId));
    } else {
      const slug = `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'template'}-${randomUUID().slice(0, 8)}`;
      const [created] = await tx
        .insert(planTemplates)
        .values({ clinicId: viewer.clinicId, slug, name: input.name, purpose: input.purpose, createdBy: viewer.userId })
        .returning({ id: planTemplates.id });
      templateId = created?.id ?? null;
    }
    if (!templateId) throw new Error('template save failed');
    const id = templateId;
    await tx.insert(planTemplateItems).values(
      input.items.map((item, position) => ({ templateId: id, exerciseId: item.exerciseId, position, sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds, side: item.side, sessionsPerDay: item.sessionsPerDay, daysOfWeek: item.daysOfWeek })),
    );
    await recordAudit(tx, actorOf(viewer), { action: input.templateId ? 'template.update' : 'template.create', outcome: 'allowed', detail: { templateId: id } });
    return { templateId: id };
  });
}

/** Removes one of the clinic's own templates (plans made from it are unaffected). */
export async function deleteTemplate(viewer: Viewer, templateId: string): Promise<true | null> {
  if (!isClinician(viewer.role) || !isUuid(templateId)) return null;
  const db = getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(planTemplates)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(planTemplates.id, templateId), eq(planTemplates.clinicId, viewer.clinicId), isNull(planTemplates.deletedAt)))
      .returning({ id: planTemplates.id });
    if (!row) return null;
    await recordAudit(tx, actorOf(viewer), { action: 'template.delete', outcome: 'allowed', detail: { templateId } });
    return true as const;
  });
}
