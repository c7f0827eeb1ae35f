'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordedSessionLog } from '@/lib/dal/session-logs';
import { addPendingLog, listPendingLogs, removePendingLog, type PendingLog } from '@/lib/offline/pending-logs';
import { PATIENT_SERIES_KEY, TODAY_LOGS_KEY, todayLogsQuery, type TodayLog } from '@/lib/query/options';

export type FieldErrors = Record<string, string[]>;

/** The server refused the log (4xx): it must not be retried, and the patient is told why. */
export class RefusedError extends Error {
  constructor(message: string, readonly fields: FieldErrors = {}) {
    super(message);
  }
}
/** No connection (or the server is down): the log is kept on the device and sent later. */
class OfflineError extends Error {}

type Sent = { log: RecordedSessionLog; created: boolean };

async function sendLog(body: PendingLog['body']): Promise<Sent> {
  let res: Response;
  try {
    res = await fetch('/api/session-logs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new OfflineError('offline');
  }
  if (res.ok) return (await res.json()) as Sent;
  if (res.status >= 500 || res.status === 429) throw new OfflineError(`server ${res.status}`);
  const payload = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: FieldErrors } } | null;
  if (res.status === 401) throw new RefusedError('You were signed out. Please sign in again, then log this session.');
  if (res.status === 404) throw new RefusedError('This stretch is no longer in your plan. Refresh the page to see your current plan.');
  throw new RefusedError(payload?.error?.message ?? 'Could not save this session.', payload?.error?.fields ?? {});
}

function upsert(list: TodayLog[] | undefined, entry: TodayLog): TodayLog[] {
  const rest = (list ?? []).filter((l) => l.clientId !== entry.clientId);
  return [...rest, entry];
}

function optimisticEntry(p: PendingLog, status: TodayLog['status']): TodayLog {
  return {
    id: `local:${p.body.clientId}`,
    clientId: p.body.clientId,
    planItemId: p.body.planItemId,
    itemKey: p.itemKey,
    localDate: '',
    setsDone: p.body.setsDone,
    painBefore: p.body.painBefore ?? null,
    painAfter: p.body.painAfter ?? null,
    difficulty: p.body.difficulty ?? null,
    note: p.body.note ?? null,
    undone: false,
    status,
  };
}

/** Today's logs: the server's list plus anything still waiting on this device. */
export function useTodayLogs() {
  const queryClient = useQueryClient();
  const query = useQuery(todayLogsQuery());
  // Logs waiting in storage from an earlier visit are shown as queued.
  useEffect(() => {
    const pending = listPendingLogs();
    if (!pending.length) return;
    queryClient.setQueryData(TODAY_LOGS_KEY, (list: TodayLog[] | undefined) =>
      pending.reduce((acc, p) => (acc.some((l) => l.clientId === p.body.clientId) ? acc : upsert(acc, optimisticEntry(p, 'queued'))), list ?? []),
    );
  }, [queryClient]);
  return query;
}

/**
 * Records a session: shown at once (optimistic), confirmed by the server, rolled back with a
 * message if the server refuses it, and kept on the device if there is no connection.
 */
export function useRecordSessionLog() {
  const queryClient = useQueryClient();
  return useMutation<Sent | { queued: true }, RefusedError, PendingLog, { previous: TodayLog[] | undefined }>({
    networkMode: 'always',
    mutationFn: async (pending) => {
      try {
        return await sendLog(pending.body);
      } catch (error) {
        if (error instanceof OfflineError) {
          addPendingLog(pending);
          return { queued: true };
        }
        throw error;
      }
    },
    onMutate: async (pending) => {
      await queryClient.cancelQueries({ queryKey: TODAY_LOGS_KEY });
      const previous = queryClient.getQueryData<TodayLog[]>(TODAY_LOGS_KEY);
      queryClient.setQueryData(TODAY_LOGS_KEY, (list: TodayLog[] | undefined) => upsert(list, optimisticEntry(pending, 'sending')));
      return { previous };
    },
    onError: (_error, _pending, context) => {
      queryClient.setQueryData(TODAY_LOGS_KEY, context?.previous ?? []);
    },
    onSuccess: (result, pending) => {
      queryClient.setQueryData(TODAY_LOGS_KEY, (list: TodayLog[] | undefined) =>
        'queued' in result ? upsert(list, optimisticEntry(pending, 'queued')) : upsert(list, { ...result.log, status: 'saved' }),
      );
      // The progress charts count this session: refetch them (now if shown, else on next view).
      if (!('queued' in result)) void queryClient.invalidateQueries({ queryKey: PATIENT_SERIES_KEY });
    },
  });
}

/** Sends queued logs when the connection returns (and on load), once each. */
export function useOfflineSync() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const pending of listPendingLogs()) {
        try {
          const sent = await sendLog(pending.body);
          removePendingLog(pending.body.clientId);
          queryClient.setQueryData(TODAY_LOGS_KEY, (list: TodayLog[] | undefined) => upsert(list, { ...sent.log, status: 'saved' }));
        } catch (error) {
          if (error instanceof RefusedError) {
            // Refused for good (e.g. the plan changed): drop it and say so, rather than retry forever.
            removePendingLog(pending.body.clientId);
            queryClient.setQueryData(TODAY_LOGS_KEY, (list: TodayLog[] | undefined) => (list ?? []).filter((l) => l.clientId !== pending.body.clientId));
            setMessage(`A session saved on this phone could not be recorded: ${error.message}`);
            continue;
          }
          return; // still offline: try again later
        }
      }
      await queryClient.invalidateQueries({ queryKey: TODAY_LOGS_KEY });
      await queryClient.invalidateQueries({ queryKey: PATIENT_SERIES_KEY });
    } finally {
      flushing.current = false;
    }
  }, [queryClient]);

  useEffect(() => {
    void flush();
    const onOnline = () => void flush();
    const onVisible = () => document.visibilityState === 'visible' && void flush();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [flush]);

  return { message, dismiss: () => setMessage(null) };
}

/** Undo a log made by mistake today: removed at once, put back with a message if the server refuses. */
export function useUndoSessionLog() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, TodayLog, { previous: TodayLog[] | undefined }>({
    mutationFn: async (log) => {
      if (log.status === 'queued') {
        removePendingLog(log.clientId);
        return;
      }
      let res: Response;
      try {
        res = await fetch(`/api/session-logs/${log.id}`, { method: 'DELETE' });
      } catch {
        throw new Error('No connection right now, so the session could not be undone. Try again in a moment.');
      }
      if (!res.ok && res.status !== 404) throw new Error(res.status === 409 ? 'Only a session logged today can be undone.' : 'Could not undo this session. Please try again.');
    },
    onMutate: async (log) => {
      await queryClient.cancelQueries({ queryKey: TODAY_LOGS_KEY });
      const previous = queryClient.getQueryData<TodayLog[]>(TODAY_LOGS_KEY);
      queryClient.setQueryData(TODAY_LOGS_KEY, (list: TodayLog[] | undefined) => (list ?? []).filter((l) => l.clientId !== log.clientId));
      return { previous };
    },
    onError: (_e, _log, context) => queryClient.setQueryData(TODAY_LOGS_KEY, context?.previous ?? []),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PATIENT_SERIES_KEY }),
  });
}
