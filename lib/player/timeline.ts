/**
 * The exercise player's timeline and clock: pure functions, no React, no timers.
 *
 * The clock never counts ticks. It remembers when the current phase started (a `Date.now()`
 * timestamp) plus how much of the phase had run before a pause, and works out everything else
 * from the time it is given. A tab that was in the background, or a phone that slept, lands in
 * the right phase with the right time left as soon as `tick` is called again.
 */

export type PlayerSide = 'both' | 'left' | 'right' | 'none';

export type Phase = {
  kind: 'hold' | 'rest' | 'reps';
  /** Length of a timed phase; 0 for 'reps' (untimed: the patient taps Done). */
  seconds: number;
  /**
   * Where the phase is in the plan. A 'hold' or 'reps' phase gives its own position; a 'rest'
   * phase gives the position of the phase that follows it ("what comes next").
   * For a 'reps' phase, `rep` is 1 and `reps` is how many to do.
   */
  set: number;
  sets: number;
  rep: number;
  reps: number;
  side: 'left' | 'right' | null;
  /** Plain, short text, e.g. "Hold – left side, rep 2 of 3, set 1 of 2". */
  label: string;
};

export type Dosage = { sets: number; reps: number; holdSeconds: number; side: PlayerSide };

/** The longest rest between two reps on the same side. */
export const MAX_REST_BETWEEN_REPS = 5;

const count = (n: number) => (Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1);
const seconds = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function sidesFor(side: PlayerSide): Array<'left' | 'right' | null> {
  if (side === 'both') return ['left', 'right'];
  if (side === 'left' || side === 'right') return [side];
  return [null];
}

type Position = Pick<Phase, 'set' | 'sets' | 'rep' | 'reps' | 'side'>;

/** "left side, rep 2 of 3, set 1 of 2"; parts that say "1 of 1" are left out. */
function where(p: Position, withRep: boolean): string {
  const parts: string[] = [];
  if (p.side) parts.push(`${p.side} side`);
  if (withRep && p.reps > 1) parts.push(`rep ${p.rep} of ${p.reps}`);
  if (p.sets > 1) parts.push(`set ${p.set} of ${p.sets}`);
  return parts.join(', ');
}

const joinLabel = (head: string, tail: string) => (tail ? `${head} – ${tail}` : head);

/**
 * Every phase of one exercise, in order. For each set and each side (both → left then right):
 * with a hold, `reps` × (hold, then a short rest of min(5, restSeconds) s between reps of the
 * same side); without a hold, one untimed 'reps' phase for that side. A rest of `restSeconds`
 * between sides and between sets. Rests of 0 s are left out, and nothing follows the last phase.
 * Sets and reps below 1 count as 1.
 */
export function buildTimeline(dosage: Dosage, restSeconds: number): Phase[] {
  const sets = count(dosage.sets);
  const reps = count(dosage.reps);
  const hold = seconds(dosage.holdSeconds);
  const rest = seconds(restSeconds);
  const shortRest = Math.min(MAX_REST_BETWEEN_REPS, rest);
  const sides = sidesFor(dosage.side);

  // First the work, then the rests between the pieces of work.
  const work: Phase[] = [];
  for (let set = 1; set <= sets; set++) {
    for (const side of sides) {
      if (hold > 0) {
        for (let rep = 1; rep <= reps; rep++) {
          const p: Position = { set, sets, rep, reps, side };
          work.push({ kind: 'hold', seconds: hold, ...p, label: joinLabel('Hold', where(p, true)) });
        }
      } else {
        const p: Position = { set, sets, rep: 1, reps, side };
        work.push({ kind: 'reps', seconds: 0, ...p, label: joinLabel(`Do ${plural(reps, 'rep')}`, where(p, false)) });
      }
    }
  }

  const timeline: Phase[] = [];
  work.forEach((phase, i) => {
    const prev = work[i - 1];
    if (prev) {
      const sameSide = prev.set === phase.set && prev.side === phase.side;
      const length = sameSide ? shortRest : rest;
      if (length > 0) {
        const next: Position = { set: phase.set, sets, rep: phase.rep, reps, side: phase.side };
        let label: string;
        if (sameSide) label = `Rest – next: rep ${phase.rep} of ${reps}`;
        else if (prev.set !== phase.set) label = `Rest – next: set ${phase.set} of ${sets}`;
        else label = `Rest – then switch to your ${phase.side ?? 'other'} side`;
        timeline.push({ kind: 'rest', seconds: length, ...next, label });
      }
    }
    timeline.push(phase);
  });
  return timeline;
}

/** A rest that sits between the left and the right side of the same set. */
export function isSideSwitch(timeline: readonly Phase[], index: number): boolean {
  const phase = timeline[index];
  const prev = timeline[index - 1];
  return !!phase && !!prev && phase.kind === 'rest' && phase.side !== null && prev.side !== phase.side && prev.set === phase.set;
}

/** The big words over the countdown: "Hold", "Rest", "Switch to your right side", "Do 8 reps, then tap Done". */
export function phaseTitle(timeline: readonly Phase[], index: number): string {
  const phase = timeline[index];
  if (!phase) return 'Well done.';
  if (phase.kind === 'hold') return 'Hold';
  if (phase.kind === 'reps') return `Do ${plural(phase.reps, 'rep')}, then tap Done`;
  if (isSideSwitch(timeline, index)) return `Switch to your ${phase.side} side`;
  return 'Rest';
}

/** "Set 1 of 2 · Rep 2 of 3 · Left side"; for a rest, "Next: …". Parts that say "1 of 1" are left out. */
export function phaseProgress(phase: Phase): string {
  const parts: string[] = [];
  if (phase.sets > 1) parts.push(`Set ${phase.set} of ${phase.sets}`);
  // A rest only names the rep when it sits between two reps (after a side or set change it is always rep 1).
  const showRep = phase.kind === 'hold' ? phase.reps > 1 : phase.kind === 'rest' && phase.rep > 1;
  if (showRep) parts.push(`Rep ${phase.rep} of ${phase.reps}`);
  if (phase.side) parts.push(`${phase.side === 'left' ? 'Left' : 'Right'} side`);
  const text = parts.join(' · ');
  if (phase.kind === 'rest') return text ? `Next: ${text}` : '';
  return text;
}

/** What a screen reader hears when a phase begins. */
export function phaseAnnouncement(timeline: readonly Phase[], index: number): string {
  const phase = timeline[index];
  if (!phase) return 'Well done. You have finished this exercise.';
  // Commas rather than "·", which some screen readers read out as "dot".
  const progress = phaseProgress(phase).replaceAll(' · ', ', ');
  const tail = progress ? ` ${progress}.` : '';
  if (phase.kind === 'reps') return `${phaseTitle(timeline, index)}.${tail}`;
  return `${phaseTitle(timeline, index)} for ${plural(phase.seconds, 'second')}.${tail}`;
}

// ——— Clock ———

export type PlayerState = {
  /** Index of the current phase; equals the timeline length once everything has run. */
  index: number;
  status: 'idle' | 'running' | 'paused' | 'done';
  /** `Date.now()` when the current phase started running (or resumed); null unless running. */
  phaseStartedAt: number | null;
  /** Milliseconds of the current phase that ran before the last pause. */
  elapsedBeforePause: number;
};

export const initialPlayerState: PlayerState = { index: 0, status: 'idle', phaseStartedAt: null, elapsedBeforePause: 0 };

/** Milliseconds the current phase has run. */
export function elapsedMs(state: PlayerState, now: number): number {
  const running = state.status === 'running' && state.phaseStartedAt !== null ? Math.max(0, now - state.phaseStartedAt) : 0;
  return state.elapsedBeforePause + running;
}

/** Begin from the first phase. Only from 'idle'; anything else is returned unchanged. */
export function start(state: PlayerState, now: number): PlayerState {
  if (state.status !== 'idle') return state;
  return { index: 0, status: 'running', phaseStartedAt: now, elapsedBeforePause: 0 };
}

export function pause(state: PlayerState, now: number): PlayerState {
  if (state.status !== 'running') return state;
  return { ...state, status: 'paused', phaseStartedAt: null, elapsedBeforePause: elapsedMs(state, now) };
}

export function resume(state: PlayerState, now: number): PlayerState {
  if (state.status !== 'paused') return state;
  return { ...state, status: 'running', phaseStartedAt: now };
}

/** Move to the next phase, keeping running or paused; past the last phase → 'done'. */
function advance(state: PlayerState, timeline: readonly Phase[], now: number): PlayerState {
  const index = state.index + 1;
  if (index >= timeline.length) return { index: timeline.length, status: 'done', phaseStartedAt: null, elapsedBeforePause: 0 };
  return { index, status: state.status, phaseStartedAt: state.status === 'running' ? now : null, elapsedBeforePause: 0 };
}

/** Skip the rest of the current phase (running or paused only). */
export function skip(state: PlayerState, timeline: readonly Phase[], now: number): PlayerState {
  if (state.status !== 'running' && state.status !== 'paused') return state;
  return advance(state, timeline, now);
}

/** The patient tapped Done on an untimed 'reps' phase. Anything else is returned unchanged. */
export function completeRepsPhase(state: PlayerState, timeline: readonly Phase[], now: number): PlayerState {
  if (state.status !== 'running' && state.status !== 'paused') return state;
  if (timeline[state.index]?.kind !== 'reps') return state;
  return advance(state, timeline, now);
}

/** Finish early ("I'm done"): stays at the current phase, so `setsCompleted` counts only whole sets. */
export function finish(state: PlayerState): PlayerState {
  if (state.status === 'done') return state;
  return { ...state, status: 'done', phaseStartedAt: null, elapsedBeforePause: 0 };
}

/**
 * Bring a running clock up to `now`: step over every timed phase that has fully elapsed, each
 * next phase starting at the moment the previous one ended (the overshoot carries over). Stops at
 * an untimed 'reps' phase, which waits for the patient. Returns the same object when nothing changed.
 */
export function tick(state: PlayerState, timeline: readonly Phase[], now: number): PlayerState {
  if (state.status !== 'running' || state.phaseStartedAt === null) return state;
  let { index, phaseStartedAt, elapsedBeforePause } = state;
  let changed = false;
  for (;;) {
    const phase = timeline[index];
    if (!phase) return { index: timeline.length, status: 'done', phaseStartedAt: null, elapsedBeforePause: 0 };
    if (phase.kind === 'reps') break;
    const length = phase.seconds * 1000;
    if (elapsedBeforePause + (now - phaseStartedAt) < length) break;
    // The phase ended at this moment; the next one starts there.
    phaseStartedAt += length - elapsedBeforePause;
    elapsedBeforePause = 0;
    index += 1;
    changed = true;
  }
  return changed ? { index, status: 'running', phaseStartedAt, elapsedBeforePause } : state;
}

/** Whole seconds left in the current timed phase (rounded up); 0 for 'reps' phases and when done. */
export function remainingSeconds(state: PlayerState, timeline: readonly Phase[], now: number): number {
  if (state.status === 'done') return 0;
  const phase = timeline[state.index];
  if (!phase || phase.kind === 'reps') return 0;
  const leftMs = phase.seconds * 1000 - elapsedMs(state, now);
  return Math.max(0, Math.ceil(leftMs / 1000));
}

/** Sets whose every hold or reps phase is behind the current phase (all of them once the timeline has run out). */
export function setsCompleted(state: PlayerState, timeline: readonly Phase[]): number {
  const lastWorkIndex = new Map<number, number>();
  timeline.forEach((phase, i) => {
    if (phase.kind !== 'rest') lastWorkIndex.set(phase.set, i);
  });
  let done = 0;
  for (const last of lastWorkIndex.values()) if (last < state.index) done += 1;
  return done;
}
