import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { ProgressAdherenceChart, ProgressPainChart } from '@/lib/charts/progress-charts';
import { getPatientSeries } from '@/lib/dal/metrics';
import type { SeriesRange } from '@/lib/dal/metrics-types';
import { getMyProgress, type WeekSummary } from '@/lib/dal/progress';
import { formatLocalDate } from '@/lib/dates';
import { READING_STATE_LABELS } from '@/lib/format';
import { getQueryClient } from '@/lib/query/client';
import { patientSeriesQuery } from '@/lib/query/options';

export const metadata: Metadata = { title: 'My progress' };

/** The patient's charts cover the last 30 days: a month of weeks reads well on a phone. */
const RANGE: SeriesRange = '30';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function painSentence(thisWeek: WeekSummary, lastWeek: WeekSummary): string {
  if (thisWeek.painMean === null) return 'No pain check-ins this week yet. A quick check-in each day helps you and your therapist see the trend.';
  const now = `Your average pain this week was ${thisWeek.painMean} out of 10`;
  if (lastWeek.painMean === null) return `${now}.`;
  const change = Math.round((thisWeek.painMean - lastWeek.painMean) * 10) / 10;
  if (change <= -1) return `${now}, down from ${lastWeek.painMean} the week before. That is real progress.`;
  if (change >= 1) return `${now}, up from ${lastWeek.painMean} the week before. Bad weeks happen; tell your therapist if it keeps rising.`;
  return `${now}, about the same as the week before (${lastWeek.painMean}).`;
}

export default async function ProgressPage() {
  const viewer = await requireViewer({ roles: ['patient'] });
  // A patient's own id is their user id; the DAL still checks it against the viewer.
  const [progress, series] = await Promise.all([getMyProgress(viewer), getPatientSeries(viewer, viewer.userId, RANGE)]);
  if (!progress || !series) notFound();
  const { thisWeek, lastWeek, reading } = progress;
  const queryClient = getQueryClient();
  queryClient.setQueryData(patientSeriesQuery(viewer.userId, RANGE).queryKey, series);
  return (
    <div className="stack">
      <div>
        <h1>My progress</h1>
        <p className="muted">
          The last 7 full days ({formatLocalDate(thisWeek.from)} to {formatLocalDate(thisWeek.to)}). Today is added once it is over.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <section className="card" aria-labelledby="stretch-heading" data-testid="progress-sessions">
          <h2 id="stretch-heading">Stretching</h2>
          <p>
            You logged <strong>{plural(thisWeek.sessions, 'session')}</strong> on {plural(thisWeek.activeDays, 'day')} this week
            {lastWeek.sessions || lastWeek.activeDays ? ` (the week before: ${plural(lastWeek.sessions, 'session')} on ${plural(lastWeek.activeDays, 'day')})` : ''}.
          </p>
          {thisWeek.activeDays >= 5 ? <p>Steady work. Keep it going.</p> : thisWeek.activeDays > 0 ? <p>Every session counts. Short and regular beats long and rare.</p> : <p>A fresh start is only one stretch away.</p>}
          <ProgressAdherenceChart patientId={viewer.userId} range={RANGE} />
        </section>
        <section className="card" aria-labelledby="pain-heading" data-testid="progress-pain">
          <h2 id="pain-heading">Pain</h2>
          <p>{painSentence(thisWeek, lastWeek)}</p>
          <p className="muted small">From {plural(thisWeek.checkIns, 'check-in')} this week.</p>
          <ProgressPainChart patientId={viewer.userId} range={RANGE} />
        </section>
      </HydrationBoundary>
      <section className="card" aria-labelledby="reading-heading" data-testid="progress-reading">
        <h2 id="reading-heading">Reading</h2>
        <p>{reading.assigned === 0 ? 'No reading assigned yet.' : `You have read ${reading.read} of ${plural(reading.assigned, 'article')} from your therapist.`}</p>
        {series.reading.length > 0 ? (
          <ul className="reading-states">
            {series.reading.map((r, i) => (
              <li key={`${r.title}-${i}`}>
                <span>{r.title}</span>
                <span className={`badge badge-state-${r.state}`}>{READING_STATE_LABELS[r.state]}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
