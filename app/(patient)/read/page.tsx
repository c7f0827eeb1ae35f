import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listMyReading } from '@/lib/dal/reading';
import { formatLocalDate } from '@/lib/dates';
import { READING_STATE_LABELS } from '@/lib/format';

export const metadata: Metadata = { title: 'My reading' };

export default async function MyReadingPage() {
  const viewer = await requireViewer({ roles: ['patient'] });
  const reading = await listMyReading(viewer);
  if (!reading) notFound();
  const { items, today } = reading;
  return (
    <div className="stack">
      <div>
        <h1>My reading</h1>
        <p className="muted">Short reads from your therapist. Knowing why your back hurts makes the stretches easier to stick with.</p>
      </div>
      {items.length === 0 ? (
        <div className="card empty-state">
          <p>Nothing to read yet. Your therapist will add articles here.</p>
        </div>
      ) : (
        <ul className="today-list" aria-label="Assigned articles">
          {items.map((item) => {
            const overdue = item.dueDate !== null && item.dueDate < today && item.state !== 'read' && item.state !== 'understood';
            return (
              <li key={item.assignmentId} className="card" data-testid="reading-item">
                <h2 style={{ fontSize: '1.15rem' }}>
                  <Link href={`/read/${item.assignmentId}`}>{item.title}</Link>
                </h2>
                <p className="muted">{item.summary}</p>
                <p className="small" style={{ margin: 0 }}>
                  <span className={`badge badge-state-${item.state}`}>{READING_STATE_LABELS[item.state]}</span> · {item.readingMinutes} min read
                  {item.dueDate ? (
                    <>
                      {' '}
                      · <span className={overdue ? 'badge badge-paused' : undefined}>{overdue ? 'Was due' : 'Due'} {formatLocalDate(item.dueDate)}</span>
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
