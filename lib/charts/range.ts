import type { SeriesRange } from '@/lib/dal/metrics-types';

export const SERIES_RANGES = ['30', '90', 'all'] as const satisfies readonly SeriesRange[];
export const DEFAULT_SERIES_RANGE: SeriesRange = '30';

export function isSeriesRange(value: unknown): value is SeriesRange {
  return typeof value === 'string' && (SERIES_RANGES as readonly string[]).includes(value);
}

/** A page's `?range=`: anything unknown falls back to the default (the API answers 422 instead). */
export function rangeFromSearchParam(value: string | string[] | undefined): SeriesRange {
  return isSeriesRange(value) ? value : DEFAULT_SERIES_RANGE;
}
