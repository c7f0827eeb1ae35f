import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { exercises, planItems, planRevisions, plans, planStatusChanges, planTemplates, sessionLogs } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import { localDateIn } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { savePlanSchema, saveTemplateSchema, type SavePlanInput } from '@/lib/validation/plans';
import { deleteTemplate, getPlanEditor, listTemplates, savePlan, saveTemplate, setPlanStatus } from './plans-edit';
import { recordSessionLog } from './session-logs';
import { getToday } from './today';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const item = (exerciseId: string, overrides: Partial<SavePlanInput['items'][number]> = {}) => ({
  exerciseId,
  sets: 2,
  reps: 1,
  holdSeconds: 30,
  side: 'both' as const,
  sessionsPerDay: 1,
  daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  ...overrides,
});

const planCount = async (patientId: string) => (await getDb().select({ n: count() }).from(plans).where(eq(plans.patientId, patientId)))[0]?.n;

describe('plan builder DAL', () => {
  it('creates a plan for a patient in care; the previous plan is completed, not deleted', async () => {
    const { p1 } = world.patients;
    const input = savePlanSchema.parse({ title: 'Hips', startDate: localDateIn('Europe/London'), items: [item(world.exercise.id)] });
    const result = await savePlan(world.viewers.t1, p1.user.id, input);
    expect(result).toMatchObject({ revision: 1, created: true });
    const [old] = await getDb().select().from(plans).where(eq(plans.id, p1.plan.id));
    expect(old?.status).toBe('completed');
    const editor = await getPlanEditor(world.viewers.t1, p1.user.id);
    expect(editor?.plan?.id).toBe(result?.planId);
    expect(editor?.plan?.items).toHaveLength(1);
  });

  it('an edit makes a new revision; items keep their key; old logs still point at the item they were logged against', async () => {
    const { p2 } = world.patients;
    const before = await getPlanEditor(world.viewers.t1, p2.user.id);
    const current = before!.plan!.items[0]!;
    const log = await recordSessionLog(p2.viewer, { clientId: randomUUID(), planItemId: current.planItemId, setsDone: 2 });
    const input = savePlanSchema.parse({
      planId: p2.plan.id,
      title: 'Test plan',
      startDate: p2.plan.startDate,
      items: [{ ...item(current.exercise.id, { holdSeconds: 45 }), itemKey: current.itemKey }, item(world.exercise.id, { sessionsPerDay: 2 })],
    });
    const result = await savePlan(world.viewers.t1, p2.user.id, input);
    expect(result).toMatchObject({ revision: 2, created: false, unchanged: false });
    const after = await getPlanEditor(world.viewers.t1, p2.user.id);
    expect(after?.plan?.items[0]?.itemKey).toBe(current.itemKey);
    expect(after?.plan?.items[0]?.holdSeconds).toBe(45);
    expect(after?.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(after?.revisions[0]?.summary).toMatch(/Added .*changed/);
    const [row] = await getDb().select().from(sessionLogs).where(eq(sessionLogs.id, log!.log.id));
    expect(row?.planItemId).toBe(current.planItemId);
    const [oldItem] = await getDb().select().from(planItems).where(eq(planItems.id, current.planItemId));
    expect(oldItem?.holdSeconds).toBe(30);
    // Today counts the earlier log against the same item (same key) in the new revision.
    const today = await getToday(p2.viewer);
    expect(today?.items.find((i) => i.itemKey === current.itemKey)?.doneToday).toBe(1);
  });

  it('saving without changes makes no revision', async () => {
    const { p3 } = world.patients;
    const editor = await getPlanEditor(world.viewers.t2, p3.user.id);
    const plan = editor!.plan!;
    const input = savePlanSchema.parse({
      planId: plan.id,
      title: plan.title,
      startDate: plan.startDate,
      endDate: plan.endDate,
      noteToPatient: plan.noteToPatient,
      items: plan.items.map((i) => ({ itemKey: i.itemKey, exerciseId: i.exercise.id, sets: i.sets, reps: i.reps, holdSeconds: i.holdSeconds, side: i.side, sessionsPerDay: i.sessionsPerDay, daysOfWeek: i.daysOfWeek })),
    });
    expect(await savePlan(world.viewers.t2, p3.user.id, input)).toMatchObject({ unchanged: true, revision: 1 });
    expect((await getDb().select({ n: count() }).from(planRevisions).where(eq(planRevisions.planId, plan.id)))[0]?.n).toBe(1);
  });

  it.each([
    ['another therapist', 't2'],
    ['another clinic', 'tB'],
    ['another clinic admin', 'adminB'],
    ['a patient', 'p1'],
  ] as const)('%s gets null and nothing changes', async (_name, actor) => {
    const { p2 } = world.patients;
    const plansBefore = await planCount(p2.user.id);
    const input = savePlanSchema.parse({ title: 'Nope', startDate: '2026-01-01', items: [item(world.exercise.id)] });
    expect(await savePlan(world.viewers[actor], p2.user.id, input)).toBeNull();
    expect(await getPlanEditor(world.viewers[actor], p2.user.id)).toBeNull();
    expect(await planCount(p2.user.id)).toBe(plansBefore);
    expect(await setPlanStatus(world.viewers[actor], { planId: p2.plan.id, status: 'paused' })).toBeNull();
  });

  it('refuses an item key from another plan and an exercise from another clinic, naming the field', async () => {
    const { p3, pB } = world.patients;
    const input = savePlanSchema.parse({ planId: p3.plan.id, title: 'x', startDate: p3.plan.startDate, items: [{ ...item(world.exercise.id), itemKey: pB.item.itemKey }] });
    await expect(savePlan(world.viewers.t2, p3.user.id, input)).rejects.toSatisfy((e: unknown) => e instanceof AppError && Object.keys(e.fields ?? {}).includes('items.0.itemKey'));
    const [clinicBExercise] = await getDb()
      .insert(exercises)
      .values({ ...world.exercise, id: randomUUID(), slug: `clinic-b-${randomUUID().slice(0, 8)}`, clinicId: world.clinicB.id })
      .returning();
    for (const exerciseId of [randomUUID(), clinicBExercise!.id]) {
      const bad = savePlanSchema.parse({ title: 'x', startDate: '2026-01-01', items: [item(world.exercise.id), item(exerciseId)] });
      await expect(savePlan(world.viewers.t2, p3.user.id, bad)).rejects.toSatisfy((e: unknown) => e instanceof AppError && Object.keys(e.fields ?? {}).join() === 'items.1.exerciseId');
    }
  });

  it('pause, resume and archive follow the allowed moves, recording the status history', async () => {
    const { p3 } = world.patients;
    expect(await setPlanStatus(world.viewers.t2, { planId: p3.plan.id, status: 'paused' })).toEqual({ status: 'paused' });
    expect((await getToday(p3.viewer))?.planState).toBe('paused');
    expect(await setPlanStatus(world.viewers.t2, { planId: p3.plan.id, status: 'active' })).toEqual({ status: 'active' });
    expect(await setPlanStatus(world.viewers.adminA, { planId: p3.plan.id, status: 'archived' })).toEqual({ status: 'archived' });
    await expect(setPlanStatus(world.viewers.t2, { planId: p3.plan.id, status: 'active' })).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.status === 409);
    const history = await getDb().select().from(planStatusChanges).where(and(eq(planStatusChanges.planId, p3.plan.id)));
    expect(history.map((h) => h.status)).toEqual(expect.arrayContaining(['paused', 'active', 'archived']));
  });

  it.each([
    ['no items', { items: [] }, 'items'],
    ['sets 0', { items: [item(randomUUID(), { sets: 0 })] }, 'items.0.sets'],
    ['hold 301', { items: [item(randomUUID(), { holdSeconds: 301 })] }, 'items.0.holdSeconds'],
    ['7 sessions a day', { items: [item(randomUUID(), { sessionsPerDay: 7 })] }, 'items.0.sessionsPerDay'],
    ['no days', { items: [item(randomUUID(), { daysOfWeek: [] })] }, 'items.0.daysOfWeek'],
    ['day 8', { items: [item(randomUUID(), { daysOfWeek: [8] })] }, 'items.0.daysOfWeek.0'],
    ['end before start', { endDate: '2025-01-01' }, 'endDate'],
    ['bad start date', { startDate: '2026-02-30' }, 'startDate'],
    ['empty title', { title: ' ' }, 'title'],
    ['unknown side', { items: [item(randomUUID(), { side: 'top' as never })] }, 'items.0.side'],
  ])('rejects %s, naming the field', (_name, overrides, field) => {
    const result = savePlanSchema.safeParse({ title: 'Plan', startDate: '2026-03-01', items: [item(randomUUID())], ...overrides });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('templates', () => {
  it('a clinic template is visible to its own clinic only, editable and deletable; built-ins are read-only', async () => {
    const input = saveTemplateSchema.parse({ name: 'Clinic A routine', purpose: 'For tests', items: [item(world.exercise.id)] });
    const saved = await saveTemplate(world.viewers.t1, input);
    expect(saved?.templateId).toBeTruthy();
    expect((await listTemplates(world.viewers.t2))?.some((t) => t.id === saved!.templateId)).toBe(true);
    expect((await listTemplates(world.viewers.tB))?.some((t) => t.id === saved!.templateId)).toBe(false);
    expect(await listTemplates(world.viewers.p1)).toBeNull();
    expect(await saveTemplate(world.viewers.tB, { ...input, templateId: saved!.templateId })).toBeNull();
    expect(await deleteTemplate(world.viewers.tB, saved!.templateId)).toBeNull();
    const renamed = await saveTemplate(world.viewers.t2, { ...input, templateId: saved!.templateId, name: 'Renamed' });
    expect(renamed?.templateId).toBe(saved!.templateId);
    expect((await listTemplates(world.viewers.t1))?.find((t) => t.id === saved!.templateId)?.name).toBe('Renamed');
    expect(await deleteTemplate(world.viewers.t1, saved!.templateId)).toBe(true);
    expect((await listTemplates(world.viewers.t1))?.some((t) => t.id === saved!.templateId)).toBe(false);
    const [builtIn] = await getDb().insert(planTemplates).values({ slug: `builtin-${randomUUID().slice(0, 8)}`, name: 'Built-in', purpose: 'x' }).returning();
    expect(await saveTemplate(world.viewers.t1, { ...input, templateId: builtIn!.id })).toBeNull();
    expect(await deleteTemplate(world.viewers.adminA, builtIn!.id)).toBeNull();
  });
});
