import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { exerciseKindEnum, sideEnum, type Equipment } from './enums';
import { users } from './users';

/**
 * An article's identity. clinic_id null = built-in (synced from content/articles);
 * otherwise written by and visible to that clinic only.
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null = a clinic draft, visible to its clinic's clinicians only; patients never see drafts. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('articles_builtin_slug_key').on(t.slug).where(sql`${t.clinicId} is null`),
    uniqueIndex('articles_clinic_slug_key').on(t.clinicId, t.slug).where(sql`${t.clinicId} is not null`),
    check('articles_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,100}$'`),
  ],
);

/** Immutable versions: an assignment points at the version the patient was given. */
export const articleVersions = pgTable(
  'article_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id').notNull().references(() => articles.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    takeaways: jsonb('takeaways').$type<string[]>().notNull(),
    tissues: jsonb('tissues').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    readingMinutes: smallint('reading_minutes').notNull(),
    /** Flesch–Kincaid grade, computed by the app from the text. */
    readingGrade: numeric('reading_grade', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    wordCount: integer('word_count').notNull(),
    /** sha-256 of the source; a sync creates a new version only when it changes. */
    contentHash: text('content_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('article_versions_article_version_key').on(t.articleId, t.version),
    check('article_versions_version_positive', sql`${t.version} >= 1`),
    check('article_versions_reading_minutes', sql`${t.readingMinutes} between 1 and 120`),
    check('article_versions_title_length', sql`char_length(${t.title}) between 1 and 200`),
  ],
);

export const articleQuestions = pgTable(
  'article_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleVersionId: uuid('article_version_id').notNull().references(() => articleVersions.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    prompt: text('prompt').notNull(),
    choices: jsonb('choices').$type<string[]>().notNull(),
    correctIndex: smallint('correct_index').notNull(),
    explanation: text('explanation').notNull(),
  },
  (t) => [
    uniqueIndex('article_questions_version_position_key').on(t.articleVersionId, t.position),
    check('article_questions_choices', sql`jsonb_typeof(${t.choices}) = 'array' and jsonb_array_length(${t.choices}) between 2 and 6`),
    check('article_questions_correct_index', sql`${t.correctIndex} >= 0 and ${t.correctIndex} < jsonb_array_length(${t.choices})`),
  ],
);

export type Dosage = { sets: number; reps: number; holdSeconds: number; restSeconds: number; side: 'both' | 'left' | 'right' | 'none' };

/** clinic_id null = built-in exercise from content/exercises. */
export const exercises = pgTable(
  'exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: exerciseKindEnum('kind').notNull(),
    targets: jsonb('targets').$type<string[]>().notNull(),
    equipment: jsonb('equipment').$type<Equipment[]>().notNull(),
    steps: jsonb('steps').$type<string[]>().notNull(),
    feel: text('feel').notNull(),
    cautions: jsonb('cautions').$type<string[]>().notNull(),
    stopIf: jsonb('stop_if').$type<string[]>().notNull(),
    aboutMarkdown: text('about_markdown').notNull().default(''),
    defaultSets: smallint('default_sets').notNull(),
    defaultReps: smallint('default_reps').notNull(),
    defaultHoldSeconds: smallint('default_hold_seconds').notNull(),
    defaultRestSeconds: smallint('default_rest_seconds').notNull(),
    defaultSide: sideEnum('default_side').notNull(),
    illustration: text('illustration'),
    illustrationAlt: text('illustration_alt'),
    contentHash: text('content_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exercises_builtin_slug_key').on(t.slug).where(sql`${t.clinicId} is null`),
    uniqueIndex('exercises_clinic_slug_key').on(t.clinicId, t.slug).where(sql`${t.clinicId} is not null`),
    check('exercises_default_sets', sql`${t.defaultSets} between 1 and 20`),
    check('exercises_default_reps', sql`${t.defaultReps} between 1 and 50`),
    check('exercises_default_hold', sql`${t.defaultHoldSeconds} between 0 and 300`),
    check('exercises_default_rest', sql`${t.defaultRestSeconds} between 0 and 300`),
  ],
);

export type Exercise = typeof exercises.$inferSelect;

/** clinic_id null = built-in (read-only) template. */
export const planTemplates = pgTable(
  'plan_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').references(() => clinics.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('plan_templates_builtin_slug_key').on(t.slug).where(sql`${t.clinicId} is null`),
    uniqueIndex('plan_templates_clinic_slug_key').on(t.clinicId, t.slug).where(sql`${t.clinicId} is not null`),
  ],
);

/** Dosage and schedule columns shared by template items and plan items, with the same limits. */
export const ISO_WEEKDAYS_CHECK = (column: unknown) =>
  sql`cardinality(${column}) between 1 and 7 and ${column} <@ array[1,2,3,4,5,6,7]::smallint[]`;

export const planTemplateItems = pgTable(
  'plan_template_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id').notNull().references(() => planTemplates.id, { onDelete: 'cascade' }),
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
    index('plan_template_items_template_idx').on(t.templateId, t.position),
    check('plan_template_items_sets', sql`${t.sets} between 1 and 20`),
    check('plan_template_items_reps', sql`${t.reps} between 1 and 50`),
    check('plan_template_items_hold', sql`${t.holdSeconds} between 0 and 300`),
    check('plan_template_items_sessions', sql`${t.sessionsPerDay} between 1 and 6`),
    check('plan_template_items_days', ISO_WEEKDAYS_CHECK(t.daysOfWeek)),
  ],
);
