import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { getDb } from '@/db/client';
import { articleQuestions, articles, articleVersions } from '@/db/schema';
import { isClinician } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/types';
import { analyzeMarkdown } from '@/lib/content/readability';
import { saveClinicArticleSchema, type SaveClinicArticleInput } from '@/lib/validation/articles';
import { actorOf, recordAudit } from './audit';
import { isUuid } from './scope';

export type SavedClinicArticle = { articleId: string; slug: string; version: number; isNewVersion: boolean };

export type ClinicArticleForEdit = {
  articleId: string;
  slug: string;
  version: number;
  isPublished: boolean;
  input: SaveClinicArticleInput;
};

/** Slugs that would be shadowed by a static route under /library/articles. */
const RESERVED_SLUGS = new Set(['new']);

/** "Lower back: what's going on?" → "lower-back-what-s-going-on"; always matches the slug check constraint. */
export function slugFromTitle(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : base ? `article-${base}` : 'article';
}

/** Everything stored on a version that is computed from the text. */
function versionFields(input: SaveClinicArticleInput) {
  const stats = analyzeMarkdown(input.body);
  const contentHash = createHash('sha256')
    .update(JSON.stringify([input.title, input.summary, input.body, input.takeaways, input.questions.map((q) => [q.prompt, q.choices, q.answer, q.explanation])]))
    .digest('hex');
  return {
    title: input.title,
    summary: input.summary,
    bodyMarkdown: input.body,
    takeaways: input.takeaways,
    readingMinutes: Math.min(120, stats.minutes),
    // The column is numeric(4,1); a pathological one-sentence body can score far above any real grade.
    readingGrade: Math.max(-99.9, Math.min(999.9, stats.grade)),
    wordCount: stats.words,
    contentHash,
  };
}

async function insertVersion(q: Queryable, viewer: Viewer, articleId: string, version: number, input: SaveClinicArticleInput, fields: ReturnType<typeof versionFields>): Promise<void> {
  const [row] = await q.insert(articleVersions).values({ articleId, version, createdBy: viewer.userId, ...fields }).returning({ id: articleVersions.id });
  if (!row) throw new Error('article version insert returned no row');
  if (input.questions.length === 0) return;
  await q.insert(articleQuestions).values(
    input.questions.map((question, position) => ({
      articleVersionId: row.id,
      position,
      prompt: question.prompt,
      choices: question.choices,
      correctIndex: question.answer,
      explanation: question.explanation,
    })),
  );
}

/** The first of base, base-2, base-3… not used by a built-in article or by this clinic. */
async function freeSlug(q: Queryable, clinicId: string, base: string): Promise<string> {
  const rows = await q
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(or(isNull(articles.clinicId), eq(articles.clinicId, clinicId)), or(eq(articles.slug, base), like(articles.slug, `${base}-%`))));
  const taken = new Set([...rows.map((r) => r.slug), ...RESERVED_SLUGS]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A clinician writes a new article for their clinic. It starts as a draft (version 1). */
export async function createClinicArticle(viewer: Viewer, input: SaveClinicArticleInput): Promise<SavedClinicArticle | null> {
  const db = getDb();
  if (!isClinician(viewer.role)) {
    await recordAudit(db, actorOf(viewer), { action: 'article.create', outcome: 'denied', detail: { reason: 'role' } });
    return null;
  }
  // Re-parsing is idempotent and guarantees stored text is sanitized whatever the caller did.
  const clean = saveClinicArticleSchema.parse(input);
  const fields = versionFields(clean);
  return db.transaction(async (tx) => {
    const base = slugFromTitle(clean.title);
    // A concurrent create can take the same slug between the check and the insert: try again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const slug = await freeSlug(tx, viewer.clinicId, base);
      const [article] = await tx.insert(articles).values({ clinicId: viewer.clinicId, slug, createdBy: viewer.userId }).onConflictDoNothing().returning({ id: articles.id });
      if (!article) continue;
      await insertVersion(tx, viewer, article.id, 1, clean, fields);
      await recordAudit(tx, actorOf(viewer), { action: 'article.create', outcome: 'allowed', detail: { articleId: article.id, version: 1 } });
      return { articleId: article.id, slug, version: 1, isNewVersion: true };
    }
    throw new Error('could not find a free slug for the article');
  });
}

/** The viewer's clinic's article, locked for the rest of the transaction; null for anything else. */
async function lockOwnArticle(q: Queryable, viewer: Viewer, articleId: string) {
  if (!isClinician(viewer.role) || !isUuid(articleId)) return null;
  const [row] = await q
    .select({ id: articles.id, slug: articles.slug, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.id, articleId), eq(articles.clinicId, viewer.clinicId), isNull(articles.archivedAt)))
    .for('update')
    .limit(1);
  return row ?? null;
}

/**
 * Saves an edit as a new version (previous + 1); assignments keep pointing at the version the
 * patient was given. Saving unchanged content adds no version. Null = not this clinic's article.
 */
export async function updateClinicArticle(viewer: Viewer, articleId: string, input: SaveClinicArticleInput): Promise<SavedClinicArticle | null> {
  const clean = saveClinicArticleSchema.parse(input);
  const fields = versionFields(clean);
  return getDb().transaction(async (tx) => {
    const article = await lockOwnArticle(tx, viewer, articleId);
    if (!article) {
      await recordAudit(tx, actorOf(viewer), { action: 'article.update', outcome: 'denied', detail: { reason: 'not_in_scope' } });
      return null;
    }
    const [latest] = await tx
      .select({ version: articleVersions.version, contentHash: articleVersions.contentHash })
      .from(articleVersions)
      .where(eq(articleVersions.articleId, article.id))
      .orderBy(desc(articleVersions.version))
      .limit(1);
    if (latest && latest.contentHash === fields.contentHash) return { articleId: article.id, slug: article.slug, version: latest.version, isNewVersion: false };
    const version = (latest?.version ?? 0) + 1;
    await insertVersion(tx, viewer, article.id, version, clean, fields);
    await tx.update(articles).set({ updatedAt: sql`now()` }).where(eq(articles.id, article.id));
    await recordAudit(tx, actorOf(viewer), { action: 'article.update', outcome: 'allowed', detail: { articleId: article.id, version } });
    return { articleId: article.id, slug: article.slug, version, isNewVersion: true };
  });
}

/**
 * Publishing makes the article assignable to the clinic's patients; unpublishing makes it a draft
 * again (existing assignments stay readable). Null = not this clinic's article.
 */
export async function setClinicArticlePublished(viewer: Viewer, articleId: string, published: boolean): Promise<{ articleId: string; slug: string; isPublished: boolean } | null> {
  const action = published ? 'article.publish' : 'article.unpublish';
  return getDb().transaction(async (tx) => {
    const article = await lockOwnArticle(tx, viewer, articleId);
    if (!article) {
      await recordAudit(tx, actorOf(viewer), { action, outcome: 'denied', detail: { reason: 'not_in_scope' } });
      return null;
    }
    if ((article.publishedAt !== null) !== published) {
      await tx
        .update(articles)
        .set({ publishedAt: published ? sql`now()` : null, updatedAt: sql`now()` })
        .where(eq(articles.id, article.id));
      await recordAudit(tx, actorOf(viewer), { action, outcome: 'allowed', detail: { articleId: article.id } });
    }
    return { articleId: article.id, slug: article.slug, isPublished: published };
  });
}

/** The latest version of one of the viewer's clinic's articles, with the answers, for the editor. */
export async function getClinicArticleForEdit(viewer: Viewer, slug: string): Promise<ClinicArticleForEdit | null> {
  if (!isClinician(viewer.role) || !/^[a-z0-9-]{1,101}$/.test(slug)) return null;
  const db = getDb();
  const [row] = await db
    .select({ article: articles, version: articleVersions })
    .from(articles)
    .innerJoin(articleVersions, eq(articleVersions.articleId, articles.id))
    .where(and(eq(articles.slug, slug), eq(articles.clinicId, viewer.clinicId), isNull(articles.archivedAt)))
    .orderBy(desc(articleVersions.version))
    .limit(1);
  if (!row) return null;
  const questions = await db.select().from(articleQuestions).where(eq(articleQuestions.articleVersionId, row.version.id)).orderBy(asc(articleQuestions.position));
  return {
    articleId: row.article.id,
    slug: row.article.slug,
    version: row.version.version,
    isPublished: row.article.publishedAt !== null,
    input: {
      title: row.version.title,
      summary: row.version.summary,
      body: row.version.bodyMarkdown,
      takeaways: row.version.takeaways,
      questions: questions.map((q) => ({ prompt: q.prompt, choices: q.choices, answer: q.correctIndex, explanation: q.explanation })),
    },
  };
}
