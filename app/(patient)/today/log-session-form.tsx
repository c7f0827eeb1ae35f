'use client';
import { useEffect, useId, useRef, useState } from 'react';
import type { Difficulty } from '@/db/schema/enums';
import { DIFFICULTY_LABELS } from '@/lib/format';
import { PainScale } from '@/lib/ui/pain-scale';

export type LogValues = { setsDone: number; painBefore: number | null; painAfter: number | null; difficulty: Difficulty | null; note: string | null };

type Props = {
  exerciseName: string;
  defaultSets: number;
  pending: boolean;
  error: { message: string; fields: Record<string, string[]> } | null;
  onSubmit: (values: LogValues) => void;
  onCancel: () => void;
};

/** Sets done, pain before and after (0–10), how it felt, an optional note. What was typed stays on an error. */
export function LogSessionForm({ exerciseName, defaultSets, pending, error, onSubmit, onCancel }: Props) {
  const id = useId();
  const [setsDone, setSetsDone] = useState(String(defaultSets));
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>(null);
  const [note, setNote] = useState('');
  // The button that opened the form is gone: focus moves to the form itself (announced by its
  // label), not into a field, so a phone does not pop its keyboard up unasked.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.focus();
  }, []);
  const fields = error?.fields ?? {};
  const setsError = fields.setsDone?.[0];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const n = Number(setsDone.trim());
    onSubmit({ setsDone: setsDone.trim() === '' || !Number.isFinite(n) ? Number.NaN : n, painBefore, painAfter, difficulty, note: note.trim() || null });
  }

  return (
    <form ref={formRef} tabIndex={-1} onSubmit={submit} noValidate aria-label={`Log ${exerciseName}`} style={{ marginTop: '0.75rem' }}>
      {error ? (
        <p className="form-error" role="alert">
          {Object.keys(fields).length ? 'Please check the field marked below.' : error.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-sets`}>Sets done</label>
        <div className="stepper">
          <button type="button" className="button button-secondary" aria-label="One set fewer" onClick={() => setSetsDone(String(Math.max(1, (Number(setsDone) || 1) - 1)))}>
            −
          </button>
          <input
            id={`${id}-sets`}
            className="input"
            inputMode="numeric"
            value={setsDone}
            onChange={(e) => setSetsDone(e.target.value)}
            aria-invalid={setsError ? true : undefined}
            aria-describedby={setsError ? `${id}-sets-error` : undefined}
          />
          <button type="button" className="button button-secondary" aria-label="One set more" onClick={() => setSetsDone(String(Math.min(20, (Number(setsDone) || 0) + 1)))}>
            +
          </button>
        </div>
        {setsError ? (
          <p id={`${id}-sets-error`} className="field-error">
            Sets done {setsError}.
          </p>
        ) : null}
      </div>
      <PainScale name={`${id}-before`} legend="Pain before" value={painBefore} onChange={setPainBefore} error={fields.painBefore?.[0] && `Pain before ${fields.painBefore[0]}.`} />
      <PainScale name={`${id}-after`} legend="Pain after" value={painAfter} onChange={setPainAfter} error={fields.painAfter?.[0] && `Pain after ${fields.painAfter[0]}.`} />
      <fieldset className="field">
        <legend>
          How did it feel? <span className="muted small">(optional)</span>
        </legend>
        <div className="segmented">
          {(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => (
            <label key={d}>
              <input type="radio" name={`${id}-difficulty`} value={d} checked={difficulty === d} onChange={() => setDifficulty(d)} />
              {DIFFICULTY_LABELS[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          Note for your therapist <span className="muted small">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="textarea"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={fields.note ? true : undefined}
          aria-describedby={fields.note ? `${id}-note-error` : undefined}
        />
        {fields.note ? (
          <p id={`${id}-note-error`} className="field-error">
            Note {fields.note[0]}.
          </p>
        ) : null}
      </div>
      <div className="progress-line">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Save session'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
