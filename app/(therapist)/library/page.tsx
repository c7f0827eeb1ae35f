import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EQUIPMENT, EXERCISE_KINDS } from '@/db/schema/enums';
import { requireViewer } from '@/lib/auth/viewer';
import { TISSUE_TAGS } from '@/lib/content/schema';
import { listLibraryArticles, listLibraryExercises } from '@/lib/dal/library';
import { describeDosage, EQUIPMENT_LABELS, formatGrade, KIND_LABELS } from '@/lib/format';

export const metadata: Metadata = { title: 'Library' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function LibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const params = await searchParams;
  const tab = one(params.tab) === 'exercises' ? 'exercises' : 'articles';
  const q = one(params.q) ?? '';
  return (
    <div>
      <div className="page-header">
        <div>
          <h1>Library</h1>
          <p className="muted">Reading and stretches to build plans from. Preview exactly what a patient sees.</p>
        </div>
        <Link href="/library/articles/new" className="button">
          Write an article
        </Link>
      </div>
      <nav className="tabs" aria-label="Library sections">
        <Link href="/library?tab=articles" aria-current={tab === 'articles' ? 'page' : undefined}>
          Articles
        </Link>
        <Link href="/library?tab=exercises" aria-current={tab === 'exercises' ? 'page' : undefined}>
          Exercises
        </Link>
      </nav>
      {tab === 'articles' ? <Articles viewerQ={q} tissue={one(params.tissue)} viewer={viewer} /> : <Exercises q={q} kind={one(params.kind)} equipment={one(params.equipment)} viewer={viewer} />}
    </div>
  );
}

async function Articles({ viewer, viewerQ, tissue }: { viewer: Awaited<ReturnType<typeof requireViewer>>; viewerQ: string; tissue?: string }) {
  const articles = await listLibraryArticles(viewer, { q: viewerQ, tissue });
  if (!articles) notFound();
  return (
    <>
      <form className="filters" role="search" aria-label="Filter articles">
        <input type="hidden" name="tab" value="articles" />
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" className="input" defaultValue={viewerQ} placeholder="e.g. fascia, strain" />
        </div>
        <FilterSelect name="tissue" label="Tissue" value={tissue ?? ''} options={TISSUE_TAGS.map((t) => ({ value: t, label: t }))} />
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </form>
      <p className="muted small" aria-live="polite">
        {articles.length} {articles.length === 1 ? 'article' : 'articles'}
      </p>
      <div className="table-wrap" role="region" aria-label="Articles" tabIndex={0}>
        <table data-testid="library-articles">
          <caption className="visually-hidden">Articles with reading grade, length and tissues</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col" className="num">
                Grade
              </th>
              <th scope="col" className="num">
                Minutes
              </th>
              <th scope="col" className="num">
                Words
              </th>
              <th scope="col">Tissues</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.articleId}>
                <th scope="row">
                  <Link href={`/library/articles/${a.slug}`}>{a.title}</Link>
                  {a.isClinicArticle ? <span className="badge" style={{ marginLeft: '0.4rem' }}>{a.isPublished ? 'Clinic' : 'Draft'}</span> : null}
                  <div className="muted small" style={{ fontWeight: 400 }}>
                    {a.summary}
                  </div>
                </th>
                <td className="num">{a.readingGrade > 8 ? <span className="badge badge-paused">{formatGrade(a.readingGrade)}</span> : formatGrade(a.readingGrade)}</td>
                <td className="num">{a.readingMinutes}</td>
                <td className="num">{a.wordCount}</td>
                <td>
                  {a.tissues.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

async function Exercises({ viewer, q, kind, equipment }: { viewer: Awaited<ReturnType<typeof requireViewer>>; q: string; kind?: string; equipment?: string }) {
  const exercises = await listLibraryExercises(viewer, { q, kind, equipment });
  return (
    <>
      <form className="filters" role="search" aria-label="Filter exercises">
        <input type="hidden" name="tab" value="exercises" />
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" className="input" defaultValue={q} placeholder="e.g. hamstrings, piriformis" />
        </div>
        <FilterSelect name="kind" label="Kind" value={kind ?? ''} options={EXERCISE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
        <FilterSelect name="equipment" label="Equipment" value={equipment ?? ''} options={EQUIPMENT.map((e) => ({ value: e, label: EQUIPMENT_LABELS[e] }))} />
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </form>
      <p className="muted small" aria-live="polite">
        {exercises.length} {exercises.length === 1 ? 'exercise' : 'exercises'}
      </p>
      <ul className="card-grid" data-testid="library-exercises">
        {exercises.map((e) => (
          <li key={e.id} className="card">
            {e.illustration ? (
              <div className="figure">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`/illustrations/${e.illustration}`} alt="" width={320} height={200} loading="lazy" />
              </div>
            ) : null}
            <h2 style={{ fontSize: '1.05rem', marginTop: '0.5rem' }}>
              <Link href={`/library/exercises/${e.slug}`}>{e.name}</Link>
            </h2>
            <p className="small muted" style={{ margin: 0 }}>
              {KIND_LABELS[e.kind]} · {e.equipment.map((x) => EQUIPMENT_LABELS[x]).join(', ')} · {describeDosage({ sets: e.defaultSets, reps: e.defaultReps, holdSeconds: e.defaultHoldSeconds, side: e.defaultSide })}
            </p>
            <p style={{ margin: '0.4rem 0 0' }}>
              {e.targets.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A GET filter: "Any" or one value; the page reads it back from the URL. */
function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} className="select" defaultValue={value}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
