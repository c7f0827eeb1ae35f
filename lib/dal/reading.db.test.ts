// Reading assignments: who may assign, read, progress and answer, and what each call writes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleQuestions, articles, articleVersions, auditEvents, readingAnswers, readingAssignments } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import type { Viewer } from '@/lib/auth/types';
import { addDays, isLocalDate, localDateIn } from '@/lib/dates';
import { loadLibrary } from '@/lib/content/load';
import { syncLibrary } from '@/lib/content/sync';
import { answerQuestions, assignArticles, getReaderView, listMyReading, listPatientReading, recordReadingProgress, unassignReading } from './reading';

type ActorName = keyof World['viewers'];
type BuiltIn = { id: string; versionId: string; version: number; title: string };
type QuestionRow = typeof articleQuestions.$inferSelect;

const library = loadLibrary();
/** slug → the built-in article's id and latest version, filled in beforeAll. */
const builtIns = new Map<string, BuiltIn>();

/**
 * Puts the built-in library into the database. Test files run in parallel against one database,
 * so the (idempotent) sync is serialised with an advisory lock instead of racing on the slug index.
 */
async function syncBuiltIns(): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('limber-test:sync-library'))`);
    await syncLibrary(tx, library);
  });
}

beforeAll(async () => {
  await syncBuiltIns();
  const rows = await getDb()
    .selectDistinctOn([articles.id], { slug: articles.slug, id: articles.id, versionId: articleVersions.id, version: articleVersions.version, title: articleVersions.title })
    .from(articles)
    .innerJoin(articleVersions, eq(articleVersions.articleId, articles.id))
    .where(and(isNull(articles.clinicId), inArray(articles.slug, library.articles.map((a) => a.slug))))
    .orderBy(articles.id, sql`${articleVersions.version} desc`);
  for (const r of rows) builtIns.set(r.slug, { id: r.id, versionId: r.versionId, version: r.version, title: r.title });
  if (builtIns.size !== library.articles.length) throw new Error('built-in articles missing after sync');
});

function builtIn(slug: string): BuiltIn {
  const article = builtIns.get(slug);
  if (!article) throw new Error(`no built-in article ${slug}`);
  return article;
}

const SLUGS = {
  strains: 'strains-and-sprains',
  softTissue: 'what-is-soft-tissue',
  fascia: 'fascia-the-bodys-wrapping',
  hips: 'tight-hips-and-back-pain',
  ligaments: 'ligaments-tendons-and-facet-joints',
  quick: 'quick-low-back-tension-release',
  surgery: 'spine-surgery-and-your-muscles',
  release: 'myofascial-release-at-home',
  bounce: 'fascial-fitness-bounce-and-spring',
} as const;

type TestQuestion = { prompt: string; choices: string[]; correctIndex: number; explanation: string };

async function addVersion(articleId: string, version: number, title: string, questions: TestQuestion[] = []) {
  const db = getDb();
  const [row] = await db
    .insert(articleVersions)
    .values({
      articleId,
      version,
      title,
      summary: `Summary of ${title}.`,
      bodyMarkdown: `Body of ${title}.`,
      takeaways: ['One thing to remember.'],
      tissues: ['muscle'],
      readingMinutes: 2,
      readingGrade: 5,
      wordCount: 120,
      contentHash: randomUUID(),
    })
    .returning();
  if (!row) throw new Error('version insert failed');
  if (questions.length > 0) {
    await db.insert(articleQuestions).values(questions.map((q, position) => ({ articleVersionId: row.id, position, ...q })));
  }
  return row;
}

/** A clinic's own article, inserted directly, with version 1. */
async function insertClinicArticle(clinicId: string, options: { published: boolean; title?: string; questions?: TestQuestion[] }) {
  const [article] = await getDb()
    .insert(articles)
    .values({ clinicId, slug: `test-article-${randomUUID().slice(0, 12)}`, publishedAt: options.published ? new Date() : null })
    .returning();
  if (!article) throw new Error('article insert failed');
  const version = await addVersion(article.id, 1, options.title ?? `Clinic article ${article.slug}`, options.questions);
  return { article, version };
}

async function assignmentRows(patientId: string, articleId?: string) {
  return getDb()
    .select()
    .from(readingAssignments)
    .where(and(eq(readingAssignments.patientId, patientId), articleId ? eq(readingAssignments.articleId, articleId) : undefined))
    .orderBy(asc(readingAssignments.assignedAt));
}

async function assignmentRow(assignmentId: string) {
  const [row] = await getDb().select().from(readingAssignments).where(eq(readingAssignments.id, assignmentId));
  if (!row) throw new Error(`no assignment ${assignmentId}`);
  return row;
}

/** t1-style assignment of one article; returns the live assignment's id. */
async function assignOne(viewer: Viewer, patientId: string, articleId: string): Promise<string> {
  const result = await assignArticles(viewer, { patientId, articleIds: [articleId] });
  if (!result || result.assigned !== 1) throw new Error(`assignment of ${articleId} failed: ${JSON.stringify(result)}`);
  const [row] = await getDb()
    .select({ id: readingAssignments.id })
    .from(readingAssignments)
    .where(and(eq(readingAssignments.patientId, patientId), eq(readingAssignments.articleId, articleId), isNull(readingAssignments.removedAt)));
  if (!row) throw new Error('assignment row missing');
  return row.id;
}

async function questionsOf(versionId: string): Promise<QuestionRow[]> {
  return getDb().select().from(articleQuestions).where(eq(articleQuestions.articleVersionId, versionId)).orderBy(asc(articleQuestions.position));
}

async function answerRows(assignmentId: string) {
  return getDb().select().from(readingAnswers).where(eq(readingAnswers.assignmentId, assignmentId));
}

async function auditRowsOf(viewer: Viewer, action?: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, viewer.userId), action ? eq(auditEvents.action, action) : undefined))
    .orderBy(asc(auditEvents.at));
}

const wrongChoice = (q: QuestionRow) => (q.correctIndex + 1) % q.choices.length;

describe('assignArticles', () => {
  let world: World;
  let p1: string;
  beforeAll(async () => {
    world = await createWorld();
    p1 = world.patients.p1.user.id;
  });

  it("t1 assigns two built-in articles to p1 with a due date: {assigned: 2}, rows point at each article's latest version", async () => {
    const due = addDays(localDateIn('Europe/London'), 7);
    const strains = builtIn(SLUGS.strains);
    const soft = builtIn(SLUGS.softTissue);
    const result = await assignArticles(world.viewers.t1, { patientId: p1, articleIds: [strains.id, soft.id], dueDate: due });
    expect(result).toEqual({ assigned: 2, alreadyAssigned: 0 });
    const rows = await assignmentRows(p1);
    expect(rows).toHaveLength(2);
    for (const article of [strains, soft]) {
      const row = rows.find((r) => r.articleId === article.id);
      expect(row).toMatchObject({ articleVersionId: article.versionId, clinicId: world.clinicA.id, assignedBy: world.viewers.t1.userId, dueDate: due, state: 'assigned', secondsSpent: 0, removedAt: null });
    }
  });

  it('assigning one of them again reports alreadyAssigned: 1 and adds no duplicate row', async () => {
    const strains = builtIn(SLUGS.strains);
    const result = await assignArticles(world.viewers.t1, { patientId: p1, articleIds: [strains.id] });
    expect(result).toEqual({ assigned: 0, alreadyAssigned: 1 });
    expect(await assignmentRows(p1, strains.id)).toHaveLength(1);
  });

  it('a mix of an already-assigned and a new article assigns only the new one', async () => {
    const result = await assignArticles(world.viewers.t1, { patientId: p1, articleIds: [builtIn(SLUGS.strains).id, builtIn(SLUGS.fascia).id] });
    expect(result).toEqual({ assigned: 1, alreadyAssigned: 1 });
    expect(await assignmentRows(p1, builtIn(SLUGS.strains).id)).toHaveLength(1);
    expect(await assignmentRows(p1, builtIn(SLUGS.fascia).id)).toHaveLength(1);
  });

  it.each<ActorName>(['t2', 'tB', 'adminB', 'p2', 'pB'])('%s assigning to p1 gets null and nothing is written', async (actor) => {
    const hips = builtIn(SLUGS.hips);
    const before = await assignmentRows(p1);
    await expect(assignArticles(world.viewers[actor], { patientId: p1, articleIds: [hips.id] })).resolves.toBeNull();
    expect(await assignmentRows(p1, hips.id)).toEqual([]);
    expect(await assignmentRows(p1)).toEqual(before);
  });

  it('adminA (same clinic) may assign to p3, whose therapist is t2', async () => {
    const p3 = world.patients.p3.user.id;
    await expect(assignArticles(world.viewers.adminA, { patientId: p3, articleIds: [builtIn(SLUGS.hips).id] })).resolves.toEqual({ assigned: 1, alreadyAssigned: 0 });
    const rows = await assignmentRows(p3);
    expect(rows.map((r) => r.assignedBy)).toEqual([world.viewers.adminA.userId]);
  });

  it('an article id that does not exist → null and nothing written, even when mixed with a valid id', async () => {
    const p2 = world.patients.p2.user.id;
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [randomUUID()] })).resolves.toBeNull();
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [builtIn(SLUGS.ligaments).id, randomUUID()] })).resolves.toBeNull();
    expect(await assignmentRows(p2)).toEqual([]);
  });

  it("another clinic's (clinic B) article → null for t1 and nothing written, even when mixed with a valid id", async () => {
    const p2 = world.patients.p2.user.id;
    const { article } = await insertClinicArticle(world.clinicB.id, { published: true, title: 'Clinic B only' });
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [article.id] })).resolves.toBeNull();
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [builtIn(SLUGS.ligaments).id, article.id] })).resolves.toBeNull();
    expect(await assignmentRows(p2)).toEqual([]);
    // The same article is assignable inside clinic B.
    await expect(assignArticles(world.viewers.tB, { patientId: world.patients.pB.user.id, articleIds: [article.id] })).resolves.toEqual({ assigned: 1, alreadyAssigned: 0 });
  });

  it("an unpublished (draft) article of t1's own clinic → null and nothing written", async () => {
    const p2 = world.patients.p2.user.id;
    const { article } = await insertClinicArticle(world.clinicA.id, { published: false, title: 'Clinic A draft' });
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [article.id] })).resolves.toBeNull();
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [builtIn(SLUGS.quick).id, article.id] })).resolves.toBeNull();
    expect(await assignmentRows(p2)).toEqual([]);
  });

  it('an assignment keeps pointing at the version current when it was made; a later assignment gets the new version', async () => {
    const p2 = world.patients.p2;
    const p1v = world.patients.p1.viewer;
    const { article, version: v1 } = await insertClinicArticle(world.clinicA.id, { published: true, title: 'Version one title' });
    const firstId = await assignOne(world.viewers.t1, p1, article.id);
    const v2 = await addVersion(article.id, 2, 'Version two title');

    const first = await assignmentRow(firstId);
    expect(first.articleVersionId).toBe(v1.id);
    const view = await getReaderView(p1v, firstId);
    expect(view?.article.title).toBe('Version one title');
    expect(view?.article.version).toBe(1);

    const secondId = await assignOne(world.viewers.t1, p2.user.id, article.id);
    expect((await assignmentRow(secondId)).articleVersionId).toBe(v2.id);
    expect((await getReaderView(p2.viewer, secondId))?.article.title).toBe('Version two title');
  });
});

describe('listMyReading / listPatientReading', () => {
  let world: World;
  let p1Assignment: string;
  let p2Assignment: string;
  beforeAll(async () => {
    world = await createWorld();
    p1Assignment = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.strains).id);
    p2Assignment = await assignOne(world.viewers.t1, world.patients.p2.user.id, builtIn(SLUGS.fascia).id);
  });

  it("p1 sees only their own reading, with the article's title and their local today", async () => {
    const mine = await listMyReading(world.viewers.p1);
    expect(mine?.items.map((i) => i.assignmentId)).toEqual([p1Assignment]);
    expect(mine?.items[0]).toMatchObject({ articleId: builtIn(SLUGS.strains).id, slug: SLUGS.strains, title: builtIn(SLUGS.strains).title, state: 'assigned', secondsSpent: 0, dueDate: null });
    expect(mine?.items[0]?.assignedBy).toBe(world.viewers.t1.name);
    expect(isLocalDate(mine?.today ?? '')).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(p2Assignment);
  });

  it('p2 sees only their own reading', async () => {
    const mine = await listMyReading(world.viewers.p2);
    expect(mine?.items.map((i) => i.assignmentId)).toEqual([p2Assignment]);
  });

  it.each<ActorName>(['t1', 'adminA'])('listMyReading is for patients only: %s gets null', async (actor) => {
    await expect(listMyReading(world.viewers[actor])).resolves.toBeNull();
  });

  it.each<ActorName>(['t1', 'adminA'])("%s gets p1's reading (and only p1's)", async (actor) => {
    const items = await listPatientReading(world.viewers[actor], world.patients.p1.user.id);
    expect(items?.map((i) => i.assignmentId)).toEqual([p1Assignment]);
  });

  it.each<ActorName>(['t2', 'tB', 'adminB', 'p2', 'p1'])("%s gets null for p1's reading", async (actor) => {
    await expect(listPatientReading(world.viewers[actor], world.patients.p1.user.id)).resolves.toBeNull();
  });

  it('a malformed or unknown patient id gets null', async () => {
    await expect(listPatientReading(world.viewers.adminA, 'not-a-uuid')).resolves.toBeNull();
    await expect(listPatientReading(world.viewers.adminA, randomUUID())).resolves.toBeNull();
  });
});

describe('getReaderView', () => {
  let world: World;
  let assignmentId: string;
  beforeAll(async () => {
    world = await createWorld();
    assignmentId = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.strains).id);
  });

  it("p1 gets their assignment's article and questions", async () => {
    const view = await getReaderView(world.viewers.p1, assignmentId);
    const source = library.articles.find((a) => a.slug === SLUGS.strains);
    expect(view).toMatchObject({ assignmentId, state: 'assigned', dueDate: null, lastAnswers: [] });
    expect(view?.article.title).toBe(source?.title);
    expect(view?.article.body).toBe(source?.body);
    expect(view?.article.takeaways).toEqual(source?.takeaways);
    expect(view?.questions.map((q) => q.prompt)).toEqual(source?.questions.map((q) => q.prompt));
    expect(view?.questions.map((q) => q.choices)).toEqual(source?.questions.map((q) => q.choices));
  });

  it('never carries the correct answers or explanations before answering', async () => {
    const view = await getReaderView(world.viewers.p1, assignmentId);
    expect(view?.questions.length).toBeGreaterThan(0);
    for (const q of view?.questions ?? []) expect(Object.keys(q).sort()).toEqual(['choices', 'id', 'prompt']);
    expect(view?.lastAnswers).toEqual([]);
    const json = JSON.stringify(view);
    for (const q of await questionsOf(builtIn(SLUGS.strains).versionId)) expect(json).not.toContain(q.explanation);
    for (const key of ['"correctIndex"', '"correctChoice"', '"explanation"', '"isCorrect"']) expect(json).not.toContain(key);
  });

  it.each<ActorName>(['p2', 'p3', 'pB', 't1', 'adminA'])("%s gets null for p1's assignment", async (actor) => {
    await expect(getReaderView(world.viewers[actor], assignmentId)).resolves.toBeNull();
  });

  it('a malformed or unknown assignment id gets null', async () => {
    await expect(getReaderView(world.viewers.p1, 'not-a-uuid')).resolves.toBeNull();
    await expect(getReaderView(world.viewers.p1, randomUUID())).resolves.toBeNull();
  });

  it('after t1 unassigns it, p1 gets null', async () => {
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.hips).id);
    expect(await getReaderView(world.viewers.p1, id)).not.toBeNull();
    await expect(unassignReading(world.viewers.t1, id)).resolves.toBe(true);
    await expect(getReaderView(world.viewers.p1, id)).resolves.toBeNull();
  });
});

describe('recordReadingProgress', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('open → opened, read → read, and a later open does not move it back', async () => {
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.strains).id);
    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'open', seconds: 0 })).resolves.toEqual({ state: 'opened', secondsSpent: 0 });
    const opened = await assignmentRow(id);
    expect(opened.openedAt).not.toBeNull();
    expect(opened.readAt).toBeNull();

    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'read', seconds: 10 })).resolves.toEqual({ state: 'read', secondsSpent: 10 });
    const read = await assignmentRow(id);
    expect(read.readAt).not.toBeNull();
    expect(read.openedAt).toEqual(opened.openedAt);

    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'open', seconds: 5 })).resolves.toEqual({ state: 'read', secondsSpent: 15 });
    const after = await assignmentRow(id);
    expect(after.state).toBe('read');
    expect(after.openedAt).toEqual(opened.openedAt);
    expect(after.readAt).toEqual(read.readAt);
  });

  it('a heartbeat adds its seconds and leaves the state alone', async () => {
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.softTissue).id);
    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'heartbeat', seconds: 30 })).resolves.toEqual({ state: 'assigned', secondsSpent: 30 });
    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'heartbeat', seconds: 120 })).resolves.toEqual({ state: 'assigned', secondsSpent: 150 });
    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'heartbeat', seconds: 0 })).resolves.toEqual({ state: 'assigned', secondsSpent: 150 });
    const row = await assignmentRow(id);
    expect(row).toMatchObject({ secondsSpent: 150, state: 'assigned', openedAt: null });
  });

  it.each<ActorName>(['p2', 'p3', 'pB', 't1', 'adminA'])("%s reporting on p1's assignment gets null; seconds and state unchanged", async (actor) => {
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.fascia).id);
    try {
      await recordReadingProgress(world.viewers.p1, id, { event: 'heartbeat', seconds: 20 });
      const before = await assignmentRow(id);
      await expect(recordReadingProgress(world.viewers[actor], id, { event: 'read', seconds: 60 })).resolves.toBeNull();
      await expect(recordReadingProgress(world.viewers[actor], id, { event: 'heartbeat', seconds: 60 })).resolves.toBeNull();
      expect(await assignmentRow(id)).toEqual(before);
      expect(before).toMatchObject({ secondsSpent: 20, state: 'assigned' });
    } finally {
      await unassignReading(world.viewers.t1, id);
    }
  });

  it('an unassigned assignment takes no more progress', async () => {
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.hips).id);
    await unassignReading(world.viewers.t1, id);
    await expect(recordReadingProgress(world.viewers.p1, id, { event: 'open', seconds: 10 })).resolves.toBeNull();
    expect(await assignmentRow(id)).toMatchObject({ state: 'assigned', secondsSpent: 0 });
  });
});

describe('answerQuestions', () => {
  let world: World;
  let questions: QuestionRow[];
  beforeAll(async () => {
    world = await createWorld();
    questions = await questionsOf(builtIn(SLUGS.strains).versionId);
    if (questions.length < 2) throw new Error('the test article needs at least two questions');
  });

  /** A fresh assignment of the strains article for `patient` (unassigning any earlier live one). */
  async function freshAssignment(patient: 'p1' | 'p2' = 'p1'): Promise<string> {
    const patientId = world.patients[patient].user.id;
    const live = await getDb()
      .select({ id: readingAssignments.id })
      .from(readingAssignments)
      .where(and(eq(readingAssignments.patientId, patientId), eq(readingAssignments.articleId, builtIn(SLUGS.strains).id), isNull(readingAssignments.removedAt)));
    for (const row of live) await unassignReading(world.viewers.t1, row.id);
    return assignOne(world.viewers.t1, patientId, builtIn(SLUGS.strains).id);
  }

  it('a wrong answer keeps the state and returns isCorrect: false with the explanation and the correct choice', async () => {
    const id = await freshAssignment();
    await recordReadingProgress(world.viewers.p1, id, { event: 'read', seconds: 30 });
    const q = questions[0] as QuestionRow;
    const result = await answerQuestions(world.viewers.p1, id, { answers: [{ questionId: q.id, choice: wrongChoice(q) }] });
    expect(result).toEqual({ state: 'read', results: [{ questionId: q.id, choice: wrongChoice(q), isCorrect: false, correctChoice: q.correctIndex, explanation: q.explanation }] });
    expect(await assignmentRow(id)).toMatchObject({ state: 'read', understoodAt: null });
    const rows = await answerRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ questionId: q.id, chosenIndex: wrongChoice(q), isCorrect: false, patientId: world.patients.p1.user.id, clinicId: world.clinicA.id });
  });

  it('answering every question right → understood, with understood_at set', async () => {
    const id = await freshAssignment();
    await recordReadingProgress(world.viewers.p1, id, { event: 'read', seconds: 30 });
    const result = await answerQuestions(world.viewers.p1, id, { answers: questions.map((q) => ({ questionId: q.id, choice: q.correctIndex })) });
    expect(result?.state).toBe('understood');
    expect(result?.results.every((r) => r.isCorrect)).toBe(true);
    const row = await assignmentRow(id);
    expect(row.state).toBe('understood');
    expect(row.understoodAt).not.toBeNull();
    expect(await answerRows(id)).toHaveLength(questions.length);
  });

  it('answering only some questions right does not make it understood', async () => {
    const id = await freshAssignment();
    const [first] = questions;
    if (!first) throw new Error('no question');
    const result = await answerQuestions(world.viewers.p1, id, { answers: [{ questionId: first.id, choice: first.correctIndex }] });
    expect(result?.state).toBe('assigned');
    expect((await assignmentRow(id)).understoodAt).toBeNull();
  });

  it('retrying after a wrong answer works: the latest answer of each question counts', async () => {
    const id = await freshAssignment();
    const [first, ...rest] = questions;
    if (!first) throw new Error('no question');
    const firstTry = await answerQuestions(world.viewers.p1, id, {
      answers: [{ questionId: first.id, choice: wrongChoice(first) }, ...rest.map((q) => ({ questionId: q.id, choice: q.correctIndex }))],
    });
    expect(firstTry?.state).toBe('assigned');
    expect(firstTry?.results.map((r) => r.isCorrect)).toEqual([false, ...rest.map(() => true)]);

    const retry = await answerQuestions(world.viewers.p1, id, { answers: [{ questionId: first.id, choice: first.correctIndex }] });
    expect(retry).toEqual({ state: 'understood', results: [{ questionId: first.id, choice: first.correctIndex, isCorrect: true, correctChoice: first.correctIndex, explanation: first.explanation }] });
    const row = await assignmentRow(id);
    expect(row.state).toBe('understood');
    expect(row.understoodAt).not.toBeNull();
    expect(await answerRows(id)).toHaveLength(questions.length + 1);

    // The reader view now shows the latest answer per question, with the right choice.
    const view = await getReaderView(world.viewers.p1, id);
    expect(view?.lastAnswers.find((a) => a.questionId === first.id)).toEqual({ questionId: first.id, choice: first.correctIndex, isCorrect: true, correctChoice: first.correctIndex, explanation: first.explanation });
    expect(view?.lastAnswers).toHaveLength(questions.length);
  });

  it('a right answer later overwritten by a wrong one does not count', async () => {
    const id = await freshAssignment();
    const [first, ...rest] = questions;
    if (!first) throw new Error('no question');
    await answerQuestions(world.viewers.p1, id, { answers: [{ questionId: first.id, choice: first.correctIndex }] });
    await answerQuestions(world.viewers.p1, id, { answers: [{ questionId: first.id, choice: wrongChoice(first) }] });
    const result = await answerQuestions(world.viewers.p1, id, { answers: rest.map((q) => ({ questionId: q.id, choice: q.correctIndex })) });
    expect(result?.state).toBe('assigned');
    expect((await assignmentRow(id)).state).toBe('assigned');
  });

  it('the same question twice in one request: the later answer counts (or the request is refused), never the earlier one', async () => {
    // answered_at defaults to now(), which is the same for every row of one transaction, so the
    // order of two answers to one question in one request must not be left to chance. Repeated on
    // fresh assignments because a coin-flip ordering would pass a single try half the time.
    const [first, ...rest] = questions;
    if (!first) throw new Error('no question');
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await freshAssignment();
      const result = await answerQuestions(world.viewers.p1, id, {
        answers: [{ questionId: first.id, choice: first.correctIndex }, { questionId: first.id, choice: wrongChoice(first) }, ...rest.map((q) => ({ questionId: q.id, choice: q.correctIndex }))],
      });
      outcomes.push(result === null ? null : (await assignmentRow(id)).state);
    }
    // The last answer to the first question was wrong, so no assignment may be understood.
    expect(outcomes.filter((o) => o === 'understood')).toEqual([]);
  });

  it('a questionId from another article → null and nothing inserted, even next to a valid answer', async () => {
    const id = await freshAssignment();
    const [foreign] = await questionsOf(builtIn(SLUGS.softTissue).versionId);
    const q = questions[0] as QuestionRow;
    if (!foreign) throw new Error('no foreign question');
    await expect(answerQuestions(world.viewers.p1, id, { answers: [{ questionId: foreign.id, choice: foreign.correctIndex }] })).resolves.toBeNull();
    await expect(
      answerQuestions(world.viewers.p1, id, {
        answers: [
          { questionId: q.id, choice: q.correctIndex },
          { questionId: foreign.id, choice: foreign.correctIndex },
        ],
      }),
    ).resolves.toBeNull();
    await expect(answerQuestions(world.viewers.p1, id, { answers: [{ questionId: randomUUID(), choice: 0 }] })).resolves.toBeNull();
    expect(await answerRows(id)).toEqual([]);
    expect(await assignmentRow(id)).toMatchObject({ state: 'assigned', understoodAt: null });
  });

  it('a choice index beyond the choices → null and nothing inserted', async () => {
    const id = await freshAssignment();
    const q = questions[0] as QuestionRow;
    await expect(answerQuestions(world.viewers.p1, id, { answers: [{ questionId: q.id, choice: q.choices.length }] })).resolves.toBeNull();
    await expect(answerQuestions(world.viewers.p1, id, { answers: [{ questionId: q.id, choice: 5 }] })).resolves.toBeNull();
    expect(await answerRows(id)).toEqual([]);
  });

  it.each<ActorName>(['p2', 'pB', 't1', 'adminA'])("%s answering on p1's assignment → null and nothing inserted", async (actor) => {
    const id = await freshAssignment();
    await expect(answerQuestions(world.viewers[actor], id, { answers: questions.map((q) => ({ questionId: q.id, choice: q.correctIndex })) })).resolves.toBeNull();
    expect(await answerRows(id)).toEqual([]);
    expect(await assignmentRow(id)).toMatchObject({ state: 'assigned', understoodAt: null });
  });

  it('an unassigned assignment takes no answers', async () => {
    const id = await freshAssignment();
    await unassignReading(world.viewers.t1, id);
    await expect(answerQuestions(world.viewers.p1, id, { answers: questions.map((q) => ({ questionId: q.id, choice: q.correctIndex })) })).resolves.toBeNull();
    expect(await answerRows(id)).toEqual([]);
  });
});

describe('unassignReading', () => {
  let world: World;
  let p1: string;
  beforeAll(async () => {
    world = await createWorld();
    p1 = world.patients.p1.user.id;
  });

  it('t1 unassigns: it disappears from both lists, and the row is kept with removed_at', async () => {
    const id = await assignOne(world.viewers.t1, p1, builtIn(SLUGS.strains).id);
    const keep = await assignOne(world.viewers.t1, p1, builtIn(SLUGS.fascia).id);
    await expect(unassignReading(world.viewers.t1, id)).resolves.toBe(true);
    expect((await listMyReading(world.viewers.p1))?.items.map((i) => i.assignmentId)).toEqual([keep]);
    expect((await listPatientReading(world.viewers.t1, p1))?.map((i) => i.assignmentId)).toEqual([keep]);
    const row = await assignmentRow(id);
    expect(row.removedAt).not.toBeNull();
    expect(row.articleId).toBe(builtIn(SLUGS.strains).id);
  });

  it.each<ActorName>(['tB', 'adminB', 't2', 'p1', 'p2'])('%s → null and the row is unchanged', async (actor) => {
    const id = await assignOne(world.viewers.t1, p1, builtIn(SLUGS.hips).id);
    try {
      const before = await assignmentRow(id);
      await expect(unassignReading(world.viewers[actor], id)).resolves.toBeNull();
      expect(await assignmentRow(id)).toEqual(before);
      expect(before.removedAt).toBeNull();
    } finally {
      await unassignReading(world.viewers.t1, id);
    }
  });

  it('adminA may unassign in their clinic; a second unassign of the same id → null', async () => {
    const id = await assignOne(world.viewers.t1, p1, builtIn(SLUGS.quick).id);
    await expect(unassignReading(world.viewers.adminA, id)).resolves.toBe(true);
    await expect(unassignReading(world.viewers.adminA, id)).resolves.toBeNull();
    await expect(unassignReading(world.viewers.t1, 'not-a-uuid')).resolves.toBeNull();
  });

  it('an unassigned article can be assigned again: a new live row beside the removed one', async () => {
    const article = builtIn(SLUGS.surgery);
    const first = await assignOne(world.viewers.t1, p1, article.id);
    await recordReadingProgress(world.viewers.p1, first, { event: 'open', seconds: 40 });
    await expect(unassignReading(world.viewers.t1, first)).resolves.toBe(true);
    await expect(assignArticles(world.viewers.t1, { patientId: p1, articleIds: [article.id] })).resolves.toEqual({ assigned: 1, alreadyAssigned: 0 });
    const rows = await assignmentRows(p1, article.id);
    expect(rows).toHaveLength(2);
    const live = rows.filter((r) => r.removedAt === null);
    expect(live).toHaveLength(1);
    expect(live[0]?.id).not.toBe(first);
    // The new assignment starts afresh.
    expect(live[0]).toMatchObject({ state: 'assigned', secondsSpent: 0 });
  });
});

describe('audit', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('a denied list writes a denied reading.list row for the actor, naming the patient', async () => {
    const p1 = world.patients.p1.user.id;
    await expect(listPatientReading(world.viewers.t2, p1)).resolves.toBeNull();
    const rows = await auditRowsOf(world.viewers.t2, 'reading.list');
    expect(rows.map((r) => ({ outcome: r.outcome, patientId: r.patientId, actorRole: r.actorRole }))).toEqual([{ outcome: 'denied', patientId: p1, actorRole: 'therapist' }]);
  });

  it("a denied assign (another clinic's therapist) writes a denied reading.assign row for the actor", async () => {
    await expect(assignArticles(world.viewers.tB, { patientId: world.patients.p1.user.id, articleIds: [builtIn(SLUGS.strains).id] })).resolves.toBeNull();
    const rows = await auditRowsOf(world.viewers.tB, 'reading.assign');
    expect(rows.map((r) => r.outcome)).toEqual(['denied']);
    expect(rows[0]?.clinicId).toBe(world.clinicB.id);
  });

  it("a denied reader view (another patient) writes a denied reading.view row for that patient's actor id", async () => {
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, builtIn(SLUGS.bounce).id);
    await expect(getReaderView(world.viewers.p2, id)).resolves.toBeNull();
    expect((await auditRowsOf(world.viewers.p2, 'reading.view')).map((r) => r.outcome)).toEqual(['denied']);
    await expect(recordReadingProgress(world.viewers.p2, id, { event: 'open', seconds: 1 })).resolves.toBeNull();
    expect((await auditRowsOf(world.viewers.p2, 'reading.progress')).map((r) => r.outcome)).toEqual(['denied']);
    await expect(answerQuestions(world.viewers.p2, id, { answers: [{ questionId: randomUUID(), choice: 0 }] })).resolves.toBeNull();
    expect((await auditRowsOf(world.viewers.p2, 'reading.answer')).map((r) => r.outcome)).toEqual(['denied']);
  });

  it('an allowed assign writes an allowed reading.assign row for the actor and patient', async () => {
    const p2 = world.patients.p2.user.id;
    const before = (await auditRowsOf(world.viewers.t1, 'reading.assign')).length;
    await expect(assignArticles(world.viewers.t1, { patientId: p2, articleIds: [builtIn(SLUGS.release).id] })).resolves.toEqual({ assigned: 1, alreadyAssigned: 0 });
    const rows = await auditRowsOf(world.viewers.t1, 'reading.assign');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ outcome: 'allowed', patientId: p2, clinicId: world.clinicA.id, actorRole: 'therapist', detail: { assigned: 1 } });
  });

  it('audit detail never contains question prompts, choices, explanations or answer text', async () => {
    const article = builtIn(SLUGS.strains);
    const id = await assignOne(world.viewers.t1, world.patients.p1.user.id, article.id);
    const questions = await questionsOf(article.versionId);
    await getReaderView(world.viewers.p1, id);
    await recordReadingProgress(world.viewers.p1, id, { event: 'read', seconds: 12 });
    await answerQuestions(world.viewers.p1, id, { answers: questions.map((q) => ({ questionId: q.id, choice: wrongChoice(q) })) });
    await answerQuestions(world.viewers.p1, id, { answers: questions.map((q) => ({ questionId: q.id, choice: q.correctIndex })) });
    await unassignReading(world.viewers.t1, id);

    const rows = await getDb().select().from(auditEvents).where(eq(auditEvents.clinicId, world.clinicA.id));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['reading.view', 'reading.progress', 'reading.answer', 'reading.unassign']));
    const details = JSON.stringify(rows.map((r) => r.detail));
    const secrets = questions.flatMap((q) => [q.prompt, q.explanation, ...q.choices]);
    for (const text of secrets) expect(details).not.toContain(text);
    for (const row of rows) {
      for (const value of Object.values(row.detail ?? {})) {
        if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(40);
      }
    }
    const answerRow = (await auditRowsOf(world.viewers.p1, 'reading.answer')).at(-1);
    expect(answerRow?.detail).toEqual({ assignmentId: id, answered: questions.length, understood: true });
  });
});
