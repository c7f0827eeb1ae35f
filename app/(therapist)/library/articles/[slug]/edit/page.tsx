import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getClinicArticleForEdit } from '@/lib/dal/clinic-articles';
import { ArticleEditor } from '../../../article-editor';

export const metadata: Metadata = { title: 'Edit article' };

const CHOICE_SLOTS = 4;

export default async function EditArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  // Built-in articles and other clinics' articles are not editable here: 404.
  const article = await getClinicArticleForEdit(viewer, (await params).slug);
  if (!article) notFound();
  const { input } = article;
  const href = `/library/articles/${article.slug}`;
  return (
    <div>
      <p className="small">
        <Link href={href}>← {input.title}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Edit article</h1>
          <p className="muted">
            Version {article.version}
            {article.isPublished ? ' · published' : ' · draft'}. Saving a change creates version {article.version + 1}; patients who were already given this article keep the version they were given.
          </p>
        </div>
      </div>
      <ArticleEditor
        articleId={article.articleId}
        cancelHref={href}
        initial={{
          title: input.title,
          summary: input.summary,
          body: input.body,
          takeaways: input.takeaways.join('\n'),
          questions: input.questions.map((q) => ({
            prompt: q.prompt,
            choices: Array.from({ length: CHOICE_SLOTS }, (_, slot) => q.choices[slot] ?? ''),
            answer: String(q.answer),
            explanation: q.explanation,
          })),
        }}
      />
    </div>
  );
}
