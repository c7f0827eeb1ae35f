'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { Difficulty } from '@/db/schema/enums';
import { DIFFICULTY_LABELS } from '@/lib/format';
import { PainScale } from '@/lib/ui/pain-scale';
import type { RecordSessionLogInput } from '@/lib/validation/session-logs';

type Props = { planItemId: string; exerciseName: string; defaultSets: number; doneToday: number; sessionsPerDay: number };
type FieldErrors = Partial<Record<keyof RecordSessionLogInput | '_', string[]>>;

class LogError extends Error {
  constructor(message: string, readonly fields: FieldErrors = {}) {
    super(message);
  }
}

async function postSessionLog(input: RecordSessionLogInput): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/session-logs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  } catch {
    throw new LogError('No connection right now. Your entries are still here: try again in a moment.');
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: FieldErrors } } | null;
  if (response.status === 401) throw new LogError('You were signed out. Please sign in again, then log this session.');
  if (response.status === 404) throw new LogError('This stretch is no longer in your plan. Refresh the page to see your current plan.');
  throw new LogError(body?.error?.message ?? 'Could not save this session. Please try again.', body?.error?.fields ?? {});
}

export function LogSessionForm({ planItemId, exerciseName, defaultSets, doneToday, sessionsPerDay }: Props) {
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  // One id per session being logged: a retry after a failure reuses it, so the server never records it twice.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [setsDone, setSetsDone] = useState(String(defaultSets));
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>(null);
  const [saved, setSaved] = useState(false);
  // Sessions shown as done before the server's count includes them; cleared when it does.
  const [optimistic, setOptimistic] = useState(0);
  const [serverDone, setServerDone] = useState(doneToday);
  if (serverDone !== doneToday) {
    setServerDone(doneToday);
    setOptimistic(0);
  }

  const mutation = useMutation<void, LogError, RecordSessionLogInput>({
    mutationFn: postSessionLog,
    onMutate: () => {
      setOptimistic((n) => n + 1);
      setSaved(false);
    },
    onError: () => setOptimistic((n) => n - 1),
    onSuccess: () => {
      setOpen(false);
      setSaved(true);
      setClientId(crypto.randomUUID());
      setPainBefore(null);
      setPainAfter(null);
      setDifficulty(null);
      router.refresh();
    },
  });

  const done = doneToday + optimistic;
  const isComplete = done >= sessionsPerDay;
  const fields = mutation.error?.fields ?? {};
  const setsNumber = Number(setsDone);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    mutation.mutate({ clientId, planItemId, setsDone: Number.isFinite(setsNumber) ? setsNumber : NaN, painBefore, painAfter, difficulty });
  }

  return (
    <div>
      <div className="progress-line" data-testid="item-progress">
        {isComplete ? <span className="done-mark">✓ Done for today</span> : null}
        <span className="muted">
          {Math.min(done, sessionsPerDay)} of {sessionsPerDay} {sessionsPerDay === 1 ? 'session' : 'sessions'} done
        </span>
      </div>
      {saved && !mutation.isPending ? (
        <p className="form-success" role="status" style={{ marginTop: '0.5rem' }}>
          Saved. Well done.
        </p>
      ) : null}
      {!open ? (
        <button
          type="button"
          className={isComplete ? 'button button-secondary' : 'button button-block'}
          style={{ marginTop: '0.75rem' }}
          onClick={() => {
            setOpen(true);
            setSaved(false);
          }}
        >
          {isComplete ? 'Log an extra session' : 'Mark done'}
        </button>
      ) : (
        <form onSubmit={submit} noValidate aria-label={`Log ${exerciseName}`} style={{ marginTop: '0.75rem' }}>
          {mutation.error ? (
            <p className="form-error" role="alert">
              {Object.keys(fields).length ? 'Please check the field marked below.' : mutation.error.message}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor={`${formId}-sets`}>Sets done</label>
            <div className="stepper">
              <button type="button" className="button button-secondary" aria-label="One set fewer" onClick={() => setSetsDone(String(Math.max(1, (Number(setsDone) || 1) - 1)))}>
                −
              </button>
              <input
                id={`${formId}-sets`}
                className="input"
                inputMode="numeric"
                value={setsDone}
                onChange={(e) => setSetsDone(e.target.value)}
                aria-invalid={fields.setsDone ? true : undefined}
                aria-describedby={fields.setsDone ? `${formId}-sets-error` : undefined}
              />
              <button type="button" className="button button-secondary" aria-label="One set more" onClick={() => setSetsDone(String(Math.min(20, (Number(setsDone) || 0) + 1)))}>
                +
              </button>
            </div>
            {fields.setsDone ? (
              <p id={`${formId}-sets-error`} className="field-error">
                Sets done {fields.setsDone[0]}.
              </p>
            ) : null}
          </div>
          <PainScale name={`${formId}-before`} legend="Pain before" value={painBefore} onChange={setPainBefore} error={fields.painBefore?.[0] && `Pain before ${fields.painBefore[0]}.`} />
          <PainScale name={`${formId}-after`} legend="Pain after" value={painAfter} onChange={setPainAfter} error={fields.painAfter?.[0] && `Pain after ${fields.painAfter[0]}.`} />
          <fieldset className="field">
            <legend>
              How did it feel? <span className="muted small">(optional)</span>
            </legend>
            <div className="segmented">
              {(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => (
                <label key={d}>
                  <input type="radio" name={`${formId}-difficulty`} value={d} checked={difficulty === d} onChange={() => setDifficulty(d)} />
                  {DIFFICULTY_LABELS[d]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="progress-line">
            <button type="submit" className="button" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : 'Save session'}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
