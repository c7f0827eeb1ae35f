import { describe, expect, it } from 'vitest';
import { ALERT_ORDER, type AlertInput, alertsFor, compareAlerts } from './alerts';
import type { CheckInFact, LogFact, PlanHistory } from './types';

// Today is Monday 2025-11-10; "the last 7 days" for adherence are Mon 3 – Sun 9 Nov.
const TODAY = '2025-11-10';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function plan(daysOfWeek: number[] = EVERY_DAY, overrides: Partial<PlanHistory> = {}): PlanHistory {
  return { startDate: '2025-10-01', endDate: null, statusChanges: [], revisions: [{ effectiveDate: '2025-10-01', items: [{ itemKey: 'a', sessionsPerDay: 1, daysOfWeek }] }], ...overrides };
}
const log = (localDate: string, painBefore: number | null = null, painAfter: number | null = null, itemKey = 'a'): LogFact => ({ itemKey, localDate, painBefore, painAfter });
const ci = (localDate: string, pain: number, redFlags: string[] = []): CheckInFact => ({ localDate, pain, redFlags });
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8)) + i)).toISOString().slice(0, 10));

const run = (input: Partial<AlertInput>) => alertsFor({ today: TODAY, plan: plan(), logs: [], checkIns: [], ...input });
const kinds = (input: Partial<AlertInput>) => run(input).map((a) => a.kind);

describe('low adherence', () => {
  it('fires under 50 % over the last 7 whole days', () => {
    const logs = days('2025-10-01', 33).map((d) => log(d)).concat([log('2025-11-03'), log('2025-11-05'), log('2025-11-07')]);
    const alerts = run({ logs });
    expect(alerts.map((a) => a.kind)).toEqual(['low_adherence']);
    expect(alerts[0]?.reason).toBe('Low adherence: 3 of 7 scheduled sessions done in the last 7 days (42 %).');
  });

  it('does not fire at exactly 50 %', () => {
    const p = plan([1, 2, 3, 4]);
    expect(kinds({ plan: p, logs: [log('2025-11-03'), log('2025-11-04'), log('2025-11-09', null, null, 'x')] })).toEqual([]);
  });

  it('needs at least 3 scheduled days in the window', () => {
    // Mon and Wed only: 2 scheduled days, nothing done, still no low-adherence alert (missed-days needs 3 too).
    const p = plan([1, 3]);
    expect(kinds({ plan: p, logs: [log('2025-10-29'), log('2025-10-27')] })).toEqual([]);
    // Mon, Wed, Fri: 3 scheduled days, 1 done.
    expect(kinds({ plan: plan([1, 3, 5]), logs: [log('2025-11-03')] })).toContain('low_adherence');
  });

  it('does not count today (nobody is behind at 8 a.m.)', () => {
    const logs = days('2025-11-03', 7).map((d) => log(d));
    expect(kinds({ logs })).toEqual([]);
  });

  it('ignores paused days', () => {
    const p = plan(EVERY_DAY, { statusChanges: [{ status: 'paused', effectiveDate: '2025-11-05' }] });
    expect(kinds({ plan: p, logs: [log('2025-11-03'), log('2025-11-04')] })).toEqual([]);
  });
});

describe('missed scheduled days', () => {
  it('fires when the 3 most recent scheduled days up to yesterday have no log, naming them', () => {
    const p = plan([1, 3, 5]);
    const alerts = run({ plan: p, logs: [log('2025-11-03')] });
    // Scheduled up to yesterday: … Mon 3 (logged), Wed 5, Fri 7 — only 2 missed, but adherence 1/3 fires.
    expect(alerts.map((a) => a.kind)).toEqual(['low_adherence']);
    const later = run({ plan: p, logs: [log('2025-10-31')], today: '2025-11-08' });
    expect(later.find((a) => a.kind === 'missed_days')?.reason).toBe('No session logged on the last 3 scheduled days (Mon 3 Nov, Wed 5 Nov, Fri 7 Nov).');
  });

  it('counts a longer streak and says since when', () => {
    const alerts = run({ logs: [log('2025-11-04')] });
    expect(alerts.find((a) => a.kind === 'missed_days')?.reason).toBe('No session logged on the last 5 scheduled days (since Wed 5 Nov).');
  });

  it('is broken by a log of any item, and skips unscheduled and paused days', () => {
    expect(kinds({ plan: plan([1, 3, 5]), logs: [log('2025-11-05', null, null, 'other')], today: '2025-11-11' })).not.toContain('missed_days');
    const paused = plan(EVERY_DAY, { statusChanges: [{ status: 'paused', effectiveDate: '2025-11-02' }, { status: 'active', effectiveDate: '2025-11-08' }] });
    // Scheduled: … 1 Nov (logged), 8, 9 Nov → 2 missed only.
    expect(kinds({ plan: paused, logs: [log('2025-11-01')] })).not.toContain('missed_days');
  });

  it('does not fire before 3 scheduled days have passed (plan starting recently or today)', () => {
    const fresh = plan(EVERY_DAY, { startDate: '2025-11-08', revisions: [{ effectiveDate: '2025-11-08', items: [{ itemKey: 'a', sessionsPerDay: 1, daysOfWeek: EVERY_DAY }] }] });
    expect(kinds({ plan: fresh })).toEqual([]);
    expect(kinds({ plan: plan(EVERY_DAY, { startDate: TODAY }) })).toEqual([]);
  });
});

describe('pain worsening', () => {
  it('fires when current pain is 2 or more points above the baseline', () => {
    const checkIns = [ci('2025-10-01', 3), ci('2025-10-02', 3), ci('2025-10-03', 4), ci('2025-11-08', 5), ci('2025-11-10', 6)];
    const logs = days('2025-10-01', 40).map((d) => log(d));
    const alerts = run({ checkIns, logs });
    expect(alerts.map((a) => a.kind)).toEqual(['pain_worsening']);
    expect(alerts[0]?.reason).toBe('Pain is worse: 5.5 on average over the last 7 days, up from 3.3 when the plan started.');
  });

  it('stays quiet for a smaller rise or without check-ins in the last 7 days', () => {
    const logs = days('2025-10-01', 40).map((d) => log(d));
    expect(kinds({ logs, checkIns: [ci('2025-10-01', 3), ci('2025-11-09', 4.9)] })).toEqual([]);
    expect(kinds({ logs, checkIns: [ci('2025-10-01', 3), ci('2025-11-03', 9)] })).toEqual([]);
  });
});

describe('this stretch hurts', () => {
  const logs = days('2025-10-01', 40).map((d) => log(d));

  it('fires for a session with pain after ≥ 3 points above before in the last 7 days, today included', () => {
    const alerts = run({ logs: [...logs, log(TODAY, 2, 5)], itemNames: new Map([['a', 'Cat-cow']]) });
    expect(alerts.map((a) => [a.kind, a.reason])).toEqual([['session_hurts', 'This stretch hurts: pain went from 2 to 5 during Cat-cow on Mon 10 Nov.']]);
  });

  it('counts several and names the latest', () => {
    const alerts = run({ logs: [...logs, log('2025-11-04', 1, 7, 'b'), log('2025-11-06', 0, 3)] });
    expect(alerts[0]?.reason).toBe('This stretch hurts: pain went from 0 to 3 during a stretch on Thu 6 Nov (2 sessions like this in the last 7 days).');
  });

  it('ignores a rise of 2, missing values and sessions older than 7 days', () => {
    expect(kinds({ logs: [...logs, log('2025-11-09', 2, 4), log('2025-11-09', null, 9), log('2025-11-03', 0, 9)] })).toEqual([]);
  });
});

describe('red flags', () => {
  const logs = days('2025-10-01', 40).map((d) => log(d));

  it('fires for a red-flag answer in the last 7 days, in plain words, and sorts first', () => {
    const checkIns = [ci('2025-10-01', 2), ci('2025-10-02', 2), ci('2025-10-03', 2), ci('2025-11-09', 6, ['leg_numbness_or_weakness', 'fever']), ci('2025-11-10', 5)];
    const alerts = run({ checkIns, logs: [...logs, log('2025-11-09', 1, 6)], plan: plan() });
    expect(alerts.map((a) => a.kind)).toEqual(['red_flag', 'pain_worsening', 'session_hurts']);
    expect(alerts[0]?.reason).toBe('Warning sign reported on Sun 9 Nov: new numbness or weakness in the legs, fever with back pain. The patient was told to get urgent care.');
  });

  it('ignores red flags older than 7 days and works without a plan', () => {
    expect(kinds({ plan: null, checkIns: [ci('2025-11-03', 2, ['fever'])] })).toEqual([]);
    expect(kinds({ plan: null, checkIns: [ci('2025-11-04', 2, ['fever']), ci('2025-11-05', 2, ['something_new'])] })).toEqual(['red_flag']);
    expect(run({ plan: null, checkIns: [ci('2025-11-05', 2, ['something_new'])] })[0]?.reason).toContain('something new');
  });
});

describe('ordering', () => {
  it('ALERT_ORDER puts red flags first and compareAlerts follows it', () => {
    expect(ALERT_ORDER[0]).toBe('red_flag');
    const shuffled = [...ALERT_ORDER].reverse().map((kind) => ({ kind, reason: '', date: TODAY }));
    expect(shuffled.sort(compareAlerts).map((a) => a.kind)).toEqual([...ALERT_ORDER]);
  });

  it('reports all five at once in order', () => {
    const checkIns = [ci('2025-10-01', 1), ci('2025-11-10', 8, ['bladder_or_bowel_control'])];
    const alerts = run({ checkIns, logs: [log('2025-11-04', 1, 5)] });
    expect(alerts.map((a) => a.kind)).toEqual([...ALERT_ORDER]);
  });
});
