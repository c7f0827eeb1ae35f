import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, articleVersions, auditEvents } from '@/db/schema';
import { createWorld, type World } from '@/db/test/fixtures';
import { fieldErrors } from '@/lib/validation/fields';
import { saveClinicArticleSchema, type SaveClinicArticleInput } from '@/lib/validation/articles';
import { createClinicArticle, getClinicArticleForEdit, setClinicArticlePublished, slugFromTitle, updateClinicArticle } from './clinic-articles';
import { getLibraryArticle, listLibraryArticles } from './library';
import { assignArticles, getReaderView, listMyReading } from './reading';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

let counter = 0;
function articleInput(overrides: Partial<SaveClinicArticleInput> = {}): SaveClinicArticleInput {
  counter++;
  return {
    title: `Why your back feels stiff in the morning ${Date.now().toString(36)}${counter}`,
    summary: 'Stiffness after rest is common and usually eases as you move.',
    body: 'Your back can feel stiff when you wake up. This is common.\n\nGentle movement helps the stiffness ease.',
    takeaways: ['Morning stiffness is common.', 'Gentle movement helps.'],
    questions: [{ prompt: 'What helps morning stiffness?', choices: ['Gentle movement', 'Staying in bed all day'], answer: 0, explanation: 'Moving gently helps stiff tissues warm up.' }],
    ...overrides,
  };
}

async function readArticle(articleId: string) {
  const [row] = await getDb().select().from(articles).where(eq(articles.id, articleId));
  const versions = await getDb().select({ version: articleVersions.version, body: articleVersions.bodyMarkdown }).from(articleVersions).where(eq(articleVersions.articleId, articleId));
  return { row, versions: versions.map((v) => v.version).sort() };
}

describe('clinic articles', () => {
  it('a new article is a draft of clinic A: hidden from clinic B, not assignable until published', async () => {
    const { t1, tB, adminB } = world.viewers;
    const created = await createClinicArticle(t1, articleInput());
    expect(created).toMatchObject({ version: 1, isNewVersion: true });
    const { articleId, slug } = created!;

    const draft = await getClinicArticleForEdit(t1, slug);
    expect(draft).toMatchObject({ articleId, isPublished: false, version: 1 });
    expect(draft?.input.questions[0]).toMatchObject({ answer: 0, choices: ['Gentle movement', 'Staying in bed all day'] });

    const ownList = await listLibraryArticles(t1);
    expect(ownList?.find((a) => a.articleId === articleId)).toMatchObject({ isClinicArticle: true, isPublished: false, version: 1 });
    for (const outsider of [tB, adminB]) {
      expect((await listLibraryArticles(outsider))?.some((a) => a.articleId === articleId)).toBe(false);
      expect(await getLibraryArticle(outsider, slug)).toBeNull();
      expect(await getClinicArticleForEdit(outsider, slug)).toBeNull();
    }

    const patientId = world.patients.p1.user.id;
    expect(await assignArticles(t1, { patientId, articleIds: [articleId] })).toBeNull();

    expect(await setClinicArticlePublished(t1, articleId, true)).toMatchObject({ isPublished: true });
    expect((await getLibraryArticle(t1, slug))?.isPublished).toBe(true);
    expect(await assignArticles(t1, { patientId, articleIds: [articleId] })).toEqual({ assigned: 1, alreadyAssigned: 0 });
    // Still invisible to the other clinic once published.
    expect(await getLibraryArticle(tB, slug)).toBeNull();
    expect(await assignArticles(tB, { patientId: world.patients.pB.user.id, articleIds: [articleId] })).toBeNull();
  });

  it('an edit adds version 2; an assignment made on version 1 keeps showing version 1; unchanged content adds no version', async () => {
    const { t1, p2 } = world.viewers;
    const input = articleInput({ body: 'Version one text. Short and clear.' });
    const created = await createClinicArticle(t1, input);
    const articleId = created!.articleId;
    await setClinicArticlePublished(t1, articleId, true);
    await assignArticles(t1, { patientId: p2.userId, articleIds: [articleId] });

    const edited = await updateClinicArticle(t1, articleId, { ...input, body: 'Version two text. Also short.' });
    expect(edited).toMatchObject({ articleId, slug: created!.slug, version: 2, isNewVersion: true });
    expect((await getLibraryArticle(t1, created!.slug))?.body).toBe('Version two text. Also short.');

    const reading = await listMyReading(p2);
    const assignment = reading?.items.find((i) => i.articleId === articleId);
    expect(assignment).toBeDefined();
    const view = await getReaderView(p2, assignment!.assignmentId);
    expect(view?.article).toMatchObject({ version: 1, body: 'Version one text. Short and clear.' });

    expect(await updateClinicArticle(t1, articleId, { ...input, body: 'Version two text. Also short.' })).toMatchObject({ version: 2, isNewVersion: false });
    expect((await readArticle(articleId)).versions).toEqual([1, 2]);

    // A new assignment gets the latest version.
    await assignArticles(t1, { patientId: world.patients.p1.user.id, articleIds: [articleId] });
    const p1Reading = await listMyReading(world.viewers.p1);
    const p1Assignment = p1Reading?.items.find((i) => i.articleId === articleId);
    expect((await getReaderView(world.viewers.p1, p1Assignment!.assignmentId))?.article.version).toBe(2);
  });

  it("another clinic's therapist or admin cannot edit, publish or unpublish it: null, nothing changed, denial audited", async () => {
    const { t1, tB, adminB } = world.viewers;
    const created = await createClinicArticle(t1, articleInput());
    const articleId = created!.articleId;
    const before = await readArticle(articleId);
    for (const outsider of [tB, adminB]) {
      expect(await updateClinicArticle(outsider, articleId, articleInput({ body: 'Taken over.' }))).toBeNull();
      expect(await setClinicArticlePublished(outsider, articleId, true)).toBeNull();
      expect(await setClinicArticlePublished(outsider, articleId, false)).toBeNull();
    }
    const after = await readArticle(articleId);
    expect(after.versions).toEqual(before.versions);
    expect(after.row?.publishedAt).toBeNull();
    expect(after.row?.updatedAt).toEqual(before.row?.updatedAt);
    const denials = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, tB.userId), eq(auditEvents.outcome, 'denied')));
    expect(denials.map((d) => d.action).sort()).toEqual(['article.publish', 'article.unpublish', 'article.update']);
  });

  it('a colleague in the same clinic (admin or therapist) can edit and unpublish; unpublishing blocks new assignments', async () => {
    const { t1, t2, adminA } = world.viewers;
    const created = await createClinicArticle(t1, articleInput());
    const articleId = created!.articleId;
    expect(await updateClinicArticle(adminA, articleId, articleInput({ title: 'Ignored for the slug' }))).toMatchObject({ version: 2, slug: created!.slug });
    expect(await setClinicArticlePublished(t2, articleId, true)).toMatchObject({ isPublished: true });
    expect(await setClinicArticlePublished(t2, articleId, false)).toMatchObject({ isPublished: false });
    expect(await assignArticles(t2, { patientId: world.patients.p3.user.id, articleIds: [articleId] })).toBeNull();
  });

  it('a patient cannot create, edit or publish an article', async () => {
    const { p1, t1 } = world.viewers;
    expect(await createClinicArticle(p1, articleInput())).toBeNull();
    const created = await createClinicArticle(t1, articleInput());
    expect(await updateClinicArticle(p1, created!.articleId, articleInput())).toBeNull();
    expect(await setClinicArticlePublished(p1, created!.articleId, true)).toBeNull();
    expect(await getClinicArticleForEdit(p1, created!.slug)).toBeNull();
    expect((await readArticle(created!.articleId)).row?.publishedAt).toBeNull();
  });

  it('writes audit rows for create, update and publish', async () => {
    const { t1 } = world.viewers;
    const created = await createClinicArticle(t1, articleInput());
    await updateClinicArticle(t1, created!.articleId, articleInput({ body: 'Changed. Still short.' }));
    await setClinicArticlePublished(t1, created!.articleId, true);
    const rows = await getDb().select().from(auditEvents).where(and(eq(auditEvents.actorUserId, t1.userId), eq(auditEvents.outcome, 'allowed')));
    const forArticle = rows.filter((r) => r.detail?.articleId === created!.articleId).map((r) => r.action);
    expect(forArticle.sort()).toEqual(['article.create', 'article.publish', 'article.update']);
  });

  it('derives a unique slug: suffixed on a clash within the clinic or with a built-in article, reserved words avoided', async () => {
    const { t1, tB } = world.viewers;
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const title = `Sitting and your spine ${tag}`;
    const first = await createClinicArticle(t1, articleInput({ title }));
    const second = await createClinicArticle(t1, articleInput({ title }));
    expect(first?.slug).toBe(`sitting-and-your-spine-${tag}`);
    expect(second?.slug).toBe(`sitting-and-your-spine-${tag}-2`);
    // Another clinic may use the same slug.
    expect((await createClinicArticle(tB, articleInput({ title })))?.slug).toBe(`sitting-and-your-spine-${tag}`);

    const builtInSlug = `built-in-clash-${tag}`;
    await getDb().insert(articles).values({ slug: builtInSlug, publishedAt: new Date() });
    expect((await createClinicArticle(t1, articleInput({ title: `Built-in clash ${tag}` })))?.slug).toBe(`${builtInSlug}-2`);

    expect(slugFromTitle('New')).toBe('new');
    expect((await createClinicArticle(t1, articleInput({ title: 'New' })))?.slug).toMatch(/^new-\d+$/);
    expect(slugFromTitle('Über-Dehnung: ça va?')).toBe('uber-dehnung-ca-va');
    expect(slugFromTitle('腰痛')).toBe('article');
    expect(slugFromTitle('x'.repeat(300))).toHaveLength(80);
  });

  it('stores sanitized text: no raw HTML or javascript: links, whatever the caller passed', async () => {
    const { t1 } = world.viewers;
    const created = await createClinicArticle(
      t1,
      articleInput({
        title: 'Safe <script>alert(1)</script>title',
        body: 'Hello <img src=x onerror=alert(1)> there. [Click](javascript:alert(1)) now.\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>',
        takeaways: ['<b onclick="x()">Bold</b> point'],
      }),
    );
    const stored = await getClinicArticleForEdit(t1, created!.slug);
    expect(stored?.input.title).toBe('Safe title');
    expect(stored?.input.body).toBe('Hello  there. Click now.');
    expect(stored?.input.takeaways).toEqual(['Bold point']);
  });
});

describe('saveClinicArticleSchema', () => {
  const valid = articleInput();
  const question = valid.questions[0]!;
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty title', { title: '' }, 'title'],
    ['a title of only markup', { title: '<b></b>' }, 'title'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'title'],
    ['an empty summary', { summary: '   ' }, 'summary'],
    ['a 221-character summary', { summary: 'x'.repeat(221) }, 'summary'],
    ['an empty body', { body: '' }, 'body'],
    ['a body that is only a script', { body: '<script>alert(1)</script>' }, 'body'],
    ['a body over 20,000 characters', { body: 'word '.repeat(4001) }, 'body'],
    ['a far too long body', { body: '<a'.repeat(200_000) }, 'body'],
    ['no key points', { takeaways: [] }, 'takeaways'],
    ['six key points', { takeaways: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'takeaways'],
    ['a 301-character key point', { takeaways: ['x'.repeat(301)] }, 'takeaways.0'],
    ['five questions', { questions: Array.from({ length: 5 }, () => question) }, 'questions'],
    ['a question with one choice', { questions: [{ ...question, choices: ['Only'], answer: 0 }] }, 'questions.0.choices'],
    ['a question with five choices', { questions: [{ ...question, choices: ['a', 'b', 'c', 'd', 'e'] }] }, 'questions.0.choices'],
    ['an answer that is not a choice', { questions: [{ ...question, answer: 2 }] }, 'questions.0.answer'],
    ['a negative answer', { questions: [{ ...question, answer: -1 }] }, 'questions.0.answer'],
    ['an empty prompt', { questions: [{ ...question, prompt: '' }] }, 'questions.0.prompt'],
    ['an empty explanation', { questions: [{ ...question, explanation: ' ' }] }, 'questions.0.explanation'],
    ['an unknown field', { clinicId: 'c0ffee' }, 'clinicId'],
  ];

  it.each(cases)('rejects %s, naming the field', (_name, overrides, field) => {
    const result = saveClinicArticleSchema.safeParse({ ...valid, ...overrides });
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toContain(field);
  });

  it('accepts no questions and one key point', () => {
    expect(saveClinicArticleSchema.safeParse({ ...valid, questions: [], takeaways: ['One'] }).success).toBe(true);
  });
});
