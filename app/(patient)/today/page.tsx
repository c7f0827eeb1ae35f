import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getToday } from '@/lib/dal/today';
import { formatLocalDate } from '@/lib/dates';
import { describeDosage } from '@/lib/format';
import { LogSessionForm } from './log-session-form';

export const metadata: Metadata = { title: 'Today' };

const PLAN_STATE_MESSAGES = {
  none: 'You have no stretch plan yet. Your therapist will add one after your visit.',
  paused: 'Your plan is paused for now. Rest up; your therapist will restart it when it is time.',
  not_started: 'Your plan starts soon. Nothing to do today.',
  ended: 'Your plan has ended. Well done for seeing it through. Talk to your therapist about what comes next.',
  in_force: 'Nothing is scheduled today. Enjoy the rest day.',
} as const;

export default async function TodayPage() {
  const viewer = await requireViewer({ roles: ['patient'] });
  const today = await getToday(viewer);
  if (!today) notFound();
  const total = today.items.reduce((sum, i) => sum + i.sessionsPerDay, 0);
  const done = today.items.reduce((sum, i) => sum + Math.min(i.doneToday, i.sessionsPerDay), 0);
  return (
    <div className="stack">
      <div className="today-header">
        <p className="muted" style={{ margin: 0 }}>
          {formatLocalDate(today.today, { weekday: 'long', day: 'numeric', month: 'long' })}
        </p>
        <h1>Hi {today.firstName}</h1>
        {today.items.length > 0 ? (
          <p data-testid="today-summary">
            {done === total ? 'All done for today. Nice work.' : `${done} of ${total} sessions done today.`}
          </p>
        ) : null}
      </div>
      {today.plan?.noteToPatient && today.planState === 'in_force' ? (
        <p className="notice">
          <strong>From your therapist:</strong> {today.plan.noteToPatient}
        </p>
      ) : null}
      {today.reading.length > 0 ? (
        <section className="card" aria-labelledby="reading-due-heading" data-testid="today-reading">
          <h2 id="reading-due-heading" style={{ fontSize: '1.1rem' }}>
            To read
          </h2>
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {today.reading.map((r) => (
              <li key={r.assignmentId}>
                <Link href={`/read/${r.assignmentId}`}>{r.title}</Link>
                {r.dueDate ? <span className="muted small"> · {r.overdue ? 'was due' : 'due'} {formatLocalDate(r.dueDate)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {today.items.length === 0 ? (
        <div className="card empty-state">
          <p>{PLAN_STATE_MESSAGES[today.planState]}</p>
        </div>
      ) : (
        <ol className="today-list" aria-label="Stretches for today">
          {today.items.map((item) => (
            <li key={item.planItemId} className="card exercise-card" data-testid="today-item" data-plan-item-id={item.planItemId}>
              <div>
                <h2>{item.exercise.name}</h2>
                <p className="dosage">{describeDosage(item)}</p>
              </div>
              {item.exercise.illustration ? (
                <div className="figure">
                  {/* Static SVG served as an image: it cannot run script. */}
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={`/illustrations/${item.exercise.illustration}`} alt={item.exercise.illustrationAlt ?? ''} width={320} height={200} />
                </div>
              ) : null}
              <LogSessionForm
                planItemId={item.planItemId}
                exerciseName={item.exercise.name}
                defaultSets={item.sets}
                doneToday={item.doneToday}
                sessionsPerDay={item.sessionsPerDay}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
