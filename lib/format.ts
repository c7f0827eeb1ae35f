import type { Side } from '@/db/schema/enums';
import type { LocalDate } from './dates';
import { daysBetween, formatLocalDate } from './dates';

type DosageLike = { sets: number; reps: number; holdSeconds: number; side: Side };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 sets × 3 reps, hold 30 s, each side" */
export function describeDosage(d: DosageLike): string {
  const parts = [d.reps > 1 ? `${plural(d.sets, 'set')} × ${plural(d.reps, 'rep')}` : plural(d.sets, 'set')];
  if (d.holdSeconds > 0) parts.push(`hold ${d.holdSeconds} s`);
  if (d.side === 'both') parts.push('each side');
  if (d.side === 'left' || d.side === 'right') parts.push(`${d.side} side`);
  return parts.join(', ');
}

/** "today", "yesterday", "3 days ago", or a date for anything older than two weeks. */
export function describeLastActivity(last: LocalDate | null, today: LocalDate): string {
  if (!last) return 'No activity yet';
  const days = daysBetween(last, today);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 14) return `${days} days ago`;
  return formatLocalDate(last, { day: 'numeric', month: 'short', year: 'numeric' });
}

export const PAIN_ANCHORS: Record<number, string> = {
  0: 'No pain',
  2: 'Mild',
  5: 'Moderate',
  7: 'Severe',
  10: 'Worst imaginable',
};

export const DIFFICULTY_LABELS = { too_easy: 'Too easy', about_right: 'About right', too_hard: 'Too hard' } as const;

export const READING_STATE_LABELS = { assigned: 'Not started', opened: 'Started', read: 'Read', understood: 'Read and understood' } as const;

export const KIND_LABELS = { stretch: 'Stretch', myofascial_release: 'Myofascial release', mobility: 'Mobility', strengthening: 'Strengthening' } as const;

export const EQUIPMENT_LABELS = { none: 'No equipment', strap: 'Strap', foam_roller: 'Foam roller', tennis_ball: 'Tennis ball', wall: 'Wall', chair: 'Chair' } as const;

/** Flesch–Kincaid grade for display: very simple text can score below 0, which reads as "grade 0". */
export function formatGrade(grade: number): string {
  return Math.max(0, grade).toFixed(1);
}
