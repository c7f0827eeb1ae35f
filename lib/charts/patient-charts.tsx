'use client';
import { useQuery } from '@tanstack/react-query';
import type { Alert, PatientSeries, SeriesRange } from '@/lib/dal/metrics-types';
import { formatLocalDate } from '@/lib/dates';
import { READING_STATE_LABELS } from '@/lib/format';
import { patientSeriesQuery } from '@/lib/query/options';
import { AdherenceTable, weekRows } from './adherence-table';
import { ChartCard, NoValue } from './chart-card';
import { ADHERENCE_CONFIG, PAIN_CONFIG, SESSION_PAIN_CONFIG } from './config';
import {
  ALERT_LABELS,
  alertBadgeClass,
  dailyPainSummary,
  formatPain,
  formatPercent,
  hasAdherenceData,
  hasPainData,
  monitoringTier,
  painAroundSessionsSummary,
  painTrend,
  perItemSummary,
  readingSummary,
  shortDate,
  weeklyAdherenceSummary,
} from './format';
import { DailyPainLine, PainAroundSessionsLine, PerItemBars, WeeklyAdherenceBars } from './lazy';

const cell = (text: string, isEmpty: boolean) => (isEmpty ? <NoValue /> : text);

/** The therapist's charts for one patient, kept live by the series query (seeded by the server page). */
export function PatientCharts({ patientId, range }: { patientId: string; range: SeriesRange }) {
  const { data: series, isError } = useQuery(patientSeriesQuery(patientId, range));
  if (!series) {
    return (
      <p className={isError ? 'form-error' : 'muted'} role={isError ? 'alert' : 'status'}>
        {isError ? 'Could not load the charts. Please reload the page.' : 'Loading charts…'}
      </p>
    );
  }
  return (
    <div className="stack">
      <AlertList alerts={series.alerts} />
      <KeyFacts series={series} />
      <div className="chart-grid">
        <WeeklyAdherenceCard series={series} />
        <PerItemCard series={series} />
      </div>
      <DailyPainCard series={series} />
      <div className="chart-grid">
        <PainAroundSessionsCard series={series} />
        <ReadingCard series={series} />
      </div>
    </div>
  );
}

function AlertList({ alerts }: { alerts: Alert[] }) {
  if (alerts.length === 0) return <p className="notice small" data-testid="series-alerts">No alerts for this patient.</p>;
  return (
    <section className="card alert-card" aria-labelledby="series-alerts-h" data-testid="series-alerts">
      <h2 id="series-alerts-h">Alerts</h2>
      <ul className="alert-list">
        {alerts.map((a, i) => (
          <li key={`${a.kind}-${i}`}>
            <span className={alertBadgeClass(a.kind)}>{ALERT_LABELS[a.kind]}</span> {a.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

function KeyFacts({ series }: { series: PatientSeries }) {
  const trend = painTrend(series.painChange);
  const tier = monitoringTier(series.monitoringDays);
  return (
    <dl className="key-facts" data-testid="series-facts">
      <div>
        <dt>Today so far</dt>
        <dd>{series.todaySoFar.expected > 0 ? `${series.todaySoFar.done} of ${series.todaySoFar.expected}` : 'Nothing scheduled'}</dd>
      </div>
      <div>
        <dt>Pain now / baseline</dt>
        <dd>
          {formatPain(series.painNow)} / {formatPain(series.painBaseline)}
          {trend ? (
            <span className={`trend trend-${trend.tone}`}>
              {' '}
              <span aria-hidden="true">{trend.arrow}</span> {trend.label}
            </span>
          ) : null}
        </dd>
      </div>
      <div>
        <dt>Reading</dt>
        <dd>{series.readingCompletion === null ? 'Nothing due' : formatPercent(series.readingCompletion)}</dd>
      </div>
      <div>
        <dt>Monitoring days (30)</dt>
        <dd>
          {series.monitoringDays} {tier ? <span className="tag">{tier}</span> : null}
        </dd>
      </div>
    </dl>
  );
}

function WeeklyAdherenceCard({ series }: { series: PatientSeries }) {
  const partial = series.weeklyAdherence.some((w) => w.isPartial && w.value !== null);
  return (
    <ChartCard
      testId="weekly-adherence-chart"
      title="Weekly adherence"
      summary={weeklyAdherenceSummary(series)}
      isEmpty={!hasAdherenceData(series.weeklyAdherence)}
      legend={[{ ...ADHERENCE_CONFIG.value, kind: 'bar' }, ...(partial ? [{ ...ADHERENCE_CONFIG.partial, label: 'This week so far (*)', kind: 'bar-partial' as const }] : [])]}
      table={
        <AdherenceTable caption="Sessions done of those scheduled, per week" labelHeader="Week of" rows={weekRows(series.weeklyAdherence, shortDate)} />
      }
    >
      <WeeklyAdherenceBars weeks={series.weeklyAdherence} />
    </ChartCard>
  );
}

function PerItemCard({ series }: { series: PatientSeries }) {
  return (
    <ChartCard
      testId="per-item-chart"
      title="Adherence per exercise"
      summary={perItemSummary(series.perItem)}
      isEmpty={!series.perItem.some((i) => i.value !== null)}
      size="auto"
      table={
        <AdherenceTable
          caption="Sessions done of those scheduled, per exercise"
          labelHeader="Exercise"
          rows={series.perItem.map((i) => ({ key: i.itemKey, label: i.exerciseName, done: i.done, expected: i.expected, value: i.value }))}
        />
      }
    >
      <PerItemBars items={series.perItem} />
    </ChartCard>
  );
}

function DailyPainCard({ series }: { series: PatientSeries }) {
  const inRange = series.revisions.filter((r) => r.date >= series.from && r.date <= series.today);
  const rows = series.dailyPain.filter((d) => d.pain !== null || d.mean7 !== null);
  return (
    <ChartCard
      testId="daily-pain-chart"
      title="Daily pain (0–10)"
      summary={dailyPainSummary(series)}
      isEmpty={!hasPainData(series.dailyPain)}
      legend={[
        { ...PAIN_CONFIG.pain, kind: 'dots' },
        { ...PAIN_CONFIG.mean7, kind: 'line' },
        ...(series.painBaseline === null
          ? []
          : [
              { ...PAIN_CONFIG.baseline, kind: 'line' as const },
              { ...PAIN_CONFIG.band, kind: 'band' as const },
            ]),
        ...(inRange.length ? [{ ...PAIN_CONFIG.revision, kind: 'line' as const }] : []),
      ]}
      footer={
        inRange.length ? (
          <ul className="revision-list small">
            {inRange.map((r) => (
              <li key={`${r.revision}-${r.date}`}>
                <strong>Rev {r.revision}</strong> {formatLocalDate(r.date)}
                {r.summary ? `: ${r.summary}` : ''}
              </li>
            ))}
          </ul>
        ) : null
      }
      table={
        <table>
          <caption className="visually-hidden">Daily pain check-in and its 7-day mean</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="num">Check-in</th>
              <th scope="col" className="num">7-day mean</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatLocalDate(d.date)}</th>
                <td className="num">{cell(formatPain(d.pain), d.pain === null)}</td>
                <td className="num">{cell(formatPain(d.mean7), d.mean7 === null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <DailyPainLine days={series.dailyPain} baseline={series.painBaseline} revisions={inRange} showBand />
    </ChartCard>
  );
}

function PainAroundSessionsCard({ series }: { series: PatientSeries }) {
  const points = series.painAroundSessions;
  return (
    <ChartCard
      testId="pain-around-sessions-chart"
      title="Pain before and after sessions"
      summary={painAroundSessionsSummary(points)}
      isEmpty={!points.some((p) => p.before !== null || p.after !== null)}
      legend={[
        { ...SESSION_PAIN_CONFIG.before, kind: 'dots' },
        { ...SESSION_PAIN_CONFIG.after, kind: 'square' },
      ]}
      table={
        <table>
          <caption className="visually-hidden">Mean pain before and after sessions, per day with sessions</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="num">Before</th>
              <th scope="col" className="num">After</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <th scope="row">{formatLocalDate(p.date)}</th>
                <td className="num">{cell(formatPain(p.before), p.before === null)}</td>
                <td className="num">{cell(formatPain(p.after), p.after === null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <PainAroundSessionsLine points={points} />
    </ChartCard>
  );
}

function ReadingCard({ series }: { series: PatientSeries }) {
  return (
    <section className="card chart-card" aria-labelledby="series-reading-h" data-testid="reading-states">
      <h2 id="series-reading-h" className="chart-title">
        Reading
      </h2>
      <p className="chart-summary" data-testid="chart-summary">
        {readingSummary(series.reading, series.readingCompletion)}
      </p>
      {series.reading.length > 0 ? (
        <ul className="reading-states">
          {series.reading.map((r, i) => (
            <li key={`${r.title}-${i}`}>
              <span>{r.title}</span>
              <span className="reading-state-meta">
                {r.dueDate ? <span className="muted small">due {shortDate(r.dueDate)}</span> : null}
                <span className={`badge badge-state-${r.state}`}>{READING_STATE_LABELS[r.state]}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
