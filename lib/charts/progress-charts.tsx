'use client';
import { useQuery } from '@tanstack/react-query';
import type { SeriesRange } from '@/lib/dal/metrics-types';
import { formatLocalDate } from '@/lib/dates';
import { patientSeriesQuery } from '@/lib/query/options';
import { AdherenceTable, weekRows } from './adherence-table';
import { ChartCard } from './chart-card';
import { ADHERENCE_CONFIG, PAIN_CONFIG } from './config';
import { formatPain, hasAdherenceData, hasPainData, progressAdherenceSummary, progressPainSummary, shortDate } from './format';
import { DailyPainLine, WeeklyAdherenceBars } from './lazy';

type Props = { patientId: string; range: SeriesRange };

/** The patient's own weekly bars, inside the "Stretching" card. Updated after each log (query invalidation). */
export function ProgressAdherenceChart({ patientId, range }: Props) {
  const { data: series } = useQuery(patientSeriesQuery(patientId, range));
  if (!series) return null;
  const weeks = series.weeklyAdherence;
  const partial = weeks.some((w) => w.isPartial && w.value !== null);
  const today = series.todaySoFar;
  return (
    <>
      {/* Today is shown on its own ("today so far"): the weeks count whole days up to yesterday. */}
      <p data-testid="today-so-far" className="small" aria-live="polite">
        {today.expected > 0 ? (
          <>
            Today so far: <strong>{Math.min(today.done, today.expected)}</strong> of {today.expected} planned sessions.
          </>
        ) : (
          'Nothing is planned for today.'
        )}
      </p>
    <ChartCard
      variant="inline"
      testId="progress-adherence-chart"
      title="Your weeks"
      summary={progressAdherenceSummary(series)}
      isEmpty={!hasAdherenceData(weeks)}
      emptyHint="Your weeks show up here once sessions are planned."
      legend={[{ ...ADHERENCE_CONFIG.value, label: 'Planned sessions done', kind: 'bar' }, ...(partial ? [{ ...ADHERENCE_CONFIG.partial, label: 'This week so far (*)', kind: 'bar-partial' as const }] : [])]}
      table={
        <AdherenceTable caption="Planned sessions you did, per week" labelHeader="Week of" plannedHeader="Planned" shareHeader="Share" rows={weekRows(weeks, shortDate)} />
      }
    >
      <WeeklyAdherenceBars weeks={weeks} calm />
    </ChartCard>
    </>
  );
}

/** The patient's pain trend, inside the "Pain" card: check-ins and their 7-day average. */
export function ProgressPainChart({ patientId, range }: Props) {
  const { data: series } = useQuery(patientSeriesQuery(patientId, range));
  if (!series) return null;
  const rows = series.dailyPain.filter((d) => d.pain !== null);
  return (
    <ChartCard
      variant="inline"
      testId="progress-pain-chart"
      title="Your pain trend"
      summary={progressPainSummary(series)}
      isEmpty={!hasPainData(series.dailyPain)}
      emptyHint="Check in once a day and your trend appears here."
      legend={[
        { ...PAIN_CONFIG.pain, label: 'Your check-ins', kind: 'dots' },
        { ...PAIN_CONFIG.mean7, label: '7-day average', kind: 'line' },
        ...(series.painBaseline === null ? [] : [{ ...PAIN_CONFIG.baseline, label: 'When you started', kind: 'line' as const }]),
      ]}
      table={
        <table>
          <caption className="visually-hidden">Your pain check-ins and their 7-day average</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="num">Pain</th>
              <th scope="col" className="num">7-day average</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatLocalDate(d.date)}</th>
                <td className="num">{formatPain(d.pain)}</td>
                <td className="num">{formatPain(d.mean7)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <DailyPainLine days={series.dailyPain} baseline={series.painBaseline} baselineLabel="Start" calm />
    </ChartCard>
  );
}
