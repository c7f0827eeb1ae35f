// Plain inputs for the metrics core: the DAL maps rows to these; nothing here touches the database.
import type { PlanStatus, ReadingState } from '@/db/schema/enums';
import type { LocalDate } from '@/lib/dates';

export type { LocalDate };

/** From `effectiveDate` on, the plan has `status` (until a later entry overrides it). */
export type PlanStatusChange = { status: PlanStatus; effectiveDate: LocalDate };

export type PlanItemSchedule = {
  /** Stable across revisions (plan_items.item_key). */
  itemKey: string;
  sessionsPerDay: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  daysOfWeek: readonly number[];
};

/** A revision is in force from its effective date until a later one takes over. */
export type PlanRevision = { effectiveDate: LocalDate; items: readonly PlanItemSchedule[] };

/**
 * One plan's history. `statusChanges` and `revisions` are in the order they were made
 * (changed_at / revision number): an entry holds from its effective date on and overrides
 * every earlier-made entry from that date on, so on a day the entry in force is the last one
 * in the array whose effective date is on or before that day (several on one day: the last wins).
 */
export type PlanHistory = {
  startDate: LocalDate;
  endDate: LocalDate | null;
  statusChanges: readonly PlanStatusChange[];
  revisions: readonly PlanRevision[];
};

/** A session log that was not undone (the caller drops undone ones). */
export type LogFact = { itemKey: string; localDate: LocalDate; painBefore: number | null; painAfter: number | null };

/** At most one per local day (the database keeps one; a later one that day replaces it). */
export type CheckInFact = { localDate: LocalDate; pain: number; redFlags: readonly string[] };

/** A live (not removed) reading assignment. */
export type ReadingFact = {
  state: ReadingState;
  dueDate: LocalDate | null;
  /** The patient-local date it was assigned; when absent it is taken as assigned already. */
  assignedDate?: LocalDate;
};
