import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getTodaysCheckIn } from '@/lib/dal/check-ins';
import { listTodaysLogs } from '@/lib/dal/session-logs';
import { getToday } from '@/lib/dal/today';
import { formatLocalDate } from '@/lib/dates';
import { getQueryClient } from '@/lib/query/client';
import { TODAY_LOGS_KEY, type TodayLog } from '@/lib/query/options';
import { CheckInCard } from './check-in-card';
import { TodayBoard } from './today-board';

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
  const [today, logs, checkIn] = await Promise.all([getToday(viewer), listTodaysLogs(viewer), getTodaysCheckIn(viewer)]);
  if (!today || !logs || checkIn === undefined) notFound();
  // Seed the client's cache with the server's list, so counts render at once and stay live.
  const queryClient = getQueryClient();
  queryClient.setQueryData<TodayLog[]>(TODAY_LOGS_KEY, logs.map((l) => ({ ...l, status: 'saved' })));
  return (
    <div className="stack">
      <div className="today-header">
        <p className="muted" style={{ margin: 0 }}>
          {formatLocalDate(today.today, { weekday: 'long', day: 'numeric', month: 'long' })}
        </p>
        <h1>Hi {today.firstName}</h1>
      </div>
      {today.plan?.noteToPatient && today.planState === 'in_force' ? (
        <p className="notice">
          <strong>From your therapist:</strong> {today.plan.noteToPatient}
        </p>
      ) : null}
      <CheckInCard initial={checkIn} />
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
        <section aria-labelledby="stretches-heading">
          <h2 id="stretches-heading" className="visually-hidden">
            Stretches for today
          </h2>
          <HydrationBoundary state={dehydrate(queryClient)}>
            <TodayBoard items={today.items} />
          </HydrationBoundary>
        </section>
      )}
    </div>
  );
}
