import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { users } from './users';

/** A patient's profile. Its id is the patient's user id: one person, one key. */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().references(() => users.id, { onDelete: 'restrict' }),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    primaryTherapistId: uuid('primary_therapist_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
    /** IANA zone; every "today" and every log's local date is computed in it. */
    timeZone: text('time_zone').notNull(),
    conditionNote: text('condition_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('patients_clinic_therapist_idx').on(t.clinicId, t.primaryTherapistId),
    check('patients_time_zone_format', sql`${t.timeZone} ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}$' or ${t.timeZone} = 'UTC'`),
    check('patients_condition_note_length', sql`${t.conditionNote} is null or char_length(${t.conditionNote}) <= 500`),
  ],
);

export type Patient = typeof patients.$inferSelect;
