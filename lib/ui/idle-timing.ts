// The idle warning's clock arithmetic (design: idle sign-out after 30 minutes, warned 2 minutes
// before). Pure, so it is unit-tested without a browser; lib/ui/idle-warning.tsx drives it.

export const IDLE_MS = 30 * 60_000;
export const WARN_BEFORE_MS = 2 * 60_000;
/** The server writes last_seen_at at most once a minute (lib/dal/sessions.ts). */
const TOUCH_AFTER_MS = 60_000;
/** Leave a moment after the end, so the server has certainly stopped accepting the session. */
const END_MARGIN_MS = 1_000;

/** When the session ends, in this device's clock (ms since epoch). */
export type SessionEnds = { idleAt: number; absoluteAt: number };

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; remainingMs: number } | { phase: 'ended'; reason: 'idle' | 'limit' };

/**
 * Converts GET /api/session's answer (database clock) to this device's clock, using the response's
 * Date header as "now" on the server, so a phone whose clock is off still warns on time.
 */
export function toLocalEnds(body: { idleExpiresAt: string; absoluteExpiresAt: string }, serverDate: string | null, localNow: number): SessionEnds {
  const serverNow = serverDate ? Date.parse(serverDate) : Number.NaN;
  const skew = Number.isFinite(serverNow) ? localNow - serverNow : 0;
  return { idleAt: Date.parse(body.idleExpiresAt) + skew, absoluteAt: Date.parse(body.absoluteExpiresAt) + skew };
}

export function isSessionEnds(value: unknown): value is SessionEnds {
  const v = value as Partial<SessionEnds> | null;
  return typeof v === 'object' && v !== null && Number.isFinite(v.idleAt) && Number.isFinite(v.absoluteAt);
}

/** What to show at `now`. Only the idle end is warned about: "Stay signed in" cannot extend the 12-hour limit. */
export function phaseAt(ends: SessionEnds, now: number): IdlePhase {
  if (now >= ends.absoluteAt + END_MARGIN_MS) return { phase: 'ended', reason: 'limit' };
  if (now >= ends.idleAt + END_MARGIN_MS) return { phase: 'ended', reason: 'idle' };
  const remainingMs = ends.idleAt - now;
  if (remainingMs <= WARN_BEFORE_MS && ends.idleAt < ends.absoluteAt) return { phase: 'warning', remainingMs: Math.max(0, remainingMs) };
  return { phase: 'active' };
}

/**
 * Whether asking the server is worth it: a request only moves last_seen_at once it is over a minute
 * old, so while the known end is less than a minute from fresh, the answer could not change.
 */
export function isWorthSyncing(ends: SessionEnds | null, now: number): boolean {
  return !ends || ends.idleAt - now < IDLE_MS - TOUCH_AFTER_MS;
}

/** "1:05" (rounded up, so the countdown reaches 0:00 only at the end). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** What screen readers hear, in 30-second steps so a polite live region is not read every second. */
export function spokenCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 30_000) * 30);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '', seconds ? `${seconds} seconds` : ''].filter(Boolean);
  return `Signing out in ${parts.join(' ') || 'a moment'}.`;
}
