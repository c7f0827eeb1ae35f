'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { RedFlag } from '@/db/schema/enums';
import type { CheckInDto } from '@/lib/dal/check-ins';
import { PAIN_ANCHORS } from '@/lib/format';
import { PATIENT_SERIES_KEY } from '@/lib/query/options';
import { RED_FLAG_QUESTIONS, URGENT_CARE_NOW } from '@/lib/safety';
import { PainScale } from '@/lib/ui/pain-scale';
import type { BodyArea } from '@/lib/validation/check-ins';

const AREA_LABELS: Record<BodyArea, string> = {
  low_back: 'Low back',
  mid_back: 'Middle of the back',
  upper_back: 'Upper back and shoulders',
  neck: 'Neck',
  hip_buttock: 'Hip or buttock',
  leg: 'Leg',
};
// Taken from the label maps (which the types keep complete and in the same order) rather than from
// db/schema/enums and lib/validation: importing those values would ship drizzle and zod to the browser.
const BODY_AREAS = Object.keys(AREA_LABELS) as BodyArea[];
const RED_FLAGS = Object.keys(RED_FLAG_QUESTIONS) as RedFlag[];

type Saved = { checkIn: CheckInDto; replaced: boolean; urgent: boolean };
type Fields = Record<string, string[]>;

class CheckInError extends Error {
  constructor(message: string, readonly fields: Fields = {}) {
    super(message);
  }
}

async function putCheckIn(body: { pain: number | null; bodyArea: BodyArea | null; note: string | null; redFlags: RedFlag[] }): Promise<Saved> {
  let res: Response;
  try {
    res = await fetch('/api/check-ins', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new CheckInError('No connection right now. Your answers are still here: try again in a moment.');
  }
  if (res.ok) return (await res.json()) as Saved;
  const payload = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Fields } } | null;
  if (res.status === 401) throw new CheckInError('You were signed out. Please sign in again.');
  throw new CheckInError(payload?.error?.message ?? 'Could not save your check-in. Please try again.', payload?.error?.fields ?? {});
}

/** The daily pain check-in: 0–10, where it hurts, a note, and the warning-sign questions. */
export function CheckInCard({ initial }: { initial: CheckInDto | null }) {
  const id = useId();
  const [saved, setSaved] = useState<CheckInDto | null>(initial);
  const [editing, setEditing] = useState(initial === null);
  const [pain, setPain] = useState<number | null>(initial?.pain ?? null);
  const [bodyArea, setBodyArea] = useState<BodyArea | ''>((initial?.bodyArea as BodyArea | null) ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [redFlags, setRedFlags] = useState<RedFlag[]>(initial?.redFlags ?? []);
  const [missingPain, setMissingPain] = useState(false);
  const queryClient = useQueryClient();
  // Saving swaps the form for a summary (and "Change" the other way): focus follows, so a
  // keyboard or screen-reader user is not dropped to the top of the page.
  const changeRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    if (editing) formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]')?.focus();
    else changeRef.current?.focus();
  }, [editing]);
  const mutation = useMutation<Saved, CheckInError, Parameters<typeof putCheckIn>[0]>({
    mutationFn: putCheckIn,
    onSuccess: (result) => {
      setSaved(result.checkIn);
      moveFocus.current = true;
      setEditing(false);
      // The pain charts include today's check-in: refetch them.
      void queryClient.invalidateQueries({ queryKey: PATIENT_SERIES_KEY });
    },
  });
  const fields = mutation.error?.fields ?? {};
  const urgent = redFlags.length > 0;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // aria-disabled (not disabled) while saving: a disabled button would drop keyboard focus.
    if (mutation.isPending) return;
    if (pain === null) {
      setMissingPain(true);
      return;
    }
    mutation.mutate({ pain, bodyArea: bodyArea || null, note: note.trim() || null, redFlags });
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="check-in">
      <h2 id={`${id}-heading`} style={{ fontSize: '1.15rem' }}>
        Daily pain check-in
      </h2>
      {urgent && !editing ? <UrgentCare /> : null}
      {!editing && saved ? (
        <div className="progress-line" style={{ justifyContent: 'space-between' }}>
          <p style={{ margin: 0 }} role="status">
            Done for today: pain <strong>{saved.pain}</strong> out of 10{PAIN_ANCHORS[saved.pain] ? ` (${PAIN_ANCHORS[saved.pain]})` : ''}. Thank you.
          </p>
          <button
            ref={changeRef}
            type="button"
            className="button button-quiet"
            onClick={() => {
              moveFocus.current = true;
              setEditing(true);
            }}
          >
            Change
          </button>
        </div>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="Daily pain check-in">
          {mutation.error ? (
            <p className="form-error" role="alert">
              {Object.keys(fields).length ? 'Please check the field marked below.' : mutation.error.message}
            </p>
          ) : null}
          <p className="muted small" style={{ marginBottom: '0.5rem' }}>
            How much does it hurt right now, from 0 (no pain) to 10 (the worst you can imagine)?
          </p>
          <PainScale
            name={`${id}-pain`}
            legend="Pain right now"
            optional={false}
            value={pain}
            onChange={(v) => {
              setPain(v);
              setMissingPain(false);
            }}
            error={missingPain ? 'Choose a number from 0 to 10.' : fields.pain?.[0] && `Pain ${fields.pain[0]}.`}
          />
          <div className="field">
            <label htmlFor={`${id}-area`}>
              Where? <span className="muted small">(optional)</span>
            </label>
            <select id={`${id}-area`} className="select" value={bodyArea} onChange={(e) => setBodyArea(e.target.value as BodyArea | '')}>
              <option value="">Choose…</option>
              {BODY_AREAS.map((a) => (
                <option key={a} value={a}>
                  {AREA_LABELS[a]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>Since yesterday, have you had any of these?</legend>
            <div className="choices">
              {RED_FLAGS.map((flag) => (
                <label key={flag} className="choice">
                  <input
                    type="checkbox"
                    checked={redFlags.includes(flag)}
                    onChange={(e) => setRedFlags((prev) => (e.target.checked ? [...prev, flag] : prev.filter((f) => f !== flag)))}
                  />
                  <span>{RED_FLAG_QUESTIONS[flag]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {/* Right where the box was ticked, so it is seen at once. */}
          {urgent ? <UrgentCare /> : null}
          <div className="field">
            <label htmlFor={`${id}-note`}>
              Anything else? <span className="muted small">(optional)</span>
            </label>
            <textarea id={`${id}-note`} className="textarea" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="progress-line">
            <button type="submit" className="button" aria-disabled={mutation.isPending || undefined}>
              {mutation.isPending ? 'Saving…' : saved ? 'Update check-in' : 'Save check-in'}
            </button>
            {saved ? (
              <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
                Cancel
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

function UrgentCare() {
  return (
    <div className="form-error" role="alert" data-testid="urgent-care">
      <strong>Please get urgent care.</strong> {URGENT_CARE_NOW}
    </div>
  );
}
