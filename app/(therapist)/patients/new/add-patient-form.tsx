'use client';
import { useActionState, useEffect, useRef } from 'react';
import { addPatientAction, type AddPatientState } from '../../invitation-actions';

type Props = { isAdmin: boolean; therapists: { id: string; name: string }[]; timeZones: string[] };

const INITIAL: AddPatientState = { values: { name: '', email: '', timeZone: '', conditionNote: '', therapistId: '' } };

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function AddPatientForm({ isAdmin, therapists, timeZones }: Props) {
  const [state, action, pending] = useActionState(addPatientAction, INITIAL);
  const zoneRef = useRef<HTMLSelectElement>(null);
  const errors = state.fieldErrors ?? {};
  const err = (field: string) => errors[field]?.[0];
  const describedBy = (field: string, hint?: string) => [hint, err(field) ? `${field}-error` : null].filter(Boolean).join(' ') || undefined;

  // Most patients live where their therapist works: start from this browser's zone.
  useEffect(() => {
    const select = zoneRef.current;
    if (!select || select.value) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZones.includes(zone)) select.value = zone;
  }, [timeZones, state]);

  return (
    <form action={action} noValidate aria-label="Add patient">
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="name">Name</label>
        <input id="name" name="name" className="input" autoComplete="off" defaultValue={state.values.name} aria-invalid={err('name') ? true : undefined} aria-describedby={describedBy('name')} />
        <FieldError id="name-error" message={err('name')} />
      </div>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" className="input" autoComplete="off" defaultValue={state.values.email} aria-invalid={err('email') ? true : undefined} aria-describedby={describedBy('email')} />
        <FieldError id="email-error" message={err('email')} />
      </div>
      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <p id="timeZone-hint" className="hint">
          Where the patient lives. Their &ldquo;today&rdquo; follows it.
        </p>
        <select
          ref={zoneRef}
          id="timeZone"
          name="timeZone"
          className="select"
          defaultValue={state.values.timeZone}
          key={`tz-${state.values.timeZone}`}
          aria-invalid={err('timeZone') ? true : undefined}
          aria-describedby={describedBy('timeZone', 'timeZone-hint')}
        >
          <option value="">Choose a time zone…</option>
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <FieldError id="timeZone-error" message={err('timeZone')} />
      </div>
      <div className="field">
        <label htmlFor="conditionNote">
          Condition note <span className="muted small">(optional)</span>
        </label>
        <p id="conditionNote-hint" className="hint">
          For example &ldquo;grade 1 lumbar strain&rdquo;. Seen by the clinic only, never in emails.
        </p>
        <textarea id="conditionNote" name="conditionNote" className="textarea" rows={2} maxLength={500} defaultValue={state.values.conditionNote} aria-invalid={err('conditionNote') ? true : undefined} aria-describedby={describedBy('conditionNote', 'conditionNote-hint')} />
        <FieldError id="conditionNote-error" message={err('conditionNote')} />
      </div>
      {isAdmin ? (
        <div className="field">
          <label htmlFor="therapistId">Therapist</label>
          <select id="therapistId" name="therapistId" className="select" defaultValue={state.values.therapistId} key={`th-${state.values.therapistId}`} aria-invalid={err('therapistId') ? true : undefined} aria-describedby={describedBy('therapistId')}>
            <option value="">Choose a therapist…</option>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <FieldError id="therapistId-error" message={err('therapistId')} />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Adding…' : 'Add patient and send invitation'}
      </button>
    </form>
  );
}
