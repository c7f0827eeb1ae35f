'use client';
import type { CSSProperties, JSX } from 'react';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { describeDosage } from '@/lib/format';
import type { PlayerState } from '@/lib/player/timeline';
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
} from '@/lib/player/timeline';

export type PlayerExercise = {
  name: string;
  steps: string[];
  feel: string;
  cautions: string[];
  stopIf: string[];
  illustration: string | null;
  illustrationAlt: string | null;
  restSeconds: number;
};

type PlayerDosage = { sets: number; reps: number; holdSeconds: number; side: 'both' | 'left' | 'right' | 'none' };

// ——— Sound and vibration preferences: two booleans in localStorage, shared by every player on the page ———

const PREFS_KEY = 'limber.player.prefs';
type Prefs = { sound: boolean; vibrate: boolean };
const prefListeners = new Set<() => void>();
/** Used when localStorage is unavailable (private mode, blocked storage), so the checkboxes still work. */
let prefsFallback: string | null = null;

function readPrefsRaw(): string | null {
  try {
    return window.localStorage.getItem(PREFS_KEY) ?? prefsFallback;
  } catch {
    return prefsFallback;
  }
}

function parsePrefs(raw: string | null): Prefs {
  if (!raw) return { sound: false, vibrate: false };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return { sound: false, vibrate: false };
    const v = value as Record<string, unknown>;
    return { sound: v.sound === true, vibrate: v.vibrate === true };
  } catch {
    return { sound: false, vibrate: false };
  }
}

function writePrefs(prefs: Prefs) {
  const raw = JSON.stringify({ sound: prefs.sound, vibrate: prefs.vibrate });
  prefsFallback = raw;
  try {
    window.localStorage.setItem(PREFS_KEY, raw);
  } catch {
    // Storage is blocked: the choice lasts until the page is closed.
  }
  prefListeners.forEach((listener) => listener());
}

function subscribePrefs(listener: () => void) {
  prefListeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PREFS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    prefListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

// ——— Display helpers ———

/** "25" under a minute, "1:30" from a minute up. */
function formatClock(totalSeconds: number): string {
  if (totalSeconds < 60) return String(totalSeconds);
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The spoken 3-2-1 is only for phases long enough that it helps rather than chatters. */
const COUNTDOWN_MIN_PHASE_SECONDS = 10;
const TICK_MS = 250;

const tall: CSSProperties = { minHeight: '2.75rem' };
const panel: CSSProperties = {
  background: 'var(--surface-muted)',
  borderRadius: 'var(--radius)',
  padding: '1.25rem 1rem',
  textAlign: 'center',
};
const countdownStyle: CSSProperties = {
  fontSize: 'clamp(3.5rem, 18vw, 5rem)',
  fontWeight: 700,
  lineHeight: 1.05,
  fontVariantNumeric: 'tabular-nums',
  letterSpacing: '-0.02em',
  margin: '0.25rem 0 0',
  color: 'var(--text)',
};
const buttonGrid: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '0.6rem', marginTop: '1rem' };
const fullRow: CSSProperties = { gridColumn: '1 / -1' };
const checkRow: CSSProperties = { display: 'flex', alignItems: 'center', gap: '0.6rem', minHeight: '2.75rem', cursor: 'pointer', fontWeight: 400 };
const checkBox: CSSProperties = { width: '1.25rem', height: '1.25rem', flex: 'none', margin: 0 };

type WebkitWindow = Window & { webkitAudioContext?: typeof AudioContext };

/**
 * A hold-and-rest timer for one exercise, with the steps, what it should feel like, cautions and
 * when to stop. Time comes from timestamps (lib/player/timeline), so it stays right when the tab
 * was hidden or the phone slept.
 */
export function ExercisePlayer({
  exercise,
  dosage,
  onFinished,
  onClose,
}: {
  exercise: PlayerExercise;
  dosage: PlayerDosage;
  /** Called once, when the patient finishes (or taps "I'm done" early). */
  onFinished: (summary: { setsCompleted: number }) => void;
  /** Close without finishing. */
  onClose: () => void;
}): JSX.Element {
  const { sets, reps, holdSeconds, side } = dosage;
  const { restSeconds } = exercise;
  const timeline = useMemo(() => buildTimeline({ sets, reps, holdSeconds, side }, restSeconds), [sets, reps, holdSeconds, side, restSeconds]);

  const [player, setPlayer] = useState<PlayerState>(initialPlayerState);
  const [now, setNow] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  /** The latest state, for timer callbacks and event handlers (always written together with setPlayer). */
  const playerRef = useRef<PlayerState>(initialPlayerState);
  const finishedRef = useRef(false);
  const lastCountRef = useRef('');
  const audioRef = useRef<AudioContext | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const prefsRaw = useSyncExternalStore(subscribePrefs, readPrefsRaw, () => null);
  const prefs = useMemo(() => parsePrefs(prefsRaw), [prefsRaw]);

  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const prefsId = `${baseId}-prefs`;

  // ——— Sound ———

  /** Create or wake the audio context. Call from a tap, so phones allow sound later on. */
  function unlockAudio(): AudioContext | null {
    if (!audioRef.current) {
      const Ctor = window.AudioContext ?? (window as WebkitWindow).webkitAudioContext;
      if (!Ctor) return null;
      try {
        audioRef.current = new Ctor();
      } catch {
        return null;
      }
    }
    const ctx = audioRef.current;
    if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
    return ctx;
  }

  function beep() {
    const ctx = unlockAudio();
    if (!ctx) return;
    try {
      const t = ctx.currentTime;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(880, t);
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.3);
    } catch {
      // No sound is better than a broken timer.
    }
  }

  /** The end-of-phase signal, if the patient asked for one. */
  function cue() {
    if (prefs.sound) beep();
    if (prefs.vibrate && typeof navigator !== 'undefined' && 'vibrate' in navigator) {
      try {
        navigator.vibrate(200);
      } catch {
        // Some browsers refuse vibration without a recent tap.
      }
    }
  }

  useEffect(
    () => () => {
      audioRef.current?.close().catch(() => undefined);
      audioRef.current = null;
    },
    [],
  );

  // ——— State changes ———

  function commit(next: PlayerState, at: number, cause: 'timer' | 'user') {
    const prev = playerRef.current;
    setNow(at);
    if (next === prev) return;
    playerRef.current = next;
    setPlayer(next);
    const becameDone = next.status === 'done' && prev.status !== 'done';
    if (next.index !== prev.index || becameDone) {
      if (cause === 'timer') cue();
      setAnnouncement(phaseAnnouncement(timeline, next.status === 'done' ? timeline.length : next.index));
    }
    if (becameDone && !finishedRef.current) {
      finishedRef.current = true;
      onFinished({ setsCompleted: setsCompleted(next, timeline) });
    }
  }

  const onTick = useEffectEvent(() => {
    const at = Date.now();
    const prev = playerRef.current;
    const next = tick(prev, timeline, at);
    commit(next, at, 'timer');
    // Speak the last 3 seconds of a longer phase, once each, and not in the tick that began the phase.
    const phase = timeline[next.index];
    if (next.status !== 'running' || next.index !== prev.index || !phase || phase.kind === 'reps') return;
    if (phase.seconds < COUNTDOWN_MIN_PHASE_SECONDS) return;
    const left = remainingSeconds(next, timeline, at);
    const key = `${next.index}:${left}`;
    if (left >= 1 && left <= 3 && lastCountRef.current !== key) {
      lastCountRef.current = key;
      setAnnouncement(String(left));
    }
  });

  // Recompute from the clock 4 times a second while running, and at once when the page is shown again.
  useEffect(() => {
    if (player.status !== 'running') return;
    const id = window.setInterval(() => onTick(), TICK_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') onTick();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pageshow', onVisibility);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pageshow', onVisibility);
    };
  }, [player.status]);

  // When the exercise ends, move focus to "Well done." if it was inside the player (its buttons are gone).
  useEffect(() => {
    if (player.status !== 'done') return;
    const active = document.activeElement;
    if (!active || active === document.body || rootRef.current?.contains(active)) doneRef.current?.focus();
  }, [player.status]);

  // ——— Handlers ———

  function handleToggle() {
    const at = Date.now();
    const current = playerRef.current;
    if (prefs.sound) unlockAudio();
    if (current.status === 'idle') {
      commit(start(current, at), at, 'user');
      setAnnouncement(phaseAnnouncement(timeline, 0));
    } else if (current.status === 'running') {
      const next = pause(tick(current, timeline, at), at);
      commit(next, at, 'user');
      if (next.status === 'paused') setAnnouncement('Paused.');
    } else if (current.status === 'paused') {
      commit(resume(current, at), at, 'user');
      setAnnouncement('Going again.');
    }
  }

  function handleSkip() {
    const at = Date.now();
    commit(skip(tick(playerRef.current, timeline, at), timeline, at), at, 'user');
  }

  function handleRepsDone() {
    const at = Date.now();
    const next = completeRepsPhase(tick(playerRef.current, timeline, at), timeline, at);
    commit(next, at, 'user');
    // The Done button goes away unless another reps phase follows: keep keyboard focus in the player.
    if (next.status !== 'done' && timeline[next.index]?.kind !== 'reps') toggleRef.current?.focus();
  }

  function handleFinishEarly() {
    const at = Date.now();
    commit(finish(tick(playerRef.current, timeline, at)), at, 'user');
  }

  function setPref(key: keyof Prefs, value: boolean) {
    const nextPrefs = { ...prefs, [key]: value };
    writePrefs(nextPrefs);
    if (key === 'sound' && value) unlockAudio();
  }

  // ——— What to show ———

  const status = player.status;
  const phase = timeline[player.index];
  const started = status === 'running' || status === 'paused';
  const isRepsPhase = started && phase?.kind === 'reps';
  const remaining = remainingSeconds(player, timeline, now);
  const timedSeconds = timeline.reduce((sum, p) => sum + p.seconds, 0);
  const hasRepsPhases = timeline.some((p) => p.kind === 'reps');

  let title: string;
  let progress: string;
  if (status === 'idle') {
    title = 'Ready when you are';
    const minutes = Math.max(1, Math.round(timedSeconds / 60));
    progress = `${describeDosage(dosage)}${hasRepsPhases ? '' : ` · about ${minutes} min`}`;
  } else {
    title = phaseTitle(timeline, player.index);
    progress = phase ? phaseProgress(phase) : '';
  }

  const first = timeline[0];
  const shownPhase = status === 'idle' ? first : phase;
  const timed = shownPhase !== undefined && shownPhase.kind !== 'reps';
  let countdownText = '0';
  let countdownUnit = '';
  if (shownPhase && timed) {
    const secondsLeft = status === 'idle' ? shownPhase.seconds : remaining;
    countdownText = formatClock(secondsLeft);
    countdownUnit = secondsLeft >= 60 ? 'minutes' : secondsLeft === 1 ? 'second' : 'seconds';
  } else if (shownPhase) {
    countdownText = String(shownPhase.reps);
    countdownUnit = shownPhase.reps === 1 ? 'rep' : 'reps';
  }
  const totalSets = first?.sets ?? 0;
  const doneSets = setsCompleted(player, timeline);

  const toggleLabel = status === 'idle' ? 'Start' : status === 'running' ? 'Pause' : 'Resume';
  const toggleIsPrimary = !isRepsPhase;

  return (
    <section ref={rootRef} data-testid="player" aria-labelledby={headingId} className="stack" style={{ paddingTop: '0.25rem' }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '0.75rem' }}>
        <h3 id={headingId} style={{ margin: 0, fontSize: '1.1rem' }}>
          {exercise.name}
        </h3>
        <button type="button" className="button button-quiet" style={tall} onClick={onClose}>
          Close
        </button>
      </div>

      {exercise.illustration ? (
        <div style={{ background: 'var(--surface-muted)', borderRadius: '10px', padding: '0.5rem', display: 'flex', justifyContent: 'center' }}>
          {/* Static SVG served as an image: it cannot run script. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`/illustrations/${exercise.illustration}`}
            alt={exercise.illustrationAlt ?? ''}
            width={320}
            height={200}
            style={{ width: '100%', maxWidth: '20rem', aspectRatio: '320 / 200' }}
          />
        </div>
      ) : null}

      {/* Announces each phase change, pause/resume and the last 3 seconds of longer phases; never every second. */}
      <div aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="player-announcer">
        {announcement}
      </div>

      {status === 'done' ? (
        <div ref={doneRef} tabIndex={-1} className="form-success" style={{ padding: '1rem', textAlign: 'center' }}>
          <p style={{ fontSize: '1.4rem', fontWeight: 700, margin: 0 }}>Well done.</p>
          <p style={{ margin: '0.25rem 0 0', fontWeight: 400 }}>
            {doneSets >= totalSets
              ? `You finished all ${totalSets === 1 ? 'of it' : `${totalSets} sets`}.`
              : doneSets === 0
                ? 'Stopping early is fine. Every bit counts.'
                : `You finished ${doneSets} of ${totalSets} sets.`}
          </p>
        </div>
      ) : (
        <div style={panel}>
          <p data-testid="player-phase" style={{ fontSize: '1.35rem', fontWeight: 700, margin: 0 }}>
            {title}
          </p>
          <p
            data-testid="player-countdown"
            role={timed ? 'timer' : undefined}
            aria-label={timed ? 'Time left' : 'Reps to do'}
            style={countdownStyle}
          >
            {countdownText}
          </p>
          <p className="muted" aria-hidden="true" style={{ margin: 0 }}>
            {countdownUnit}
            {status === 'paused' ? ' · paused' : ''}
          </p>
          {progress ? (
            <p data-testid="player-progress" style={{ margin: '0.75rem 0 0', fontSize: '1.05rem', fontWeight: 500 }}>
              {progress}
            </p>
          ) : null}

          <div style={buttonGrid}>
            {isRepsPhase ? (
              <button type="button" className="button" style={{ ...fullRow, ...tall, fontSize: '1.1rem' }} onClick={handleRepsDone}>
                Done
              </button>
            ) : null}
            <button
              ref={toggleRef}
              type="button"
              className={toggleIsPrimary ? 'button' : 'button button-secondary'}
              style={{ ...(started ? {} : fullRow), ...tall, ...(toggleIsPrimary ? { fontSize: '1.1rem' } : {}) }}
              onClick={handleToggle}
            >
              {toggleLabel}
            </button>
            {started ? (
              <button type="button" className="button button-secondary" style={tall} onClick={handleSkip}>
                Skip
              </button>
            ) : null}
            {started ? (
              <button type="button" className="button button-quiet" style={{ ...fullRow, ...tall }} onClick={handleFinishEarly}>
                I&apos;m done
              </button>
            ) : null}
          </div>
        </div>
      )}

      {status !== 'done' ? (
        <>
          <section aria-labelledby={`${baseId}-steps`}>
            <h4 id={`${baseId}-steps`} style={{ fontSize: '1.05rem', margin: '0 0 0.5rem' }}>
              How to do it
            </h4>
            <ol className="steps" style={{ margin: 0 }}>
              {exercise.steps.map((step, i) => (
                <li key={`${i}-${step}`}>{step}</li>
              ))}
            </ol>
          </section>

          {exercise.feel ? (
            <section aria-labelledby={`${baseId}-feel`}>
              <h4 id={`${baseId}-feel`} style={{ fontSize: '1.05rem', margin: '0 0 0.5rem' }}>
                What it should feel like
              </h4>
              <p style={{ margin: 0 }}>{exercise.feel}</p>
            </section>
          ) : null}

          {exercise.cautions.length > 0 ? (
            <section aria-labelledby={`${baseId}-cautions`}>
              <h4 id={`${baseId}-cautions`} style={{ fontSize: '1.05rem', margin: '0 0 0.5rem' }}>
                Take care
              </h4>
              <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {exercise.cautions.map((c, i) => (
                  <li key={`${i}-${c}`} style={{ marginBottom: '0.35rem' }}>
                    {c}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {exercise.stopIf.length > 0 ? (
            <section
              aria-labelledby={`${baseId}-stop`}
              data-testid="player-stop-if"
              style={{ border: '2px solid var(--danger)', background: 'var(--danger-soft)', borderRadius: 'var(--radius)', padding: '0.9rem 1rem' }}
            >
              <h4 id={`${baseId}-stop`} style={{ fontSize: '1.05rem', margin: '0 0 0.5rem', color: 'var(--danger)' }}>
                Stop if
              </h4>
              <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {exercise.stopIf.map((c, i) => (
                  <li key={`${i}-${c}`} style={{ marginBottom: '0.35rem' }}>
                    {c}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <fieldset aria-describedby={`${prefsId}-hint`}>
            <legend style={{ fontWeight: 600 }}>Signal the end of each hold and rest</legend>
            <p id={`${prefsId}-hint`} className="small muted" style={{ margin: '0 0 0.25rem' }}>
              Off unless you turn them on. Remembered on this device.
            </p>
            <label style={checkRow}>
              <input type="checkbox" style={checkBox} checked={prefs.sound} onChange={(e) => setPref('sound', e.target.checked)} />
              Short beep
            </label>
            <label style={checkRow}>
              <input type="checkbox" style={checkBox} checked={prefs.vibrate} onChange={(e) => setPref('vibrate', e.target.checked)} />
              Vibrate (on phones that can)
            </label>
          </fieldset>
        </>
      ) : null}
    </section>
  );
}
