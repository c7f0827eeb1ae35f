import { describe, expect, it } from 'vitest';
import type { Phase, PlayerState } from './timeline';
import {
  buildTimeline,
  completeRepsPhase,
  finish,
  initialPlayerState,
  pause,
  phaseAnnouncement,
  phaseProgress,
  phaseTitle,
  remainingSeconds,
  resume,
  setsCompleted,
  skip,
  start,
  tick,
} from './timeline';

/** "hold 20 L" style shorthand, to compare whole timelines at a glance. */
const shape = (timeline: Phase[]) => timeline.map((p) => `${p.kind} ${p.seconds}${p.side ? ` ${p.side[0]!.toUpperCase()}` : ''}`);

const T0 = 1_700_000_000_000;
const s = (seconds: number) => seconds * 1000;

describe('buildTimeline', () => {
  it('both sides: left then right in each set, short rests between reps, full rests between sides and sets', () => {
    const t = buildTimeline({ sets: 2, reps: 3, holdSeconds: 20, side: 'both' }, 10);
    const side = (x: 'L' | 'R') => [`hold 20 ${x}`, `rest 5 ${x}`, `hold 20 ${x}`, `rest 5 ${x}`, `hold 20 ${x}`];
    expect(shape(t)).toEqual([...side('L'), 'rest 10 R', ...side('R'), 'rest 10 L', ...side('L'), 'rest 10 R', ...side('R')]);
    expect(t).toHaveLength(23);
    expect(t.at(-1)!.kind).toBe('hold');
    expect(t.filter((p) => p.kind === 'hold').map((p) => `${p.set}${p.side![0]}${p.rep}`)).toEqual([
      '1l1', '1l2', '1l3', '1r1', '1r2', '1r3', '2l1', '2l2', '2l3', '2r1', '2r2', '2r3',
    ]);
  });

  it('one side only', () => {
    const t = buildTimeline({ sets: 1, reps: 2, holdSeconds: 30, side: 'left' }, 15);
    expect(shape(t)).toEqual(['hold 30 L', 'rest 5 L', 'hold 30 L']);
    expect(buildTimeline({ sets: 1, reps: 1, holdSeconds: 30, side: 'right' }, 15).map((p) => p.side)).toEqual(['right']);
  });

  it('no side: side is null, the short rest is min(5, restSeconds)', () => {
    const t = buildTimeline({ sets: 2, reps: 2, holdSeconds: 30, side: 'none' }, 3);
    expect(shape(t)).toEqual(['hold 30', 'rest 3', 'hold 30', 'rest 3', 'hold 30', 'rest 3', 'hold 30']);
    expect(t.every((p) => p.side === null)).toBe(true);
  });

  it('hold 0: one untimed reps phase per side and set', () => {
    const t = buildTimeline({ sets: 2, reps: 8, holdSeconds: 0, side: 'none' }, 15);
    expect(shape(t)).toEqual(['reps 0', 'rest 15', 'reps 0']);
    expect(t[0]).toMatchObject({ kind: 'reps', seconds: 0, set: 1, sets: 2, rep: 1, reps: 8, side: null });

    const both = buildTimeline({ sets: 1, reps: 10, holdSeconds: 0, side: 'both' }, 15);
    expect(shape(both)).toEqual(['reps 0 L', 'rest 15 R', 'reps 0 R']);
  });

  it('1 set of 1 rep is a single hold with no rest', () => {
    const t = buildTimeline({ sets: 1, reps: 1, holdSeconds: 30, side: 'none' }, 15);
    expect(t).toEqual([{ kind: 'hold', seconds: 30, set: 1, sets: 1, rep: 1, reps: 1, side: null, label: 'Hold' }]);
  });

  it('restSeconds 0 leaves out every rest', () => {
    const t = buildTimeline({ sets: 2, reps: 2, holdSeconds: 10, side: 'both' }, 0);
    expect(t).toHaveLength(8);
    expect(t.some((p) => p.kind === 'rest')).toBe(false);
  });

  it('counts below 1 are treated as 1', () => {
    expect(shape(buildTimeline({ sets: 0, reps: 0, holdSeconds: 10, side: 'none' }, 10))).toEqual(['hold 10']);
  });

  it('labels are plain and short', () => {
    const t = buildTimeline({ sets: 2, reps: 3, holdSeconds: 20, side: 'both' }, 10);
    expect(t.map((p) => p.label).slice(0, 7)).toEqual([
      'Hold – left side, rep 1 of 3, set 1 of 2',
      'Rest – next: rep 2 of 3',
      'Hold – left side, rep 2 of 3, set 1 of 2',
      'Rest – next: rep 3 of 3',
      'Hold – left side, rep 3 of 3, set 1 of 2',
      'Rest – then switch to your right side',
      'Hold – right side, rep 1 of 3, set 1 of 2',
    ]);
    expect(t[11]!.label).toBe('Rest – next: set 2 of 2');
    expect(buildTimeline({ sets: 1, reps: 8, holdSeconds: 0, side: 'none' }, 15)[0]!.label).toBe('Do 8 reps');
    expect(buildTimeline({ sets: 2, reps: 1, holdSeconds: 0, side: 'right' }, 15)[0]!.label).toBe('Do 1 rep – right side, set 1 of 2');
  });
});

describe('titles, progress and announcements', () => {
  const t = buildTimeline({ sets: 2, reps: 3, holdSeconds: 20, side: 'both' }, 10);

  it('titles', () => {
    expect(phaseTitle(t, 0)).toBe('Hold');
    expect(phaseTitle(t, 1)).toBe('Rest');
    expect(phaseTitle(t, 5)).toBe('Switch to your right side');
    expect(phaseTitle(t, 11)).toBe('Rest'); // between sets, not a side switch
    expect(phaseTitle(t, t.length)).toBe('Well done.');
    expect(phaseTitle(buildTimeline({ sets: 1, reps: 8, holdSeconds: 0, side: 'none' }, 0), 0)).toBe('Do 8 reps, then tap Done');
  });

  it('progress', () => {
    expect(phaseProgress(t[2]!)).toBe('Set 1 of 2 · Rep 2 of 3 · Left side');
    expect(phaseProgress(t[1]!)).toBe('Next: Set 1 of 2 · Rep 2 of 3 · Left side');
    expect(phaseProgress(t[5]!)).toBe('Next: Set 1 of 2 · Right side');
    expect(phaseProgress(t[11]!)).toBe('Next: Set 2 of 2 · Left side');
    expect(phaseProgress(buildTimeline({ sets: 1, reps: 8, holdSeconds: 0, side: 'both' }, 15)[1]!)).toBe('Next: Right side');
    expect(phaseProgress(buildTimeline({ sets: 1, reps: 1, holdSeconds: 30, side: 'none' }, 0)[0]!)).toBe('');
    expect(phaseProgress(buildTimeline({ sets: 2, reps: 8, holdSeconds: 0, side: 'left' }, 0)[0]!)).toBe('Set 1 of 2 · Left side');
  });

  it('announcements', () => {
    expect(phaseAnnouncement(t, 0)).toBe('Hold for 20 seconds. Set 1 of 2, Rep 1 of 3, Left side.');
    expect(phaseAnnouncement(t, 5)).toBe('Switch to your right side for 10 seconds. Next: Set 1 of 2, Right side.');
    expect(phaseAnnouncement(buildTimeline({ sets: 1, reps: 8, holdSeconds: 0, side: 'none' }, 0), 0)).toBe('Do 8 reps, then tap Done.');
    expect(phaseAnnouncement(t, t.length)).toBe('Well done. You have finished this exercise.');
  });
});

describe('clock', () => {
  // hold 30 · rest 5 · hold 30 · rest 15 · hold 30 · rest 5 · hold 30 → phases start at 0, 30, 35, 65, 80, 110, 115; ends at 145 s.
  const t = buildTimeline({ sets: 2, reps: 2, holdSeconds: 30, side: 'none' }, 15);

  it('starts idle, showing the full first phase', () => {
    expect(initialPlayerState.status).toBe('idle');
    expect(remainingSeconds(initialPlayerState, t, T0 + s(100))).toBe(30);
  });

  it('start → the remaining time counts down, rounded up', () => {
    const st = start(initialPlayerState, T0);
    expect(st).toEqual({ index: 0, status: 'running', phaseStartedAt: T0, elapsedBeforePause: 0 });
    expect(remainingSeconds(st, t, T0)).toBe(30);
    expect(remainingSeconds(st, t, T0 + 1)).toBe(30);
    expect(remainingSeconds(st, t, T0 + s(1))).toBe(29);
    expect(remainingSeconds(st, t, T0 + s(12.4))).toBe(18);
    expect(remainingSeconds(st, t, T0 + s(29.9))).toBe(1);
    expect(start(st, T0 + s(5))).toBe(st); // start twice does not restart
  });

  it('pause freezes the count, resume carries on from there', () => {
    const running = start(initialPlayerState, T0);
    const paused = pause(running, T0 + s(10));
    expect(paused.status).toBe('paused');
    expect(paused.elapsedBeforePause).toBe(s(10));
    expect(remainingSeconds(paused, t, T0 + s(10))).toBe(20);
    expect(remainingSeconds(paused, t, T0 + s(500))).toBe(20);
    expect(tick(paused, t, T0 + s(500))).toBe(paused); // a paused clock never moves

    const resumed = resume(paused, T0 + s(500));
    expect(resumed.status).toBe('running');
    expect(remainingSeconds(resumed, t, T0 + s(500))).toBe(20);
    expect(remainingSeconds(resumed, t, T0 + s(505))).toBe(15);
    expect(pause(paused, T0 + s(600))).toBe(paused);
    expect(resume(running, T0 + s(600))).toBe(running);
  });

  it('tick moves to the next phase when a phase ends, carrying over the overshoot', () => {
    const st = start(initialPlayerState, T0);
    expect(tick(st, t, T0 + s(29.75))).toBe(st);
    const next = tick(st, t, T0 + s(30.25));
    expect(next).toEqual({ index: 1, status: 'running', phaseStartedAt: T0 + s(30), elapsedBeforePause: 0 });
    expect(remainingSeconds(next, t, T0 + s(30.25))).toBe(5);
    expect(remainingSeconds(next, t, T0 + s(31))).toBe(4);
  });

  it('after a long background gap (95 s), tick lands in the right phase with the right time left', () => {
    const st = start(initialPlayerState, T0);
    const back = tick(st, t, T0 + s(95));
    expect(back.index).toBe(4); // first hold of set 2 (80–110 s)
    expect(t[back.index]).toMatchObject({ kind: 'hold', set: 2, rep: 1 });
    expect(back.phaseStartedAt).toBe(T0 + s(80));
    expect(remainingSeconds(back, t, T0 + s(95))).toBe(15);
    expect(setsCompleted(back, t)).toBe(1);
  });

  it('a pause before the gap counts only the running time', () => {
    const paused = pause(start(initialPlayerState, T0), T0 + s(10));
    const resumed = resume(paused, T0 + s(1000));
    const back = tick(resumed, t, T0 + s(1000 + 95)); // 10 + 95 = 105 s of exercise → 80–110 s phase
    expect(back.index).toBe(4);
    expect(back.elapsedBeforePause).toBe(0);
    expect(remainingSeconds(back, t, T0 + s(1095))).toBe(5);
  });

  it('skip moves to the next phase and keeps running or paused', () => {
    const st = start(initialPlayerState, T0);
    const skipped = skip(st, t, T0 + s(4));
    expect(skipped).toEqual({ index: 1, status: 'running', phaseStartedAt: T0 + s(4), elapsedBeforePause: 0 });
    expect(remainingSeconds(skipped, t, T0 + s(4))).toBe(5);

    const pausedSkip = skip(pause(st, T0 + s(4)), t, T0 + s(6));
    expect(pausedSkip).toEqual({ index: 1, status: 'paused', phaseStartedAt: null, elapsedBeforePause: 0 });
    expect(remainingSeconds(pausedSkip, t, T0 + s(60))).toBe(5);

    expect(skip(initialPlayerState, t, T0)).toBe(initialPlayerState);
  });

  it('runs to the end → done, and stays done', () => {
    const st = start(initialPlayerState, T0);
    expect(tick(st, t, T0 + s(144.9)).status).toBe('running');
    const done = tick(st, t, T0 + s(145));
    expect(done).toEqual({ index: t.length, status: 'done', phaseStartedAt: null, elapsedBeforePause: 0 });
    expect(remainingSeconds(done, t, T0 + s(200))).toBe(0);
    expect(setsCompleted(done, t)).toBe(2);
    expect(tick(done, t, T0 + s(999))).toBe(done);
    expect(skip(done, t, T0 + s(999))).toBe(done);
  });

  it('skipping the last phase finishes', () => {
    let st: PlayerState = start(initialPlayerState, T0);
    for (let i = 0; i < t.length; i++) st = skip(st, t, T0 + i);
    expect(st.status).toBe('done');
    expect(st.index).toBe(t.length);
  });

  it('an untimed reps phase waits for Done, however long it takes', () => {
    const reps = buildTimeline({ sets: 2, reps: 8, holdSeconds: 0, side: 'none' }, 15); // reps · rest 15 · reps
    const st = start(initialPlayerState, T0);
    expect(tick(st, reps, T0 + s(600))).toBe(st);
    expect(remainingSeconds(st, reps, T0 + s(600))).toBe(0);
    expect(setsCompleted(st, reps)).toBe(0);

    const resting = completeRepsPhase(st, reps, T0 + s(40));
    expect(resting).toEqual({ index: 1, status: 'running', phaseStartedAt: T0 + s(40), elapsedBeforePause: 0 });
    expect(setsCompleted(resting, reps)).toBe(1);
    expect(completeRepsPhase(resting, reps, T0 + s(41))).toBe(resting); // Done does nothing during a rest

    const second = tick(resting, reps, T0 + s(100)); // rest ended at 55 s; the reps phase waits
    expect(second.index).toBe(2);
    expect(second.status).toBe('running');
    const done = completeRepsPhase(second, reps, T0 + s(130));
    expect(done.status).toBe('done');
    expect(setsCompleted(done, reps)).toBe(2);
  });

  it('a long gap stops at a reps phase instead of running past it', () => {
    const reps = buildTimeline({ sets: 1, reps: 10, holdSeconds: 0, side: 'both' }, 15); // reps L · rest 15 · reps R
    const st = completeRepsPhase(start(initialPlayerState, T0), reps, T0 + s(20));
    const back = tick(st, reps, T0 + s(3600));
    expect(back.index).toBe(2);
    expect(reps[back.index]!.side).toBe('right');
  });

  it('setsCompleted counts only whole sets, including after finishing early', () => {
    const both = buildTimeline({ sets: 2, reps: 1, holdSeconds: 30, side: 'both' }, 15);
    // hold L · rest · hold R · rest · hold L · rest · hold R
    const st = start(initialPlayerState, T0);
    expect(setsCompleted(st, both)).toBe(0);
    const midSet1 = tick(st, both, T0 + s(50)); // right side of set 1
    expect(both[midSet1.index]).toMatchObject({ kind: 'hold', set: 1, side: 'right' });
    expect(setsCompleted(midSet1, both)).toBe(0);
    const early = finish(tick(st, both, T0 + s(100))); // into set 2
    expect(early.status).toBe('done');
    expect(setsCompleted(early, both)).toBe(1);
    expect(setsCompleted(finish(initialPlayerState), both)).toBe(0);
  });
});
