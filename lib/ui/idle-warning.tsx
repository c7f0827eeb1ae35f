'use client';
import { useQueryClient } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { clearDeviceData, listPendingLogs } from '@/lib/offline/pending-logs';
import { SignOutButton } from './sign-out-button';
import { formatCountdown, isSessionEnds, isWorthSyncing, phaseAt, spokenCountdown, toLocalEnds, type SessionEnds } from './idle-timing';

/** Shared by this device's tabs, so activity in one keeps the others from warning. */
const KEY = 'limber.session-ends';

function readShared(): SessionEnds | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    return isSessionEnds(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Warns 2 minutes before the idle sign-out and signs out at the end. The end comes from
 * GET /api/session (the server's last_seen_at + 30 min), asked again after this app's own
 * requests (navigation, TanStack Query, form posts) and shared across tabs through localStorage.
 * At the end, device data is cleared like the sign-out button does and /login?expired=1 opens.
 */
export function IdleWarning() {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<() => void>(() => {});
  const syncRef = useRef<() => void>(() => {});
  const closedByApp = useRef(false);
  const [remaining, setRemaining] = useState(0);
  const [pending, setPending] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let ends: SessionEnds | null = null;
    let leaving = false;
    let inFlight: Promise<void> | null = null;
    let later: ReturnType<typeof setTimeout> | undefined;
    let returnFocus: Element | null = null;

    const leave = (to: string) => {
      if (leaving) return;
      leaving = true;
      clearDeviceData();
      queryClient.clear();
      window.location.replace(to);
    };
    const close = () => {
      const el = dialog.current;
      if (!el?.open) return;
      closedByApp.current = true;
      el.close();
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    };
    const tick = () => {
      const el = dialog.current;
      if (!ends || !el || leaving) return;
      const p = phaseAt(ends, Date.now());
      if (p.phase === 'ended') return leave(p.reason === 'idle' ? '/login?expired=1' : '/login?expired=limit');
      if (p.phase === 'active') return close();
      setRemaining(p.remainingMs);
      if (!el.open) {
        returnFocus = document.activeElement;
        setPending(listPendingLogs().length);
        setFailed(false);
        el.showModal();
      }
    };
    const adopt = (next: SessionEnds, share: boolean) => {
      ends = next;
      if (share) {
        try {
          window.localStorage.setItem(KEY, JSON.stringify(next));
        } catch {
          // storage disabled: this tab still warns on its own
        }
      }
      tick();
    };
    const sync = (force = false): Promise<void> => {
      if (leaving || (!force && !isWorthSyncing(ends, Date.now()))) return Promise.resolve();
      inFlight ??= (async () => {
        try {
          const res = await fetch('/api/session', { cache: 'no-store', headers: { Accept: 'application/json' } });
          if (res.status === 401) return leave('/login');
          if (!res.ok) throw new Error(`session ${res.status}`);
          adopt(toLocalEnds((await res.json()) as { idleExpiresAt: string; absoluteExpiresAt: string }, res.headers.get('date'), Date.now()), true);
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    };
    const quietSync = () => void sync().catch(() => {});
    const soon = (ms: number) => {
      clearTimeout(later);
      later = setTimeout(quietSync, ms);
    };
    syncRef.current = quietSync;
    stayRef.current = () => {
      setFailed(false);
      sync(true).catch(() => setFailed(true));
    };

    // A shared end that is still fresh saves a request; an older one may be another session's.
    const shared = readShared();
    if (shared && !isWorthSyncing(shared, Date.now())) ends = shared;

    const onStorage = (event: StorageEvent) => {
      if (event.key !== KEY && event.key !== null) return;
      const next = readShared();
      if (!next) return leave('/login?signed-out=1'); // signed out in another tab
      if (!ends || next.idleAt >= ends.idleAt) adopt(next, false);
    };
    const onSubmit = () => soon(3000);
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'success' && !e.action.manual) soon(1000);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && (e.action.type === 'success' || e.action.type === 'error')) soon(1000);
    });
    window.addEventListener('storage', onStorage);
    document.addEventListener('submit', onSubmit, true);
    // Comparing clock times each second (not counting ticks) survives sleep and background throttling.
    const timer = setInterval(tick, 1000);
    return () => {
      clearInterval(timer);
      clearTimeout(later);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('submit', onSubmit, true);
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);

  // Every page (first load and each navigation) asks, when the answer could have changed.
  useEffect(() => syncRef.current(), [pathname]);

  return (
    <dialog
      ref={dialog}
      className="idle-dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      onCancel={(event) => {
        event.preventDefault(); // Escape means "Stay signed in"
        stayRef.current();
      }}
      onClose={() => {
        // The browser may close a modal on Escape without a cancel event: that is "Stay signed in" too.
        if (!closedByApp.current) stayRef.current();
        closedByApp.current = false;
      }}
    >
      <h2 id="idle-title">Are you still there?</h2>
      <p id="idle-text">
        You&apos;ll be signed out in <span role="timer">{formatCountdown(remaining)}</span> to protect your information.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {spokenCountdown(remaining)}
      </p>
      {pending > 0 ? (
        <p className="notice">
          {pending} {pending === 1 ? 'session is' : 'sessions are'} saved on this phone but not sent yet. Stay signed in so {pending === 1 ? 'it is' : 'they are'} sent when
          the connection returns.
        </p>
      ) : null}
      {failed ? (
        <p className="field-error" role="alert">
          Could not reach Limber. Check your connection and try again.
        </p>
      ) : null}
      <div className="idle-dialog-actions">
        <button type="button" className="button" autoFocus onClick={() => stayRef.current()}>
          Stay signed in
        </button>
        <SignOutButton />
      </div>
    </dialog>
  );
}
