// The article and exercise library: what each role may browse, the filters, and clinic isolation.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleQuestions, articles, articleVersions, exercises } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import { loadLibrary } from '@/lib/content/load';
import { syncLibrary } from '@/lib/content/sync';
import { getLibraryArticle, getLibraryExercise, listLibraryArticles, listLibraryExercises } from './library';
import { assignArticles } from './reading';

type ActorName = keyof World['viewers'];

const library = loadLibrary();
const builtInArticleSlugs = new Set(library.articles.map((a) => a.slug));
const builtInExerciseSlugs = new Set(library.exercises.map((e) => e.slug));

/** Test files share one database: the idempotent sync is serialised with an advisory lock. */
async function syncBuiltIns(): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('limber-test:sync-library'))`);
    await syncLibrary(tx, library);
  });
}

function sourceArticle(slug: string) {
  const article = library.articles.find((a) => a.slug === slug);
  if (!article) throw new Error(`no built-in article ${slug}`);
  return article;
}

function sourceExercise(slug: string) {
  const exercise = library.exercises.find((e) => e.slug === slug);
  if (!exercise) throw new Error(`no built-in exercise ${slug}`);
  return exercise;
}

const onlyBuiltInSlugs = (items: { slug: string }[] | null, builtIn: Set<string>) => (items ?? []).map((i) => i.slug).filter((s) => builtIn.has(s)).sort();

let world: World;
/** A published article that belongs to clinic B only. */
let clinicBArticle: { id: string; slug: string; title: string };
/** An exercise that belongs to clinic B only. */
let clinicBExercise: { id: string; slug: string };

beforeAll(async () => {
  await syncBuiltIns();
  world = await createWorld();
  const db = getDb();
  const tag = randomUUID().slice(0, 12);
  const [article] = await db.insert(articles).values({ clinicId: world.clinicB.id, slug: `clinic-b-article-${tag}`, publishedAt: new Date() }).returning();
  if (!article) throw new Error('article insert failed');
  const title = `Clinic B handout ${tag}`;
  const [version] = await db
    .insert(articleVersions)
    .values({
      articleId: article.id,
      version: 1,
      title,
      summary: 'Only for clinic B.',
      bodyMarkdown: 'Clinic B body text.',
      takeaways: ['Clinic B takeaway.'],
      tissues: ['muscle'],
      readingMinutes: 1,
      readingGrade: 4,
      wordCount: 50,
      contentHash: tag,
    })
    .returning();
  if (!version) throw new Error('version insert failed');
  await db.insert(articleQuestions).values({ articleVersionId: version.id, position: 0, prompt: 'Clinic B question?', choices: ['Yes', 'No'], correctIndex: 0, explanation: 'Because.' });
  clinicBArticle = { id: article.id, slug: article.slug, title };

  const [exercise] = await db
    .insert(exercises)
    .values({
      clinicId: world.clinicB.id,
      slug: `clinic-b-exercise-${tag}`,
      name: `Clinic B exercise ${tag}`,
      kind: 'stretch',
      targets: ['neck'],
      equipment: ['none'],
      steps: ['Sit.'],
      feel: 'A stretch.',
      cautions: ['Gently.'],
      stopIf: ['Pain.'],
      defaultSets: 1,
      defaultReps: 1,
      defaultHoldSeconds: 10,
      defaultRestSeconds: 10,
      defaultSide: 'none',
      contentHash: tag,
    })
    .returning();
  if (!exercise) throw new Error('exercise insert failed');
  clinicBExercise = { id: exercise.id, slug: exercise.slug };
});

describe('listLibraryArticles', () => {
  it.each<ActorName>(['t1', 'adminA'])('%s gets every built-in article (9+), each at reading grade 8 or below', async (actor) => {
    const list = await listLibraryArticles(world.viewers[actor]);
    expect(builtInArticleSlugs.size).toBeGreaterThanOrEqual(9);
    expect(onlyBuiltInSlugs(list, builtInArticleSlugs)).toEqual([...builtInArticleSlugs].sort());
    const builtIns = (list ?? []).filter((a) => builtInArticleSlugs.has(a.slug));
    for (const a of builtIns) {
      expect(a.readingGrade).toBeLessThanOrEqual(8);
      expect(a).toMatchObject({ isClinicArticle: false, isPublished: true, title: sourceArticle(a.slug).title });
      expect(a.version).toBeGreaterThanOrEqual(1);
    }
  });

  it('filters by q (case-insensitive, over title, summary and body)', async () => {
    const word = 'sprains';
    const expected = library.articles.filter((a) => `${a.title} ${a.summary} ${a.body}`.toLowerCase().includes(word)).map((a) => a.slug).sort();
    expect(expected).toContain('strains-and-sprains');
    const list = await listLibraryArticles(world.viewers.t1, { q: '  SPRAINS ' });
    expect(onlyBuiltInSlugs(list, builtInArticleSlugs)).toEqual(expected);
    expect(expected.length).toBeLessThan(builtInArticleSlugs.size);
  });

  it('a q that matches nothing gives an empty list', async () => {
    await expect(listLibraryArticles(world.viewers.t1, { q: `zz-no-such-word-${randomUUID()}` })).resolves.toEqual([]);
  });

  it('filters by tissue', async () => {
    const expected = library.articles.filter((a) => a.tissues.includes('ligament')).map((a) => a.slug).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(builtInArticleSlugs.size);
    const list = await listLibraryArticles(world.viewers.t1, { tissue: 'ligament' });
    expect(onlyBuiltInSlugs(list, builtInArticleSlugs)).toEqual(expected);
    for (const a of list ?? []) expect(a.tissues).toContain('ligament');
  });

  it.each<ActorName>(['p1', 'pB'])('a patient (%s) gets null', async (actor) => {
    await expect(listLibraryArticles(world.viewers[actor])).resolves.toBeNull();
  });

  it.each<ActorName>(['t1', 't2', 'adminA'])("a clinic-B article is invisible to clinic A's %s", async (actor) => {
    const list = await listLibraryArticles(world.viewers[actor]);
    expect(list?.map((a) => a.slug)).not.toContain(clinicBArticle.slug);
    expect(JSON.stringify(list)).not.toContain(clinicBArticle.title);
  });

  it.each<ActorName>(['tB', 'adminB'])('the clinic-B article is visible to %s, marked as a clinic article', async (actor) => {
    const list = await listLibraryArticles(world.viewers[actor]);
    expect(list?.find((a) => a.slug === clinicBArticle.slug)).toMatchObject({ articleId: clinicBArticle.id, title: clinicBArticle.title, isClinicArticle: true, isPublished: true, version: 1 });
    // Clinic B also sees the built-ins.
    expect(onlyBuiltInSlugs(list, builtInArticleSlugs)).toEqual([...builtInArticleSlugs].sort());
  });
});

describe('getLibraryArticle', () => {
  const slug = 'strains-and-sprains';

  it('gives a clinician the latest version with questions, correct answers and explanations', async () => {
    const source = sourceArticle(slug);
    const detail = await getLibraryArticle(world.viewers.t1, slug);
    expect(detail).toMatchObject({ slug, title: source.title, summary: source.summary, body: source.body, takeaways: source.takeaways, tissues: source.tissues, isClinicArticle: false });
    expect(detail?.questions.map((q) => ({ prompt: q.prompt, choices: q.choices, correctIndex: q.correctIndex, explanation: q.explanation }))).toEqual(
      source.questions.map((q) => ({ prompt: q.prompt, choices: q.choices, correctIndex: q.answer, explanation: q.explanation })),
    );
  });

  it.each<ActorName>(['p1', 'p2', 'pB'])('a patient (%s) gets null', async (actor) => {
    await expect(getLibraryArticle(world.viewers[actor], slug)).resolves.toBeNull();
  });

  it.each([
    ['an unknown slug', 'no-such-article-here'],
    ['a path-looking slug', '../etc'],
    ['a slug with a space and capitals', 'A B'],
    ['the empty string', ''],
    ['upper case of a real slug', 'STRAINS-AND-SPRAINS'],
  ])('answers null for %s', async (_name, value) => {
    await expect(getLibraryArticle(world.viewers.t1, value)).resolves.toBeNull();
  });

  it("a clinic-B article is null for clinic A's clinicians and visible to tB", async () => {
    await expect(getLibraryArticle(world.viewers.t1, clinicBArticle.slug)).resolves.toBeNull();
    await expect(getLibraryArticle(world.viewers.adminA, clinicBArticle.slug)).resolves.toBeNull();
    const detail = await getLibraryArticle(world.viewers.tB, clinicBArticle.slug);
    expect(detail).toMatchObject({ articleId: clinicBArticle.id, title: clinicBArticle.title, isClinicArticle: true });
    expect(detail?.questions).toEqual([expect.objectContaining({ prompt: 'Clinic B question?', correctIndex: 0 })]);
  });

  describe('assignments', () => {
    const assignedSlug = 'tight-hips-and-back-pain';
    beforeAll(async () => {
      const detail = await getLibraryArticle(world.viewers.t1, assignedSlug);
      if (!detail) throw new Error('article not found');
      const due = '2030-01-15';
      // t1 → p1 (due date), t2 → p3, tB → pB: one assignment in each caseload.
      for (const [viewer, patientId] of [
        [world.viewers.t1, world.patients.p1.user.id],
        [world.viewers.t2, world.patients.p3.user.id],
        [world.viewers.tB, world.patients.pB.user.id],
      ] as const) {
        const result = await assignArticles(viewer, { patientId, articleIds: [detail.articleId], dueDate: viewer === world.viewers.t1 ? due : null });
        if (result?.assigned !== 1) throw new Error('assignment failed');
      }
    });

    it("t1 sees only their own patient's assignment state (p1)", async () => {
      const detail = await getLibraryArticle(world.viewers.t1, assignedSlug);
      expect(detail?.assignments).toEqual([{ patientId: world.patients.p1.user.id, patientName: world.patients.p1.user.name, state: 'assigned', dueDate: '2030-01-15', secondsSpent: 0 }]);
    });

    it("t2 does not see p1's assignment state, only p3's", async () => {
      const detail = await getLibraryArticle(world.viewers.t2, assignedSlug);
      expect(detail?.assignments.map((a) => a.patientId)).toEqual([world.patients.p3.user.id]);
      expect(JSON.stringify(detail)).not.toContain(world.patients.p1.user.id);
      expect(JSON.stringify(detail)).not.toContain(world.patients.p1.user.name);
    });

    it('adminA sees every clinic-A assignment (p1 and p3) but not clinic B', async () => {
      const detail = await getLibraryArticle(world.viewers.adminA, assignedSlug);
      expect(detail?.assignments.map((a) => a.patientId).sort()).toEqual([world.patients.p1.user.id, world.patients.p3.user.id].sort());
    });

    it.each<ActorName>(['tB', 'adminB'])('%s sees only pB', async (actor) => {
      const detail = await getLibraryArticle(world.viewers[actor], assignedSlug);
      expect(detail?.assignments.map((a) => a.patientId)).toEqual([world.patients.pB.user.id]);
    });
  });
});

describe('listLibraryExercises', () => {
  it('returns every built-in exercise (16+)', async () => {
    const list = await listLibraryExercises(world.viewers.t1);
    expect(builtInExerciseSlugs.size).toBeGreaterThanOrEqual(16);
    expect(list.length).toBeGreaterThanOrEqual(16);
    expect(onlyBuiltInSlugs(list, builtInExerciseSlugs)).toEqual([...builtInExerciseSlugs].sort());
  });

  it('is browsable by a patient too (exercises are not patient data)', async () => {
    const list = await listLibraryExercises(world.viewers.p1);
    expect(onlyBuiltInSlugs(list, builtInExerciseSlugs)).toEqual([...builtInExerciseSlugs].sort());
  });

  it('filters by kind', async () => {
    const expected = library.exercises.filter((e) => e.kind === 'myofascial_release').map((e) => e.slug).sort();
    expect(expected.length).toBeGreaterThan(0);
    const list = await listLibraryExercises(world.viewers.t1, { kind: 'myofascial_release' });
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) expect(e.kind).toBe('myofascial_release');
    expect(onlyBuiltInSlugs(list, builtInExerciseSlugs)).toEqual(expected);
  });

  it('filters by equipment', async () => {
    const expected = library.exercises.filter((e) => e.equipment.includes('foam_roller')).map((e) => e.slug).sort();
    expect(expected.length).toBeGreaterThan(0);
    const list = await listLibraryExercises(world.viewers.t1, { equipment: 'foam_roller' });
    for (const e of list) expect(e.equipment).toContain('foam_roller');
    expect(onlyBuiltInSlugs(list, builtInExerciseSlugs)).toEqual(expected);
  });

  it('filters by q over name, targets and steps (case-insensitive)', async () => {
    const expected = library.exercises.filter((e) => `${e.name} ${e.targets.join(' ')} ${e.steps.join(' ')}`.toLowerCase().includes('hamstring')).map((e) => e.slug).sort();
    expect(expected).toContain('lying-hamstring-stretch-strap');
    expect(expected.length).toBeLessThan(builtInExerciseSlugs.size);
    const list = await listLibraryExercises(world.viewers.t1, { q: 'HAMSTRING' });
    expect(onlyBuiltInSlugs(list, builtInExerciseSlugs)).toEqual(expected);
  });

  it('combines filters', async () => {
    const expected = library.exercises.filter((e) => e.kind === 'stretch' && e.equipment.includes('chair')).map((e) => e.slug).sort();
    expect(expected.length).toBeGreaterThan(0);
    const list = await listLibraryExercises(world.viewers.t1, { kind: 'stretch', equipment: 'chair' });
    expect(onlyBuiltInSlugs(list, builtInExerciseSlugs)).toEqual(expected);
  });

  it("a clinic-B exercise is listed for clinic B and not for clinic A", async () => {
    expect((await listLibraryExercises(world.viewers.t1)).map((e) => e.slug)).not.toContain(clinicBExercise.slug);
    expect((await listLibraryExercises(world.viewers.p1)).map((e) => e.slug)).not.toContain(clinicBExercise.slug);
    expect((await listLibraryExercises(world.viewers.tB)).map((e) => e.slug)).toContain(clinicBExercise.slug);
  });
});

describe('getLibraryExercise', () => {
  it('returns steps, cautions and stop-if for a known slug', async () => {
    const source = sourceExercise('glute-bridge');
    const detail = await getLibraryExercise(world.viewers.t1, 'glute-bridge');
    expect(detail).toMatchObject({
      slug: 'glute-bridge',
      name: source.name,
      kind: source.kind,
      steps: source.steps,
      cautions: source.cautions,
      stopIf: source.stopIf,
      feel: source.feel,
      defaultSets: source.dosage.sets,
      defaultReps: source.dosage.reps,
      defaultHoldSeconds: source.dosage.holdSeconds,
      defaultRestSeconds: source.dosage.restSeconds,
      defaultSide: source.dosage.side,
    });
    expect(detail?.steps.length).toBeGreaterThan(0);
    expect(detail?.cautions.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown slug', 'no-such-exercise'],
    ['a path-looking slug', '../etc'],
    ['a slug with a space and capitals', 'A B'],
  ])('returns null for %s', async (_name, value) => {
    await expect(getLibraryExercise(world.viewers.t1, value)).resolves.toBeNull();
  });

  it("a clinic-B exercise is null for clinic A and found for clinic B", async () => {
    await expect(getLibraryExercise(world.viewers.t1, clinicBExercise.slug)).resolves.toBeNull();
    await expect(getLibraryExercise(world.viewers.tB, clinicBExercise.slug)).resolves.toMatchObject({ id: clinicBExercise.id });
  });
});
