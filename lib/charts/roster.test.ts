import { describe, expect, it } from 'vitest';
import { ROSTER, rosterRow } from './fixtures';
import { DEFAULT_ROSTER_SORT, EMPTY_ROSTER_FILTER, filterRoster, nextSort, sortRoster, therapistsOf } from './roster';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('sortRoster', () => {
  it('puts red flags first by default, then other alerts, then rows without alerts by name', () => {
    expect(names(sortRoster(ROSTER, DEFAULT_ROSTER_SORT))).toEqual(['Morgan Brooks', 'José Ruiz', 'Alex Morgan', 'Bea Chan']);
  });

  it('keeps rows without a value last in both directions', () => {
    expect(names(sortRoster(ROSTER, { key: 'adherence30', direction: 'ascending' }))).toEqual(['Morgan Brooks', 'Bea Chan', 'Alex Morgan', 'José Ruiz']);
    expect(names(sortRoster(ROSTER, { key: 'adherence30', direction: 'descending' }))).toEqual(['Alex Morgan', 'Bea Chan', 'Morgan Brooks', 'José Ruiz']);
    expect(names(sortRoster(ROSTER, { key: 'adherence7', direction: 'descending' })).at(-1)).toBe('Bea Chan');
  });

  it('never treats no data as 0 %', () => {
    const rows = [rosterRow({ patientId: 'z', name: 'Zero', adherence7: 0 }), rosterRow({ patientId: 'n', name: 'None', adherence7: null })];
    expect(names(sortRoster(rows, { key: 'adherence7', direction: 'ascending' }))).toEqual(['Zero', 'None']);
  });

  it('sorts pain now highest first, no data last', () => {
    expect(names(sortRoster(ROSTER, { key: 'painNow', direction: 'descending' }))).toEqual(['Morgan Brooks', 'Alex Morgan', 'Bea Chan', 'José Ruiz']);
  });

  it('sorts names and dates as text, ties by name', () => {
    expect(names(sortRoster(ROSTER, { key: 'name', direction: 'ascending' }))).toEqual(['Alex Morgan', 'Bea Chan', 'José Ruiz', 'Morgan Brooks']);
    expect(names(sortRoster(ROSTER, { key: 'lastActivity', direction: 'ascending' }))).toEqual(['Morgan Brooks', 'Alex Morgan', 'Bea Chan', 'José Ruiz']);
    expect(names(sortRoster(ROSTER, { key: 'monitoringDays', direction: 'ascending' }))).toEqual(['José Ruiz', 'Bea Chan', 'Morgan Brooks', 'Alex Morgan']);
  });

  it('does not change its input', () => {
    const copy = [...ROSTER];
    sortRoster(ROSTER, { key: 'name', direction: 'descending' });
    expect(ROSTER).toEqual(copy);
  });
});

describe('filterRoster', () => {
  it('finds names case- and accent-insensitively', () => {
    expect(names(filterRoster(ROSTER, { ...EMPTY_ROSTER_FILTER, query: 'jose' }))).toEqual(['José Ruiz']);
    expect(names(filterRoster(ROSTER, { ...EMPTY_ROSTER_FILTER, query: '  MORGAN ' }))).toEqual(['Alex Morgan', 'Morgan Brooks']);
  });

  it('keeps only rows with alerts, and only one therapist', () => {
    expect(names(filterRoster(ROSTER, { ...EMPTY_ROSTER_FILTER, alertsOnly: true }))).toEqual(['Morgan Brooks', 'José Ruiz']);
    expect(names(filterRoster(ROSTER, { ...EMPTY_ROSTER_FILTER, therapist: 'Sam Okafor' }))).toEqual(['José Ruiz']);
  });

  it('an empty filter keeps everything', () => {
    expect(filterRoster(ROSTER, EMPTY_ROSTER_FILTER)).toHaveLength(ROSTER.length);
  });
});

describe('headers', () => {
  it('flip the direction of the current column and start others at their attention-first direction', () => {
    expect(nextSort(DEFAULT_ROSTER_SORT, 'alerts')).toEqual({ key: 'alerts', direction: 'ascending' });
    expect(nextSort(DEFAULT_ROSTER_SORT, 'adherence7')).toEqual({ key: 'adherence7', direction: 'ascending' });
    expect(nextSort(DEFAULT_ROSTER_SORT, 'painNow')).toEqual({ key: 'painNow', direction: 'descending' });
  });

  it('lists each therapist once, sorted', () => {
    expect(therapistsOf(ROSTER)).toEqual(['Maya Patel', 'Sam Okafor']);
  });
});
