import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { exercises, ISO_WEEKDAYS_CHECK, planTemplates } from './content';
import { planStatusEnum, sideEnum } from './enums';
import { patients } from './patients';
import { users } from './users';

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
    therapistId: uuid('therapist_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
    templateId: uuid('template_id').references(() => planTemplates.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    noteToPatient: text('note_to_patient'),
    /** Patient-local dates. */
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    status: planStatusEnum('status').notNull().default('active'),
    currentRevision: integer('current_revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_patient_status_idx').on(t.patientId, t.status),
    index('plans_clinic_therapist_idx').on(t.clinicId, t.therapistId),
    check('plans_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('plans_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('plans_note_length', sql`${t.noteToPatient} is null or char_length(${t.noteToPatient}) <= 2000`),
  ],
);

export type Plan = typeof plans.$inferSelect;

/**
 * Each saved edit is a revision. A revision is in force from its effective date (patient-local)
 * until the next revision's; its items are copied, never edited in place, so old logs keep
 * pointing at the item they were logged against.
 */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'restrict' }),
    revision: integer('revision').notNull(),
    effectiveDate: date('effective_date').notNull(),
    summary: text('summary'),
    createdBy: uuid('created_by').notNull().references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_revisions_plan_revision_key').on(t.planId, t.revision),
    check('plan_revisions_revision_positive', sql`${t.revision} >= 1`),
  ],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'restrict' }),
    revisionId: uuid('revision_id').notNull().references(() => planRevisions.id, { onDelete: 'restrict' }),
    /** Stable across revisions: the "same" item in revision 1 and revision 2 share it. */
    itemKey: uuid('item_key').notNull(),
    exerciseId: uuid('exercise_id').notNull().references(() => exercises.id, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
    sets: smallint('sets').notNull(),
    reps: smallint('reps').notNull(),
    holdSeconds: smallint('hold_seconds').notNull(),
    side: sideEnum('side').notNull(),
    sessionsPerDay: smallint('sessions_per_day').notNull(),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    daysOfWeek: smallint('days_of_week').array().notNull(),
  },
  (t) => [
    uniqueIndex('plan_items_revision_key_key').on(t.revisionId, t.itemKey),
    index('plan_items_plan_idx').on(t.planId),
    check('plan_items_sets', sql`${t.sets} between 1 and 20`),
    check('plan_items_reps', sql`${t.reps} between 1 and 50`),
    check('plan_items_hold', sql`${t.holdSeconds} between 0 and 300`),
    check('plan_items_sessions', sql`${t.sessionsPerDay} between 1 and 6`),
    check('plan_items_days', ISO_WEEKDAYS_CHECK(t.daysOfWeek)),
  ],
);

export type PlanItem = typeof planItems.$inferSelect;

/** Status history, so adherence knows which past days a plan was paused. */
export const planStatusChanges = pgTable(
  'plan_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'restrict' }),
    status: planStatusEnum('status').notNull(),
    /** Patient-local date from which the status holds. */
    effectiveDate: date('effective_date').notNull(),
    changedBy: uuid('changed_by').notNull().references(() => users.id, { onDelete: 'restrict' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_status_changes_plan_idx').on(t.planId, t.changedAt)],
);
