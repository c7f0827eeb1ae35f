// Reading completion: design.md "Definitions" → Reading completion.
import type { LocalDate } from '@/lib/dates';
import type { ReadingFact } from './types';

export type ReadingTally = {
  /** Assigned and due (the denominator). */
  due: number;
  /** Due and read or understood (the numerator). */
  done: number;
  value: number | null;
  /** Not due yet (shown apart, counted in neither). */
  notYetDue: number;
  /** Of those not yet due, already read: early reading never pushes completion above 100 %. */
  doneEarly: number;
};

const isDone = (a: ReadingFact) => a.state === 'read' || a.state === 'understood';

/**
 * "Due" on `today`: the due date is on or before today. An assignment without a due date is due from
 * the day it was assigned (so at once: a therapist who sets no date expects it read now); one
 * assigned after `today` (or due after it) is not due yet.
 */
export function isReadingDue(a: ReadingFact, today: LocalDate): boolean {
  if (a.assignedDate !== undefined && a.assignedDate > today) return false;
  return a.dueDate === null || a.dueDate <= today;
}

/** Design "Reading completion" with its counts: (read or understood) / (assigned and due); null when none are due. */
export function readingTally(assignments: readonly ReadingFact[], today: LocalDate): ReadingTally {
  const t: ReadingTally = { due: 0, done: 0, value: null, notYetDue: 0, doneEarly: 0 };
  for (const a of assignments) {
    if (isReadingDue(a, today)) {
      t.due++;
      if (isDone(a)) t.done++;
    } else {
      t.notYetDue++;
      if (isDone(a)) t.doneEarly++;
    }
  }
  t.value = t.due > 0 ? t.done / t.due : null;
  return t;
}

/** Design "Reading completion": a fraction in [0, 1], or null ("no data") when nothing is due. */
export function readingCompletion(assignments: readonly ReadingFact[], today: LocalDate): number | null {
  return readingTally(assignments, today).value;
}
