import 'server-only';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleQuestions, articles, articleVersions, exercises, patients, readingAssignments, users } from '@/db/schema';
import type { Equipment, ExerciseKind, ReadingState } from '@/db/schema/enums';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';

/** Built-in content (clinic_id null) or the viewer's own clinic's. */
const visibleArticle = (viewer: Viewer) => or(isNull(articles.clinicId), eq(articles.clinicId, viewer.clinicId));

export type LibraryArticle = {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  tissues: string[];
  readingMinutes: number;
  readingGrade: number;
  wordCount: number;
  version: number;
  isClinicArticle: boolean;
  isPublished: boolean;
};

export type ArticleFilters = { q?: string; tissue?: string };

/** Clinicians: the newest version of every article they may assign, filtered. */
export async function listLibraryArticles(viewer: Viewer, filters: ArticleFilters = {}): Promise<LibraryArticle[] | null> {
  if (!isClinician(viewer.role)) return null;
  const q = filters.q?.trim().slice(0, 100);
  const rows = await getDb()
    .selectDistinctOn([articles.id], {
      articleId: articles.id,
      slug: articles.slug,
      title: articleVersions.title,
      summary: articleVersions.summary,
      tissues: articleVersions.tissues,
      readingMinutes: articleVersions.readingMinutes,
      readingGrade: articleVersions.readingGrade,
      wordCount: articleVersions.wordCount,
      version: articleVersions.version,
      clinicId: articles.clinicId,
      publishedAt: articles.publishedAt,
      body: articleVersions.bodyMarkdown,
    })
    .from(articles)
    .innerJoin(articleVersions, eq(articleVersions.articleId, articles.id))
    .where(and(visibleArticle(viewer), isNull(articles.archivedAt)))
    .orderBy(articles.id, desc(articleVersions.version));
  const needle = q?.toLowerCase();
  return rows
    .filter((r) => !filters.tissue || r.tissues.includes(filters.tissue))
    .filter((r) => !needle || `${r.title} ${r.summary} ${r.body}`.toLowerCase().includes(needle))
    .map((r) => ({
      articleId: r.articleId,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      tissues: r.tissues,
      readingMinutes: r.readingMinutes,
      readingGrade: r.readingGrade,
      wordCount: r.wordCount,
      version: r.version,
      isClinicArticle: r.clinicId !== null,
      isPublished: r.publishedAt !== null,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export type ArticleAssignmentState = { patientId: string; patientName: string; state: ReadingState; dueDate: string | null; secondsSpent: number };

export type LibraryArticleDetail = LibraryArticle & {
  body: string;
  takeaways: string[];
  questions: { id: string; prompt: string; choices: string[]; correctIndex: number; explanation: string }[];
  /** This article's assignments among the viewer's patients. */
  assignments: ArticleAssignmentState[];
};

/** One article as the patient would see it (latest version), with its assignment states in the viewer's caseload. */
export async function getLibraryArticle(viewer: Viewer, slug: string): Promise<LibraryArticleDetail | null> {
  if (!isClinician(viewer.role) || !/^[a-z0-9-]{1,101}$/.test(slug)) return null;
  const db = getDb();
  const [row] = await db
    .select({ article: articles, version: articleVersions })
    .from(articles)
    .innerJoin(articleVersions, eq(articleVersions.articleId, articles.id))
    .where(and(eq(articles.slug, slug), visibleArticle(viewer), isNull(articles.archivedAt)))
    // A clinic's own article with the same slug as a built-in one wins for that clinic.
    .orderBy(sql`${articles.clinicId} is null`, desc(articleVersions.version))
    .limit(1);
  if (!row) return null;
  const careScope =
    viewer.role === 'admin' ? eq(patients.clinicId, viewer.clinicId) : and(eq(patients.clinicId, viewer.clinicId), eq(patients.primaryTherapistId, viewer.userId));
  const [questions, assignments] = await Promise.all([
    db.select().from(articleQuestions).where(eq(articleQuestions.articleVersionId, row.version.id)).orderBy(asc(articleQuestions.position)),
    db
      .select({ patientId: patients.id, patientName: users.name, state: readingAssignments.state, dueDate: readingAssignments.dueDate, secondsSpent: readingAssignments.secondsSpent })
      .from(readingAssignments)
      .innerJoin(patients, eq(patients.id, readingAssignments.patientId))
      .innerJoin(users, eq(users.id, patients.id))
      .where(and(eq(readingAssignments.articleId, row.article.id), isNull(readingAssignments.removedAt), careScope))
      .orderBy(asc(users.name)),
  ]);
  return {
    articleId: row.article.id,
    slug: row.article.slug,
    title: row.version.title,
    summary: row.version.summary,
    tissues: row.version.tissues,
    readingMinutes: row.version.readingMinutes,
    readingGrade: row.version.readingGrade,
    wordCount: row.version.wordCount,
    version: row.version.version,
    isClinicArticle: row.article.clinicId !== null,
    isPublished: row.article.publishedAt !== null,
    body: row.version.bodyMarkdown,
    takeaways: row.version.takeaways,
    questions: questions.map((q) => ({ id: q.id, prompt: q.prompt, choices: q.choices, correctIndex: q.correctIndex, explanation: q.explanation })),
    assignments,
  };
}

export type LibraryExercise = {
  id: string;
  slug: string;
  name: string;
  kind: ExerciseKind;
  targets: string[];
  equipment: Equipment[];
  illustration: string | null;
  illustrationAlt: string | null;
  defaultSets: number;
  defaultReps: number;
  defaultHoldSeconds: number;
  defaultSide: 'both' | 'left' | 'right' | 'none';
};

export type ExerciseFilters = { q?: string; kind?: string; equipment?: string; target?: string };

const visibleExercise = (viewer: Viewer) => or(isNull(exercises.clinicId), eq(exercises.clinicId, viewer.clinicId));

/** Exercises are not patient data: any signed-in person may browse the ones visible to their clinic. */
export async function listLibraryExercises(viewer: Viewer, filters: ExerciseFilters = {}): Promise<LibraryExercise[]> {
  const rows = await getDb()
    .select({
      id: exercises.id,
      slug: exercises.slug,
      name: exercises.name,
      kind: exercises.kind,
      targets: exercises.targets,
      equipment: exercises.equipment,
      illustration: exercises.illustration,
      illustrationAlt: exercises.illustrationAlt,
      defaultSets: exercises.defaultSets,
      defaultReps: exercises.defaultReps,
      defaultHoldSeconds: exercises.defaultHoldSeconds,
      defaultSide: exercises.defaultSide,
      steps: exercises.steps,
    })
    .from(exercises)
    .where(visibleExercise(viewer))
    .orderBy(asc(exercises.name));
  const needle = filters.q?.trim().toLowerCase().slice(0, 100);
  return rows
    .filter((r) => !filters.kind || r.kind === filters.kind)
    .filter((r) => !filters.equipment || r.equipment.includes(filters.equipment as Equipment))
    .filter((r) => !filters.target || r.targets.includes(filters.target))
    .filter((r) => !needle || `${r.name} ${r.targets.join(' ')} ${r.steps.join(' ')}`.toLowerCase().includes(needle))
    .map((r) => ({ id: r.id, slug: r.slug, name: r.name, kind: r.kind, targets: r.targets, equipment: r.equipment, illustration: r.illustration, illustrationAlt: r.illustrationAlt, defaultSets: r.defaultSets, defaultReps: r.defaultReps, defaultHoldSeconds: r.defaultHoldSeconds, defaultSide: r.defaultSide }));
}

export type ExerciseDetail = LibraryExercise & { steps: string[]; feel: string; cautions: string[]; stopIf: string[]; about: string; defaultRestSeconds: number };

export async function getLibraryExercise(viewer: Viewer, slug: string): Promise<ExerciseDetail | null> {
  if (!/^[a-z0-9-]{1,101}$/.test(slug)) return null;
  const [row] = await getDb()
    .select()
    .from(exercises)
    .where(and(eq(exercises.slug, slug), visibleExercise(viewer)))
    .orderBy(sql`${exercises.clinicId} is null`)
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    targets: row.targets,
    equipment: row.equipment,
    illustration: row.illustration,
    illustrationAlt: row.illustrationAlt,
    defaultSets: row.defaultSets,
    defaultReps: row.defaultReps,
    defaultHoldSeconds: row.defaultHoldSeconds,
    defaultRestSeconds: row.defaultRestSeconds,
    defaultSide: row.defaultSide,
    steps: row.steps,
    feel: row.feel,
    cautions: row.cautions,
    stopIf: row.stopIf,
    about: row.aboutMarkdown,
  };
}
