import { z } from 'zod';
import { SIDES } from '@/db/schema/enums';
import { isLocalDate } from '@/lib/dates';
import { uuidField } from './fields';

const whole = (min: number, max: number, what: string) =>
  z.number({ error: `must be a number from ${min} to ${max}` }).int(`must be a whole number`).min(min, `must be at least ${min}${what}`).max(max, `must be ${max} or less`);

const localDate = z.string({ error: 'must be a date' }).refine(isLocalDate, 'must be a date like 2026-12-01');

/** More items than this is allowed but warned about: long plans are rarely done. */
export const PLAN_ITEMS_WARNING = 6;

export const planItemInputSchema = z
  .object({
    /** Present for an item carried over from the current revision (keeps its history). */
    itemKey: uuidField.nullable().optional(),
    exerciseId: uuidField,
    sets: whole(1, 20, ''),
    reps: whole(1, 50, ''),
    holdSeconds: whole(0, 300, ''),
    side: z.enum(SIDES, { error: 'must be both, left, right or none' }),
    sessionsPerDay: whole(1, 6, ''),
    daysOfWeek: z
      .array(z.number().int().min(1, 'must be a weekday').max(7, 'must be a weekday'), { error: 'choose at least one day' })
      .min(1, 'choose at least one day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'lists a day twice'),
  })
  .strict();

export const savePlanSchema = z
  .object({
    /** The plan being edited; absent to start a new plan (any current one is then completed). */
    planId: uuidField.nullable().optional(),
    templateId: uuidField.nullable().optional(),
    title: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'must be 200 characters or fewer'),
    startDate: localDate,
    endDate: localDate.nullable().optional(),
    noteToPatient: z.string().trim().max(2000, 'must be 2,000 characters or fewer').nullable().optional(),
    summary: z.string().trim().max(300, 'must be 300 characters or fewer').nullable().optional(),
    items: z.array(planItemInputSchema, { error: 'must be a list' }).min(1, 'add at least one exercise').max(20, 'can have at most 20 exercises'),
  })
  .strict()
  .refine((p) => !p.endDate || p.endDate >= p.startDate, { message: 'must be on or after the start date', path: ['endDate'] })
  .refine((p) => new Set(p.items.flatMap((i) => (i.itemKey ? [i.itemKey] : []))).size === p.items.filter((i) => i.itemKey).length, {
    message: 'lists the same plan item twice',
    path: ['items'],
  });

export type SavePlanInput = z.infer<typeof savePlanSchema>;
export type PlanItemInput = z.infer<typeof planItemInputSchema>;

export const PLAN_TRANSITIONS = {
  active: ['paused', 'completed', 'archived'],
  paused: ['active', 'completed', 'archived'],
  completed: ['archived'],
  archived: [],
} as const;

export const setPlanStatusSchema = z
  .object({ planId: uuidField, status: z.enum(['active', 'paused', 'completed', 'archived'], { error: 'must be active, paused, completed or archived' }) })
  .strict();
export type SetPlanStatusInput = z.infer<typeof setPlanStatusSchema>;

export const saveTemplateSchema = z
  .object({
    templateId: uuidField.nullable().optional(),
    name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(120, 'must be 120 characters or fewer'),
    purpose: z.string({ error: 'is required' }).trim().min(1, 'is required').max(300, 'must be 300 characters or fewer'),
    items: z.array(planItemInputSchema.omit({ itemKey: true }), { error: 'must be a list' }).min(1, 'add at least one exercise').max(20, 'can have at most 20 exercises'),
  })
  .strict();
export type SaveTemplateInput = z.infer<typeof saveTemplateSchema>;
