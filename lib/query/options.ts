import { queryOptions } from '@tanstack/react-query';
import type { PatientSeries, SeriesRange } from '@/lib/dal/metrics-types';
import type { RecordedSessionLog } from '@/lib/dal/session-logs';

/** A log on the device: saved on the server, on its way, or kept offline until the connection returns. */
export type TodayLog = RecordedSessionLog & { status: 'saved' | 'sending' | 'queued' };

export const TODAY_LOGS_KEY = ['session-logs', 'today'] as const;

/** The patient's logs for their local today. The server page seeds it; the client refetches it. */
export function todayLogsQuery() {
  return queryOptions({
    queryKey: TODAY_LOGS_KEY,
    queryFn: async (): Promise<TodayLog[]> => {
      const res = await fetch('/api/session-logs', { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`Could not load today's sessions (${res.status}).`);
      const body = (await res.json()) as { logs: RecordedSessionLog[] };
      return body.logs.map((l) => ({ ...l, status: 'saved' as const }));
    },
    staleTime: 30_000,
  });
}

/** Every patient-series query starts with this; invalidate it after a log or check-in so charts update. */
export const PATIENT_SERIES_KEY = ['patient-series'] as const;

/**
 * One patient's chart series (lib/dal/metrics-types.ts). The server page seeds it from the DAL under
 * the same key; the client refetches it from GET /api/patients/[patientId]/series.
 */
export function patientSeriesQuery(patientId: string, range: SeriesRange) {
  return queryOptions({
    queryKey: [...PATIENT_SERIES_KEY, patientId, range] as const,
    queryFn: async (): Promise<PatientSeries> => {
      const res = await fetch(`/api/patients/${encodeURIComponent(patientId)}/series?range=${range}`, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`Could not load the charts (${res.status}).`);
      return (await res.json()) as PatientSeries;
    },
    staleTime: 30_000,
  });
}
