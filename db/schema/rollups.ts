import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { patients } from './patients';

/**
 * Per patient and local day with any activity (a live session log or a check-in): what the metrics
 * statements (lib/dal/metrics.ts) would otherwise aggregate from session_logs on every read.
 *
 * Never written by the application: triggers on session_logs, pain_check_ins, plans, plan_revisions,
 * plan_items and plan_status_changes (migration 0005) recompute the touched days in the same
 * transaction as the write, through patient_days_refresh(), which also backfilled the table. A day
 * without activity has no row (its expected sessions come from the plan, computed by the reader).
 */
export const patientDays = pgTable(
  'patient_days',
  {
    patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
    localDate: date('local_date').notNull(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    /** Σ expected sessions over the item-days of all the patient's plans (design "Expected sessions"). */
    expected: integer('expected').notNull(),
    /** Σ over those item-days of min(live logs of the item that day, expected): adherence's numerator. */
    done: integer('done').notNull(),
    /** Live (not undone) session logs that day, of any item, scheduled or not. */
    logs: integer('logs').notNull(),
    /** The day's check-in pain (null: no check-in). */
    pain: smallint('pain'),
    /** The day's check-in reported a red flag. */
    redFlag: boolean('red_flag').notNull(),
    /** Live logs with both pains, and the sums of their pains (mean pain around sessions). */
    painPairs: integer('pain_pairs').notNull(),
    painBeforeSum: integer('pain_before_sum').notNull(),
    painAfterSum: integer('pain_after_sum').notNull(),
    /** Live logs whose pain rose by ≥ 3 points during the session ("this stretch hurts"). */
    hurts: integer('hurts').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.patientId, t.localDate] }),
    check('patient_days_counts', sql`${t.expected} >= 0 and ${t.done} between 0 and ${t.expected} and ${t.logs} >= 0 and ${t.hurts} >= 0 and ${t.painPairs} >= 0`),
  ],
);

export type PatientDay = typeof patientDays.$inferSelect;
