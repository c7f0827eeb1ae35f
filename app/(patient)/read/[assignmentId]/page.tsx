import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getReaderView } from '@/lib/dal/reading';
import { Markdown } from '@/lib/ui/markdown';
import { CheckQuestions } from './check-questions';
import { ReaderProgress } from './reader-progress';

export const metadata: Metadata = { title: 'Reading' };

export default async function ReaderPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const viewer = await requireViewer({ roles: ['patient'] });
  const { assignmentId } = await params;
  const view = await getReaderView(viewer, assignmentId);
  if (!view) notFound();
  const { article } = view;
  return (
    <article className="reader" aria-labelledby="article-title">
      <p className="small">
        <Link href="/read">← My reading</Link>
      </p>
      <h1 id="article-title">{article.title}</h1>
      <p className="reader-summary">{article.summary}</p>
      <p className="muted small">{article.readingMinutes} min read</p>
      <ReaderProgress assignmentId={view.assignmentId} initialState={view.state} />
      <Markdown source={article.body} className="reader-body" />
      <section className="card takeaways" aria-labelledby="takeaways-heading">
        <h2 id="takeaways-heading">Key points</h2>
        <ul>
          {article.takeaways.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      </section>
      {/* Reaching this marker counts as having read to the end. */}
      <div id="reader-end" aria-hidden="true" />
      <CheckQuestions assignmentId={view.assignmentId} questions={view.questions} initialState={view.state} lastAnswers={view.lastAnswers} />
    </article>
  );
}
