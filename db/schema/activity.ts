import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { articleQuestions, articles, articleVersions } from './content';
import { auditOutcomeEnum, difficultyEnum, readingStateEnum, type RedFlag } from './enums';
import { patients } from './patients';
import { planItems } from './plans';
import { users } from './users';

export const readingAssignments = pgTable(
  'reading_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
    articleId: uuid('article_id').notNull().references(() => articles.id, { onDelete: 'restrict' }),
    /** The version the patient was given; a later edit of the article does not change it. */
    articleVersionId: uuid('article_version_id').notNull().references(() => articleVersions.id, { onDelete: 'restrict' }),
    assignedBy: uuid('assigned_by').notNull().references(() => users.id, { onDelete: 'restrict' }),
    dueDate: date('due_date'),
    state: readingStateEnum('state').notNull().default('assigned'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    understoodAt: timestamp('understood_at', { withTimezone: true }),
    secondsSpent: integer('seconds_spent').notNull().default(0),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('reading_assignments_patient_idx').on(t.patientId, t.dueDate),
    // One live assignment per article and patient (an unassigned one may be assigned again).
    uniqueIndex('reading_assignments_patient_article_live_key').on(t.patientId, t.articleId).where(sql`${t.removedAt} is null`),
    check('reading_assignments_seconds', sql`${t.secondsSpent} >= 0`),
  ],
);

export const readingAnswers = pgTable(
  'reading_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
    assignmentId: uuid('assignment_id').notNull().references(() => readingAssignments.id, { onDelete: 'restrict' }),
    questionId: uuid('question_id').notNull().references(() => articleQuestions.id, { onDelete: 'restrict' }),
    chosenIndex: smallint('chosen_index').notNull(),
    isCorrect: boolean('is_correct').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reading_answers_assignment_idx').on(t.assignmentId),
    check('reading_answers_chosen_index', sql`${t.chosenIndex} >= 0`),
  ],
);

/**
 * One row per session a patient did. (patient_id, client_id) is unique, so a retried
 * request can never record the same session twice.
 */
export const sessionLogs = pgTable(
  'session_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
    planItemId: uuid('plan_item_id').notNull().references(() => planItems.id, { onDelete: 'restrict' }),
    clientId: uuid('client_id').notNull(),
    /** The patient's local date when the session was done. */
    localDate: date('local_date').notNull(),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
    setsDone: smallint('sets_done').notNull(),
    painBefore: smallint('pain_before'),
    painAfter: smallint('pain_after'),
    difficulty: difficultyEnum('difficulty'),
    note: text('note'),
    /** sha-256 of the request body: the same client id with a different body is refused. */
    requestHash: text('request_hash').notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('session_logs_patient_client_key').on(t.patientId, t.clientId),
    index('session_logs_patient_date_idx').on(t.patientId, t.localDate),
    // The metrics queries (lib/dal/metrics.ts) read live logs by patient and day range; the extra key
    // columns make those reads index-only (a patient's logs are scattered over the heap by arrival day).
    index('session_logs_live_patient_date_cover_idx')
      .on(t.patientId, t.localDate, t.planItemId, t.painBefore, t.painAfter)
      .where(sql`${t.undoneAt} is null`),
    index('session_logs_plan_item_idx').on(t.planItemId),
    check('session_logs_sets_done', sql`${t.setsDone} between 1 and 20`),
    check('session_logs_pain_before', sql`${t.painBefore} is null or ${t.painBefore} between 0 and 10`),
    check('session_logs_pain_after', sql`${t.painAfter} is null or ${t.painAfter} between 0 and 10`),
    check('session_logs_note_length', sql`${t.note} is null or char_length(${t.note}) <= 1000`),
  ],
);

export type SessionLog = typeof sessionLogs.$inferSelect;

/** One per patient per local day; a later check-in that day replaces it (upsert). */
export const painCheckIns = pgTable(
  'pain_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id').notNull().references(() => patients.id, { onDelete: 'restrict' }),
    localDate: date('local_date').notNull(),
    pain: smallint('pain').notNull(),
    bodyArea: text('body_area'),
    note: text('note'),
    redFlags: jsonb('red_flags').$type<RedFlag[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pain_check_ins_patient_date_key').on(t.patientId, t.localDate),
    check('pain_check_ins_pain', sql`${t.pain} between 0 and 10`),
    check('pain_check_ins_red_flags', sql`jsonb_typeof(${t.redFlags}) = 'array'`),
    check('pain_check_ins_note_length', sql`${t.note} is null or char_length(${t.note}) <= 1000`),
  ],
);

export type PainCheckIn = typeof painCheckIns.$inferSelect;

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. Holds no passwords,
 * tokens, note texts or pain values: only who did what to whose data, when, from where.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'restrict' }),
    actorRole: text('actor_role'),
    /** The actor's clinic (or the target's, for sign-in events). */
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'restrict' }),
    patientId: uuid('patient_id'),
    action: text('action').notNull(),
    outcome: auditOutcomeEnum('outcome').notNull(),
    sourceIp: text('source_ip'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index('audit_events_clinic_at_idx').on(t.clinicId, t.at),
    index('audit_events_patient_at_idx').on(t.patientId, t.at),
    index('audit_events_actor_at_idx').on(t.actorUserId, t.at),
    check('audit_events_action_format', sql`${t.action} ~ '^[a-z_]+\\.[a-z_.]+$'`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
