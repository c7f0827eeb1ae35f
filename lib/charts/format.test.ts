import { describe, expect, it } from 'vitest';
import { CLINIC, SERIES } from './fixtures';
import {
  adherenceBucket,
  clinicSummarySentence,
  dailyPainSummary,
  formatPercent,
  formatPain,
  hasAdherenceData,
  hasPainData,
  monitoringTier,
  painAroundSessionsSummary,
  painTrend,
  perItemSummary,
  progressAdherenceSummary,
  progressPainSummary,
  readingSummary,
  weeklyAdherenceSummary,
} from './format';

describe('numbers', () => {
  it('shows no data as a dash, never 0 %', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.734)).toBe('73 %');
    expect(formatPain(null)).toBe('–');
    expect(formatPain(3.4567)).toBe('3.5');
  });

  it('picks the arrow by the direction pain moves', () => {
    expect(painTrend('worsening')?.arrow).toBe('↑');
    expect(painTrend('improving')?.arrow).toBe('↓');
    expect(painTrend('stable')?.arrow).toBe('→');
    expect(painTrend(null)).toBeNull();
  });

  it('names the monitoring billing tier', () => {
    expect(monitoringTier(0)).toBeNull();
    expect(monitoringTier(1)).toBeNull();
    expect(monitoringTier(2)).toBe('2–15');
    expect(monitoringTier(15)).toBe('2–15');
    expect(monitoringTier(16)).toBe('16+');
  });

  it('buckets adherence with exclusive upper bounds and 100 % on top', () => {
    expect(adherenceBucket(null)).toBe('no data');
    expect(adherenceBucket(0)).toBe('0–25 %');
    expect(adherenceBucket(0.25)).toBe('25–50 %');
    expect(adherenceBucket(0.7499)).toBe('50–75 %');
    expect(adherenceBucket(1)).toBe('75–100 %');
  });

  it('knows when a series has nothing to draw', () => {
    expect(hasAdherenceData([{ value: null }, { value: null }])).toBe(false);
    expect(hasAdherenceData([{ value: null }, { value: 0 }])).toBe(true);
    expect(hasPainData([{ pain: null }])).toBe(false);
    expect(hasPainData([])).toBe(false);
  });
});

describe('summary sentences', () => {
  it('weekly adherence: the last whole week, the period and today so far', () => {
    expect(weeklyAdherenceSummary(SERIES)).toBe('Week of 2 Mar: 90 % of scheduled sessions done (9 of 10). Over 4 weeks with scheduled sessions: 75 %. Today so far: 1 of 2.');
    expect(weeklyAdherenceSummary({ weeklyAdherence: [{ weekStart: '2026-03-02', value: null, done: 0, expected: 0, isPartial: false }], todaySoFar: { done: 0, expected: 0 } })).toMatch(/^No data yet/);
  });

  it('patient adherence: encouraging, and never 0 % when nothing was scheduled', () => {
    expect(progressAdherenceSummary(SERIES)).toBe('In your last full week you did 9 of 10 planned sessions (90 %). Great consistency.');
    expect(progressAdherenceSummary({ weeklyAdherence: [], todaySoFar: { done: 0, expected: 0 } })).not.toMatch(/%/);
  });

  it('per exercise: highest and lowest', () => {
    expect(perItemSummary(SERIES.perItem)).toBe('2 exercises. Highest: Cat-cow at 90 %. Lowest: Piriformis stretch at 40 %.');
    expect(perItemSummary([])).toMatch(/^No data yet/);
  });

  it('daily pain: now against baseline with the change named', () => {
    expect(dailyPainSummary(SERIES)).toBe('Pain now 3.5 out of 10 (mean of the last 7 days), baseline 6: down 2.5 points, improving. 2 check-ins in this period.');
    expect(dailyPainSummary({ ...SERIES, dailyPain: [{ date: '2026-03-01', pain: null, mean7: null }] })).toMatch(/^No data yet/);
    expect(progressPainSummary(SERIES)).toMatch(/real improvement/);
    expect(progressPainSummary({ ...SERIES, dailyPain: [] })).toMatch(/^No pain check-ins yet/);
  });

  it('pain around sessions: only days with both numbers, and the ≥ 3 point rises', () => {
    expect(painAroundSessionsSummary(SERIES.painAroundSessions)).toBe(
      'On 2 session days, pain after sessions averaged 5, 1 higher than before (4). Pain rose 3 or more points after a session on 1 day.',
    );
    expect(painAroundSessionsSummary([])).toMatch(/^No data yet/);
  });

  it('reading and the clinic', () => {
    expect(readingSummary(SERIES.reading, SERIES.readingCompletion)).toBe('1 of 2 articles read; 50 % of those due.');
    expect(readingSummary([], null)).toBe('No reading assigned.');
    expect(clinicSummarySentence(CLINIC, 'clinic')).toBe(
      '8 patients in the clinic. Pain: 3 improving, 2 stable, 1 worsening, 2 without pain data. Most common 30-day adherence: 75–100 % (3 patients). 1 without adherence data.',
    );
  });
});
