// Syncs the built-in library (content/) into the database. Articles are versioned: a changed
// file adds a version, and assignments keep pointing at the version the patient was given.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { articleQuestions, articles, articleVersions, exercises, planTemplateItems, planTemplates } from '@/db/schema';
import type { Library } from './load';

export type SyncReport = { articlesAdded: number; articleVersionsAdded: number; exercisesUpserted: number; templatesUpserted: number };

export async function syncLibrary(q: Queryable, library: Library): Promise<SyncReport> {
  const report: SyncReport = { articlesAdded: 0, articleVersionsAdded: 0, exercisesUpserted: 0, templatesUpserted: 0 };

  for (const a of library.articles) {
    let [article] = await q.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, a.slug), isNull(articles.clinicId))).limit(1);
    if (!article) {
      [article] = await q.insert(articles).values({ slug: a.slug, publishedAt: sql`now()` }).returning({ id: articles.id });
      report.articlesAdded++;
    }
    if (!article) throw new Error(`could not create article ${a.slug}`);
    const [latest] = await q
      .select({ version: articleVersions.version, contentHash: articleVersions.contentHash })
      .from(articleVersions)
      .where(eq(articleVersions.articleId, article.id))
      .orderBy(desc(articleVersions.version))
      .limit(1);
    if (latest?.contentHash === a.contentHash) continue;
    const [version] = await q
      .insert(articleVersions)
      .values({
        articleId: article.id,
        version: (latest?.version ?? 0) + 1,
        title: a.title,
        summary: a.summary,
        bodyMarkdown: a.body,
        takeaways: a.takeaways,
        tissues: a.tissues,
        readingMinutes: a.readingMinutes,
        readingGrade: a.readingGrade,
        wordCount: a.wordCount,
        contentHash: a.contentHash,
      })
      .returning({ id: articleVersions.id });
    if (!version) throw new Error(`could not version article ${a.slug}`);
    await q.insert(articleQuestions).values(
      a.questions.map((question, position) => ({
        articleVersionId: version.id,
        position,
        prompt: question.prompt,
        choices: question.choices,
        correctIndex: question.answer,
        explanation: question.explanation,
      })),
    );
    report.articleVersionsAdded++;
  }

  for (const e of library.exercises) {
    const values = {
      slug: e.slug,
      name: e.name,
      kind: e.kind,
      targets: e.targets,
      equipment: e.equipment,
      steps: e.steps,
      feel: e.feel,
      cautions: e.cautions,
      stopIf: e.stopIf,
      aboutMarkdown: e.about,
      defaultSets: e.dosage.sets,
      defaultReps: e.dosage.reps,
      defaultHoldSeconds: e.dosage.holdSeconds,
      defaultRestSeconds: e.dosage.restSeconds,
      defaultSide: e.dosage.side,
      illustration: e.illustration,
      illustrationAlt: e.illustrationAlt,
      contentHash: e.contentHash,
    };
    const [existing] = await q.select({ id: exercises.id, contentHash: exercises.contentHash }).from(exercises).where(and(eq(exercises.slug, e.slug), isNull(exercises.clinicId))).limit(1);
    if (!existing) await q.insert(exercises).values(values);
    else if (existing.contentHash !== e.contentHash) await q.update(exercises).set({ ...values, updatedAt: sql`now()` }).where(eq(exercises.id, existing.id));
    else continue;
    report.exercisesUpserted++;
  }

  const exerciseIds = new Map(
    (await q.select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(isNull(exercises.clinicId))).map((r) => [r.slug, r.id]),
  );
  for (const t of library.templates) {
    const [existing] = await q.select({ id: planTemplates.id }).from(planTemplates).where(and(eq(planTemplates.slug, t.slug), isNull(planTemplates.clinicId))).limit(1);
    const id = existing
      ? (await q.update(planTemplates).set({ name: t.name, purpose: t.purpose, updatedAt: sql`now()` }).where(eq(planTemplates.id, existing.id)).returning({ id: planTemplates.id }))[0]?.id
      : (await q.insert(planTemplates).values({ slug: t.slug, name: t.name, purpose: t.purpose }).returning({ id: planTemplates.id }))[0]?.id;
    if (!id) throw new Error(`could not save template ${t.slug}`);
    // Template items carry no history (plans copy them), so they are replaced wholesale.
    await q.delete(planTemplateItems).where(eq(planTemplateItems.templateId, id));
    await q.insert(planTemplateItems).values(
      t.items.map((item, position) => {
        const exerciseId = exerciseIds.get(item.exercise);
        if (!exerciseId) throw new Error(`template ${t.slug}: unknown exercise ${item.exercise}`);
        return { templateId: id, exerciseId, position, sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds, side: item.side, sessionsPerDay: item.sessionsPerDay, daysOfWeek: item.daysOfWeek };
      }),
    );
    report.templatesUpserted++;
  }
  return report;
}
