'use client';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { TodayItem } from '@/lib/dal/today';
import { describeDosage } from '@/lib/format';
import type { TodayLog } from '@/lib/query/options';
import { LogSessionForm, type LogValues } from './log-session-form';
import { RefusedError, useRecordSessionLog, useUndoSessionLog } from './use-session-logs';

type Mode = 'idle' | 'player' | 'log';

// The guided player (timeline, sound, vibration) only runs after "Start": it loads then, which keeps
// it out of Today's first-load JavaScript. Hovering or focusing "Start" fetches it a moment early.
const loadPlayer = () => import('./exercise-player').then((m) => m.ExercisePlayer);
const ExercisePlayer = dynamic(loadPlayer, {
  ssr: false,
  loading: () => <p className="muted">Loading the player…</p>,
});

/** One stretch on Today: how much, how many done, the player, logging and undo. */
export function TodayItemCard({ item, logs, isNext }: { item: TodayItem; logs: TodayLog[]; isNext: boolean }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [setsFromPlayer, setSetsFromPlayer] = useState<number | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  // One id and timestamp per session being logged: a retry reuses both, so it can never count twice.
  const attempt = useRef<{ clientId: string; performedAt: string } | null>(null);
  const record = useRecordSessionLog();
  const undo = useUndoSessionLog();
  // Where keyboard focus goes when a form or the player closes (the element that had it is gone):
  // to Undo after a save, back to "Mark done" after a cancel.
  const undoRef = useRef<HTMLButtonElement>(null);
  const markRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'undo' | 'mark' | null>(null);

  const mine = logs.filter((l) => l.itemKey === item.itemKey);
  const done = mine.length;
  const queued = mine.filter((l) => l.status === 'queued').length;
  const isComplete = done >= item.sessionsPerDay;
  const lastLog = lastSaved ? mine.find((l) => l.clientId === lastSaved) : undefined;
  const refused = record.error instanceof RefusedError ? { message: record.error.message, fields: record.error.fields } : null;

  useEffect(() => {
    if (mode !== 'idle' || !focusNext.current) return;
    (focusNext.current === 'undo' ? (undoRef.current ?? markRef.current) : markRef.current)?.focus();
    focusNext.current = null;
  }, [mode, lastLog]);

  function submit(values: LogValues) {
    attempt.current ??= { clientId: crypto.randomUUID(), performedAt: new Date().toISOString() };
    const { clientId, performedAt } = attempt.current;
    record.mutate(
      { body: { clientId, performedAt, planItemId: item.planItemId, ...values }, itemKey: item.itemKey },
      {
        onSuccess: () => {
          attempt.current = null;
          setLastSaved(clientId);
          focusNext.current = 'undo';
          setMode('idle');
          setSetsFromPlayer(null);
        },
      },
    );
  }

  return (
    <li className="card exercise-card" data-testid="today-item" data-plan-item-id={item.planItemId}>
      <div>
        <h2>
          {item.exercise.name} {isNext ? <span className="badge badge-active">Next</span> : null}
        </h2>
        <p className="dosage">{describeDosage(item)}</p>
      </div>
      {mode !== 'player' && item.exercise.illustration ? (
        <div className="figure">
          {/* Static SVG served as an image: it cannot run script. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/illustrations/${item.exercise.illustration}`} alt={item.exercise.illustrationAlt ?? ''} width={320} height={200} />
        </div>
      ) : null}
      <div className="progress-line" data-testid="item-progress">
        {isComplete ? <span className="done-mark">✓ Done for today</span> : null}
        <span className="muted">
          {Math.min(done, item.sessionsPerDay)} of {item.sessionsPerDay} {item.sessionsPerDay === 1 ? 'session' : 'sessions'} done
        </span>
        {queued ? <span className="badge badge-paused">{queued} waiting to send</span> : null}
      </div>
      <div aria-live="polite">
        {lastLog && mode === 'idle' ? (
          <div className="form-success progress-line" style={{ justifyContent: 'space-between' }}>
            <span role="status">{lastLog.status === 'queued' ? 'Saved on this phone. It will be sent when you are back online.' : 'Saved. Well done.'}</span>
            <button
              ref={undoRef}
              type="button"
              className="button button-quiet"
              disabled={undo.isPending}
              onClick={() => undo.mutate(lastLog, { onSuccess: () => setLastSaved(null) })}
            >
              Undo
            </button>
          </div>
        ) : null}
        {undo.error ? (
          <p className="form-error" role="alert">
            {undo.error.message}
          </p>
        ) : null}
        {record.error && !refused ? (
          <p className="form-error" role="alert">
            {record.error.message}
          </p>
        ) : null}
      </div>
      {mode === 'player' ? (
        <ExercisePlayer
          exercise={item.player}
          dosage={{ sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds, side: item.side }}
          onFinished={({ setsCompleted }) => {
            setSetsFromPlayer(Math.max(1, setsCompleted));
            setMode('log');
          }}
          onClose={() => {
            focusNext.current = 'mark';
            setMode('idle');
          }}
        />
      ) : null}
      {mode === 'log' && setsFromPlayer !== null ? (
        <p className="form-success" role="status">
          Well done. Now note how it went.
        </p>
      ) : null}
      {mode === 'log' ? (
        <LogSessionForm
          key={setsFromPlayer ?? 'manual'}
          exerciseName={item.exercise.name}
          defaultSets={setsFromPlayer ?? item.sets}
          pending={record.isPending}
          error={refused}
          onSubmit={submit}
          onCancel={() => {
            record.reset();
            focusNext.current = 'mark';
            setMode('idle');
          }}
        />
      ) : null}
      {mode === 'idle' ? (
        <div className="progress-line">
          <button
            type="button"
            className={isComplete ? 'button button-secondary' : 'button'}
            onPointerEnter={() => void loadPlayer()}
            onFocus={() => void loadPlayer()}
            onClick={() => setMode('player')}
          >
            {isComplete ? 'Do it again' : 'Start'}
          </button>
          <button
            ref={markRef}
            type="button"
            className="button button-secondary"
            onClick={() => {
              record.reset();
              setMode('log');
            }}
          >
            {isComplete ? 'Log an extra session' : 'Mark done'}
          </button>
        </div>
      ) : null}
    </li>
  );
}
