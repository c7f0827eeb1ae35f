// Sorting and filtering of the caseload roster (client-side, over the rows the server sent).
import type { AlertKind, RosterRow } from '@/lib/dal/metrics-types';

export type RosterSortKey =
  | 'alerts'
  | 'name'
  | 'therapistName'
  | 'adherence7'
  | 'adherence30'
  | 'painNow'
  | 'readingCompletion'
  | 'lastActivity'
  | 'monitoringDays';

export type SortDirection = 'ascending' | 'descending';
export type RosterSort = { key: RosterSortKey; direction: SortDirection };

/** Default: the most urgent alerts first (red flags lead; design "the therapist sees it first"). */
export const DEFAULT_ROSTER_SORT: RosterSort = { key: 'alerts', direction: 'descending' };

/**
 * The direction a column sorts in when first chosen: the one that puts the patients who need
 * attention on top (lowest adherence, highest pain, oldest activity).
 */
export const FIRST_DIRECTION: Record<RosterSortKey, SortDirection> = {
  alerts: 'descending',
  name: 'ascending',
  therapistName: 'ascending',
  adherence7: 'ascending',
  adherence30: 'ascending',
  painNow: 'descending',
  readingCompletion: 'ascending',
  lastActivity: 'ascending',
  monitoringDays: 'ascending',
};

const ALERT_SEVERITY: Record<AlertKind, number> = { red_flag: 5, pain_worsening: 4, stretch_hurts: 3, low_adherence: 2, missed_days: 1 };

export function hasRedFlag(row: Pick<RosterRow, 'alerts'>): boolean {
  return row.alerts.some((a) => a.kind === 'red_flag');
}

/** Most severe alert, then how many; a row without alerts has no value (sorted last). */
function alertScore(row: RosterRow): number | null {
  if (row.alerts.length === 0) return null;
  const top = Math.max(...row.alerts.map((a) => ALERT_SEVERITY[a.kind]));
  return top * 100 + row.alerts.length;
}

function valueOf(row: RosterRow, key: RosterSortKey): string | number | null {
  switch (key) {
    case 'alerts':
      return alertScore(row);
    default:
      return row[key];
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable sort; rows without a value ("no data") go last in both directions; ties by name. */
export function sortRoster(rows: readonly RosterRow[], sort: RosterSort): RosterRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, sort.key) }))
    .sort((x, y) => {
      if (x.value === null || y.value === null) {
        if (x.value !== null) return -1;
        if (y.value !== null) return 1;
      } else {
        const c = compareValues(x.value, y.value);
        if (c !== 0) return sign * c;
      }
      return collator.compare(x.row.name, y.row.name) || x.index - y.index;
    })
    .map((x) => x.row);
}

export type RosterFilter = { query: string; alertsOnly: boolean; therapist: string };

export const EMPTY_ROSTER_FILTER: RosterFilter = { query: '', alertsOnly: false, therapist: '' };

/** Lower case without accents, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

export function filterRoster(rows: readonly RosterRow[], filter: RosterFilter): RosterRow[] {
  const query = fold(filter.query);
  return rows.filter(
    (r) => (!query || fold(r.name).includes(query)) && (!filter.alertsOnly || r.alerts.length > 0) && (!filter.therapist || r.therapistName === filter.therapist),
  );
}

/** The therapists present in the roster, for the admin's filter. */
export function therapistsOf(rows: readonly RosterRow[]): string[] {
  return [...new Set(rows.map((r) => r.therapistName))].sort(collator.compare);
}

/** Clicking a header: the same column flips direction; another column starts at its first direction. */
export function nextSort(current: RosterSort, key: RosterSortKey): RosterSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: FIRST_DIRECTION[key] };
}
