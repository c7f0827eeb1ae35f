import type { Difficulty, RedFlag } from '@/db/schema/enums';
import { addDays, type LocalDate } from './dates';

type LogLike = { localDate: LocalDate; painBefore: number | null; painAfter: number | null; difficulty: Difficulty | null; note: string | null };
type CheckInLike = { localDate: LocalDate; pain: number; redFlags: RedFlag[] };

export type DaySummary = {
  localDate: LocalDate;
  sessions: number;
  /** Mean over sessions that recorded it; null when none did. One decimal. */
  painBefore: number | null;
  painAfter: number | null;
  checkInPain: number | null;
  redFlags: RedFlag[];
  tooHard: number;
  /** Sessions whose pain after was 3 or more points above pain before. */
  hurt: number;
  notes: string[];
};

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

/** One row per local day, newest first, for the `days` days ending `today` (days with nothing included). */
export function summarizeDays(logs: LogLike[], checkIns: CheckInLike[], today: LocalDate, days: number): DaySummary[] {
  const out: DaySummary[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(today, -i);
    const dayLogs = logs.filter((l) => l.localDate === day);
    const checkIn = checkIns.find((c) => c.localDate === day);
    out.push({
      localDate: day,
      sessions: dayLogs.length,
      painBefore: mean(dayLogs.flatMap((l) => (l.painBefore === null ? [] : [l.painBefore]))),
      painAfter: mean(dayLogs.flatMap((l) => (l.painAfter === null ? [] : [l.painAfter]))),
      checkInPain: checkIn?.pain ?? null,
      redFlags: checkIn?.redFlags ?? [],
      tooHard: dayLogs.filter((l) => l.difficulty === 'too_hard').length,
      hurt: dayLogs.filter((l) => l.painBefore !== null && l.painAfter !== null && l.painAfter - l.painBefore >= 3).length,
      notes: dayLogs.flatMap((l) => (l.note ? [l.note] : [])),
    });
  }
  return out;
}
