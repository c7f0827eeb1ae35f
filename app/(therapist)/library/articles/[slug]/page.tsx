import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getLibraryArticle } from '@/lib/dal/library';
import { listCaseload } from '@/lib/dal/patients';
import { addDays, formatLocalDate, localDateIn } from '@/lib/dates';
import { formatGrade, READING_STATE_LABELS } from '@/lib/format';
import { Markdown } from '@/lib/ui/markdown';
import { AssignReadingForm } from '../../../assign-reading-form';
import { setArticlePublishedAction } from '../../article-actions';

export const metadata: Metadata = { title: 'Article' };

export default async function LibraryArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const article = await getLibraryArticle(viewer, (await params).slug);
  if (!article) notFound();
  const caseload = (await listCaseload(viewer)) ?? [];
  const assignedIds = new Set(article.assignments.map((a) => a.patientId));
  return (
    <div className="stack">
      <p className="small">
        <Link href="/library">← Library</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{article.title}</h1>
          <p className="muted" data-testid="readability">
            Grade {formatGrade(article.readingGrade)} (Flesch–Kincaid) · {article.readingMinutes} min · {article.wordCount} words · version {article.version}
            {article.isClinicArticle ? ' · written by your clinic' : ' · built-in'}
          </p>
        </div>
        {/* getLibraryArticle only returns clinic articles of the viewer's own clinic. */}
        {article.isClinicArticle ? (
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <Link href={`/library/articles/${article.slug}/edit`} className="button button-secondary">
              Edit
            </Link>
            <form action={setArticlePublishedAction}>
              <input type="hidden" name="articleId" value={article.articleId} />
              <input type="hidden" name="published" value={article.isPublished ? 'false' : 'true'} />
              <button type="submit" className={article.isPublished ? 'button button-secondary' : 'button'}>
                {article.isPublished ? 'Unpublish' : 'Publish'}
              </button>
            </form>
          </div>
        ) : null}
      </div>
      {article.isClinicArticle && !article.isPublished ? (
        <p className="notice" data-testid="draft-note">
          <span className="badge badge-paused">Draft</span> Only clinicians at your clinic can see this article. Publish it to assign it to patients.
        </p>
      ) : null}
      <div className="split">
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="small muted" style={{ textTransform: 'uppercase', letterSpacing: '0.05em' }}>
            What the patient sees
          </h2>
          <div className="preview-frame reader">
            <p className="reader-summary">{article.summary}</p>
            <Markdown source={article.body} className="reader-body" />
            <div className="card takeaways">
              <h3>Key points</h3>
              <ul>
                {article.takeaways.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </div>
            {article.questions.length > 0 ? (
              <div className="card" style={{ marginTop: '1rem' }}>
                <h3>Check your understanding</h3>
                <ol>
                  {article.questions.map((q) => (
                    <li key={q.id} style={{ marginBottom: '0.75rem' }}>
                      {q.prompt}
                      <ul>
                        {q.choices.map((c, i) => (
                          <li key={i}>
                            {c} {i === q.correctIndex ? <span className="badge badge-active">answer</span> : null}
                          </li>
                        ))}
                      </ul>
                      <span className="small muted">After answering: {q.explanation}</span>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
          </div>
        </section>
        <aside className="stack">
          <section className="card" aria-labelledby="assign-heading">
            <h2 id="assign-heading">Assign to a patient</h2>
            {article.isPublished ? (
              <AssignReadingForm
                mode="article"
                articleId={article.articleId}
                patients={caseload.filter((p) => !assignedIds.has(p.patientId)).map((p) => ({ id: p.patientId, label: p.name }))}
                defaultDue={addDays(localDateIn('UTC'), 7)}
              />
            ) : (
              <p className="muted">A draft cannot be assigned. Publish it first.</p>
            )}
          </section>
          <section className="card" aria-labelledby="states-heading">
            <h2 id="states-heading">Your patients</h2>
            {article.assignments.length === 0 ? (
              <p className="muted">Not assigned to any of your patients yet.</p>
            ) : (
              <table data-testid="article-assignments">
                <caption className="visually-hidden">Reading state of this article per patient</caption>
                <thead>
                  <tr>
                    <th scope="col">Patient</th>
                    <th scope="col">State</th>
                    <th scope="col">Due</th>
                  </tr>
                </thead>
                <tbody>
                  {article.assignments.map((a) => (
                    <tr key={a.patientId}>
                      <th scope="row">
                        <Link href={`/patients/${a.patientId}`}>{a.patientName}</Link>
                      </th>
                      <td>
                        <span className={`badge badge-state-${a.state}`}>{READING_STATE_LABELS[a.state]}</span>
                      </td>
                      <td>{a.dueDate ? formatLocalDate(a.dueDate) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
