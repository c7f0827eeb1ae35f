'use client';
import { useSyncExternalStore } from 'react';
import type { TodayItem } from '@/lib/dal/today';
import { TodayItemCard } from './today-item';
import { useOfflineSync, useTodayLogs } from './use-session-logs';

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

/** Today's stretches with live counts (optimistic, and including logs waiting offline). */
export function TodayBoard({ items }: { items: TodayItem[] }) {
  const { data: logs = [] } = useTodayLogs();
  const sync = useOfflineSync();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const total = items.reduce((sum, i) => sum + i.sessionsPerDay, 0);
  const doneOf = (i: TodayItem) => logs.filter((l) => l.itemKey === i.itemKey).length;
  const done = items.reduce((sum, i) => sum + Math.min(i.sessionsPerDay, doneOf(i)), 0);
  const next = items.find((i) => doneOf(i) < i.sessionsPerDay);
  return (
    <>
      <p data-testid="today-summary" aria-live="polite">
        {done >= total ? 'All done for today. Nice work.' : `${done} of ${total} sessions done today. Next: ${next?.exercise.name ?? ''}.`}
      </p>
      {!online ? (
        <p className="notice" role="status" data-testid="offline-banner">
          You are offline. Sessions you log are kept on this phone and sent when you are back online.
        </p>
      ) : null}
      {sync.message ? (
        <p className="form-error" role="alert">
          {sync.message}{' '}
          <button type="button" className="button button-quiet" onClick={sync.dismiss}>
            OK
          </button>
        </p>
      ) : null}
      <ol className="today-list" aria-label="Stretches for today">
        {items.map((item) => (
          <TodayItemCard key={item.planItemId} item={item} logs={logs} isNext={item.planItemId === next?.planItemId} />
        ))}
      </ol>
    </>
  );
}
