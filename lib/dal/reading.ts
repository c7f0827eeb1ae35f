import 'server-only';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleQuestions, articles, articleVersions, readingAnswers, readingAssignments, users } from '@/db/schema';
import type { ReadingState } from '@/db/schema/enums';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { localDateIn, type LocalDate } from '@/lib/dates';
import type { AnswerQuestionsInput, AssignArticlesInput, ReadingProgressInput } from '@/lib/validation/reading';
import { actorOf, denyRole, recordAudit } from './audit';
import { findPatientInScope, isUuid } from './scope';

export type ReadingListItem = {
  assignmentId: string;
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  readingMinutes: number;
  dueDate: LocalDate | null;
  state: ReadingState;
  secondsSpent: number;
  assignedAt: string;
  assignedBy: string;
};

const STATE_RANK: Record<ReadingState, number> = { assigned: 0, opened: 1, read: 2, understood: 3 };

/** Assignments of one patient, unfinished first, then by due date. Callers have checked scope. */
async function unsafeAssignmentsOf(patientId: string): Promise<ReadingListItem[]> {
  const rows = await getDb()
    .select({
      assignmentId: readingAssignments.id,
      articleId: readingAssignments.articleId,
      slug: articles.slug,
      title: articleVersions.title,
      summary: articleVersions.summary,
      readingMinutes: articleVersions.readingMinutes,
      dueDate: readingAssignments.dueDate,
      state: readingAssignments.state,
      secondsSpent: readingAssignments.secondsSpent,
      assignedAt: sql<string>`${readingAssignments.assignedAt}::text`,
      assignedBy: users.name,
    })
    .from(readingAssignments)
    .innerJoin(articleVersions, eq(articleVersions.id, readingAssignments.articleVersionId))
    .innerJoin(articles, eq(articles.id, readingAssignments.articleId))
    .innerJoin(users, eq(users.id, readingAssignments.assignedBy))
    .where(and(eq(readingAssignments.patientId, patientId), isNull(readingAssignments.removedAt)))
    .orderBy(sql`${readingAssignments.state} = 'understood'`, asc(readingAssignments.dueDate), desc(readingAssignments.assignedAt));
  return rows;
}

/** The patient's own reading list. */
export async function listMyReading(viewer: Viewer): Promise<{ items: ReadingListItem[]; today: LocalDate } | null> {
  if (viewer.role !== 'patient') return null;
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, viewer.userId, 'reading.list');
  if (!patient) return null;
  const items = await unsafeAssignmentsOf(patient.id);
  await recordAudit(db, actorOf(viewer), { action: 'reading.list', outcome: 'allowed', patientId: patient.id });
  return { items, today: localDateIn(patient.timeZone) };
}

/** A clinician's view of one patient's reading. Null = 404. */
export async function listPatientReading(viewer: Viewer, patientId: string): Promise<ReadingListItem[] | null> {
  if (!isClinician(viewer.role)) return null;
  const db = getDb();
  const patient = await findPatientInScope(db, viewer, patientId, 'reading.list');
  if (!patient) return null;
  const items = await unsafeAssignmentsOf(patient.id);
  await recordAudit(db, actorOf(viewer), { action: 'reading.list', outcome: 'allowed', patientId: patient.id });
  return items;
}

export type ReaderQuestion = { id: string; prompt: string; choices: string[] };
export type AnswerResult = { questionId: string; choice: number; isCorrect: boolean; correctChoice: number; explanation: string };

export type ReaderView = {
  assignmentId: string;
  state: ReadingState;
  dueDate: LocalDate | null;
  article: { title: string; summary: string; body: string; takeaways: string[]; readingMinutes: number; version: number };
  /** Never carries the right answers; those come back only after answering. */
  questions: ReaderQuestion[];
  /** The patient's latest answer to each question, with its explanation. */
  lastAnswers: AnswerResult[];
};

/** The version of the article the patient was given, for the patient who was given it. */
export async function getReaderView(viewer: Viewer, assignmentId: string): Promise<ReaderView | null> {
  if (viewer.role !== 'patient' || !isUuid(assignmentId)) return null;
  const db = getDb();
  const [row] = await db
    .select({ assignment: readingAssignments, version: articleVersions })
    .from(readingAssignments)
    .innerJoin(articleVersions, eq(articleVersions.id, readingAssignments.articleVersionId))
    .where(and(eq(readingAssignments.id, assignmentId), eq(readingAssignments.patientId, viewer.userId), eq(readingAssignments.clinicId, viewer.clinicId), isNull(readingAssignments.removedAt)))
    .limit(1);
  if (!row) {
    await recordAudit(db, actorOf(viewer), { action: 'reading.view', outcome: 'denied', detail: { reason: 'not_in_scope' } });
    return null;
  }
  const [questions, answers] = await Promise.all([
    db.select().from(articleQuestions).where(eq(articleQuestions.articleVersionId, row.version.id)).orderBy(asc(articleQuestions.position)),
    db
      .selectDistinctOn([readingAnswers.questionId], { questionId: readingAnswers.questionId, choice: readingAnswers.chosenIndex, isCorrect: readingAnswers.isCorrect })
      .from(readingAnswers)
      .where(eq(readingAnswers.assignmentId, assignmentId))
      .orderBy(readingAnswers.questionId, desc(readingAnswers.answeredAt)),
  ]);
  await recordAudit(db, actorOf(viewer), { action: 'reading.view', outcome: 'allowed', patientId: viewer.userId, detail: { assignmentId } });
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    assignmentId,
    state: row.assignment.state,
    dueDate: row.assignment.dueDate,
    article: {
      title: row.version.title,
      summary: row.version.summary,
      body: row.version.bodyMarkdown,
      takeaways: row.version.takeaways,
      readingMinutes: row.version.readingMinutes,
      version: row.version.version,
    },
    questions: questions.map((q) => ({ id: q.id, prompt: q.prompt, choices: q.choices })),
    lastAnswers: answers.flatMap((a) => {
      const q = byId.get(a.questionId);
      return q ? [{ questionId: a.questionId, choice: a.choice, isCorrect: a.isCorrect, correctChoice: q.correctIndex, explanation: q.explanation }] : [];
    }),
  };
}

/** Advances the state (never backwards) and adds visible reading time. */
export async function recordReadingProgress(viewer: Viewer, assignmentId: string, input: ReadingProgressInput): Promise<{ state: ReadingState; secondsSpent: number } | null> {
  const db = getDb();
  if (viewer.role !== 'patient') return denyRole(db, viewer, 'reading.progress');
  if (!isUuid(assignmentId)) return null;
  return db.transaction(async (tx) => {
    const target: ReadingState | null = input.event === 'open' ? 'opened' : input.event === 'read' ? 'read' : null;
    const [row] = await tx
      .update(readingAssignments)
      .set({
        secondsSpent: sql`${readingAssignments.secondsSpent} + ${input.seconds}`,
        ...(target
          ? {
              // Only move forward: assigned → opened → read → understood.
              state: sql`case when array_position(array['assigned','opened','read','understood']::reading_state[], ${readingAssignments.state}) < array_position(array['assigned','opened','read','understood']::reading_state[], ${target}::reading_state) then ${target}::reading_state else ${readingAssignments.state} end`,
              ...(target === 'opened' ? { openedAt: sql`coalesce(${readingAssignments.openedAt}, now())` } : { readAt: sql`coalesce(${readingAssignments.readAt}, now())`, openedAt: sql`coalesce(${readingAssignments.openedAt}, now())` }),
            }
          : {}),
      })
      .where(and(eq(readingAssignments.id, assignmentId), eq(readingAssignments.patientId, viewer.userId), eq(readingAssignments.clinicId, viewer.clinicId), isNull(readingAssignments.removedAt)))
      .returning({ state: readingAssignments.state, secondsSpent: readingAssignments.secondsSpent });
    if (!row) {
      await recordAudit(tx, actorOf(viewer), { action: 'reading.progress', outcome: 'denied', detail: { reason: 'not_in_scope' } });
      return null;
    }
    if (target) await recordAudit(tx, actorOf(viewer), { action: 'reading.progress', outcome: 'allowed', patientId: viewer.userId, detail: { assignmentId, event: input.event } });
    return row;
  });
}

/**
 * Records answers to the check questions. When every question of the version has a correct
 * latest answer, the assignment becomes `understood` (retries allowed until then).
 */
export async function answerQuestions(viewer: Viewer, assignmentId: string, input: AnswerQuestionsInput): Promise<{ state: ReadingState; results: AnswerResult[] } | null> {
  const db = getDb();
  if (viewer.role !== 'patient') return denyRole(db, viewer, 'reading.answer');
  if (!isUuid(assignmentId)) return null;
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .select()
      .from(readingAssignments)
      .where(and(eq(readingAssignments.id, assignmentId), eq(readingAssignments.patientId, viewer.userId), eq(readingAssignments.clinicId, viewer.clinicId), isNull(readingAssignments.removedAt)))
      .for('update')
      .limit(1);
    if (!assignment) {
      await recordAudit(tx, actorOf(viewer), { action: 'reading.answer', outcome: 'denied', detail: { reason: 'not_in_scope' } });
      return null;
    }
    const questions = await tx.select().from(articleQuestions).where(eq(articleQuestions.articleVersionId, assignment.articleVersionId));
    const byId = new Map(questions.map((q) => [q.id, q]));
    if (new Set(input.answers.map((a) => a.questionId)).size !== input.answers.length) return null;
    const results: AnswerResult[] = [];
    for (const answer of input.answers) {
      const q = byId.get(answer.questionId);
      // A question from another article (or made up) is "not found" for this assignment.
      if (!q) return null;
      if (answer.choice >= q.choices.length) return null;
      results.push({ questionId: q.id, choice: answer.choice, isCorrect: answer.choice === q.correctIndex, correctChoice: q.correctIndex, explanation: q.explanation });
    }
    await tx.insert(readingAnswers).values(
      results.map((r) => ({ clinicId: assignment.clinicId, patientId: assignment.patientId, assignmentId, questionId: r.questionId, chosenIndex: r.choice, isCorrect: r.isCorrect })),
    );
    const latest = await tx
      .selectDistinctOn([readingAnswers.questionId], { questionId: readingAnswers.questionId, isCorrect: readingAnswers.isCorrect })
      .from(readingAnswers)
      .where(eq(readingAnswers.assignmentId, assignmentId))
      .orderBy(readingAnswers.questionId, desc(readingAnswers.answeredAt));
    const allCorrect = questions.length > 0 && questions.every((q) => latest.some((l) => l.questionId === q.id && l.isCorrect));
    let state = assignment.state;
    if (allCorrect && state !== 'understood') {
      state = 'understood';
      await tx
        .update(readingAssignments)
        .set({ state, understoodAt: sql`now()`, readAt: sql`coalesce(${readingAssignments.readAt}, now())`, openedAt: sql`coalesce(${readingAssignments.openedAt}, now())` })
        .where(eq(readingAssignments.id, assignmentId));
    }
    await recordAudit(tx, actorOf(viewer), { action: 'reading.answer', outcome: 'allowed', patientId: viewer.userId, detail: { assignmentId, answered: results.length, understood: state === 'understood' } });
    return { state, results };
  });
}

/** Clinician assigns articles (the latest published version of each) to a patient in their care. */
export async function assignArticles(viewer: Viewer, input: AssignArticlesInput): Promise<{ assigned: number; alreadyAssigned: number } | null> {
  if (!isClinician(viewer.role)) return null;
  const db = getDb();
  return db.transaction(async (tx) => {
    const patient = await findPatientInScope(tx, viewer, input.patientId, 'reading.assign');
    if (!patient) return null;
    const latest = await tx
      .selectDistinctOn([articleVersions.articleId], { articleId: articleVersions.articleId, versionId: articleVersions.id })
      .from(articleVersions)
      .innerJoin(articles, eq(articles.id, articleVersions.articleId))
      .where(
        and(
          inArray(articleVersions.articleId, input.articleIds),
          isNull(articles.archivedAt),
          sql`${articles.publishedAt} is not null`,
          or(isNull(articles.clinicId), eq(articles.clinicId, viewer.clinicId)),
        ),
      )
      .orderBy(articleVersions.articleId, desc(articleVersions.version));
    // Every requested article must exist and be visible to this clinic; otherwise nothing is written.
    if (latest.length !== new Set(input.articleIds).size) return null;
    const inserted = await tx
      .insert(readingAssignments)
      .values(latest.map((l) => ({ clinicId: patient.clinicId, patientId: patient.id, articleId: l.articleId, articleVersionId: l.versionId, assignedBy: viewer.userId, dueDate: input.dueDate ?? null })))
      .onConflictDoNothing()
      .returning({ id: readingAssignments.id });
    await recordAudit(tx, actorOf(viewer), { action: 'reading.assign', outcome: 'allowed', patientId: patient.id, detail: { assigned: inserted.length } });
    return { assigned: inserted.length, alreadyAssigned: latest.length - inserted.length };
  });
}

/** Clinician removes an assignment (kept for history, hidden from the patient). */
export async function unassignReading(viewer: Viewer, assignmentId: string): Promise<boolean | null> {
  if (!isClinician(viewer.role) || !isUuid(assignmentId)) return null;
  const db = getDb();
  return db.transaction(async (tx) => {
    const [assignment] = await tx.select({ patientId: readingAssignments.patientId }).from(readingAssignments).where(and(eq(readingAssignments.id, assignmentId), isNull(readingAssignments.removedAt))).limit(1);
    const patient = assignment ? await findPatientInScope(tx, viewer, assignment.patientId, 'reading.unassign') : null;
    if (!patient) {
      if (!assignment) await recordAudit(tx, actorOf(viewer), { action: 'reading.unassign', outcome: 'denied', detail: { reason: 'not_found' } });
      return null;
    }
    await tx.update(readingAssignments).set({ removedAt: sql`now()` }).where(eq(readingAssignments.id, assignmentId));
    await recordAudit(tx, actorOf(viewer), { action: 'reading.unassign', outcome: 'allowed', patientId: patient.id, detail: { assignmentId } });
    return true;
  });
}

export { STATE_RANK };
