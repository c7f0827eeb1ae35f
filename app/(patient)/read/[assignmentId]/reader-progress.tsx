'use client';
import { useEffect, useRef } from 'react';
import type { ReadingState } from '@/db/schema/enums';

const HEARTBEAT_MS = 15_000;

function send(assignmentId: string, event: 'open' | 'read' | 'heartbeat', seconds: number, beacon = false): void {
  const url = `/api/reading/${assignmentId}/progress`;
  const body = JSON.stringify({ event, seconds: Math.min(120, Math.max(0, Math.round(seconds))) });
  if (beacon && navigator.sendBeacon) {
    navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
    return;
  }
  void fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(() => {});
}

/**
 * Reports reading progress: "opened" on arrival, "read" once the end of the article has been
 * on screen, and the time the page was actually visible (not time in a background tab).
 */
export function ReaderProgress({ assignmentId, initialState }: { assignmentId: string; initialState: ReadingState }) {
  const visibleSince = useRef<number | null>(null);
  const reachedEnd = useRef(initialState === 'read' || initialState === 'understood');

  useEffect(() => {
    const now = () => performance.now();
    visibleSince.current = document.visibilityState === 'visible' ? now() : null;
    send(assignmentId, 'open', 0);

    const flush = (beacon = false) => {
      if (visibleSince.current === null) return;
      const seconds = (now() - visibleSince.current) / 1000;
      visibleSince.current = document.visibilityState === 'visible' ? now() : null;
      if (seconds >= 1) send(assignmentId, 'heartbeat', seconds, beacon);
    };
    const timer = window.setInterval(() => flush(), HEARTBEAT_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush(true);
      else visibleSince.current = now();
    };
    const onPageHide = () => flush(true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);

    const end = document.getElementById('reader-end');
    const observer = new IntersectionObserver((entries) => {
      if (!reachedEnd.current && entries.some((e) => e.isIntersecting)) {
        reachedEnd.current = true;
        send(assignmentId, 'read', 0);
      }
    });
    if (end) observer.observe(end);
    return () => {
      flush();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      observer.disconnect();
    };
  }, [assignmentId]);

  return null;
}
