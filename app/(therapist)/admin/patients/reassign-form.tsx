'use client';
import { useActionState, useId } from 'react';
import { reassignPatientAction, type RowActionState } from '../actions';

export function ReassignForm({ patientId, patientName, therapists }: { patientId: string; patientName: string; therapists: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState<RowActionState, FormData>(reassignPatientAction, {});
  const id = useId();
  if (therapists.length === 0) return <span className="muted small">No other active therapist</span>;
  return (
    <form action={action} className="inline-actions">
      <input type="hidden" name="patientId" value={patientId} />
      <label htmlFor={`${id}-therapist`} className="visually-hidden">
        Move {patientName} to
      </label>
      <select id={`${id}-therapist`} name="therapistId" className="select" defaultValue="" style={{ width: 'auto', minHeight: '2.25rem', padding: '0.3rem 0.5rem' }}>
        <option value="">Choose…</option>
        {therapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary small" style={{ minHeight: '2.25rem' }} disabled={pending} aria-label={`Move ${patientName}`}>
        Move
      </button>
      <span aria-live="polite" className="small">
        {state.ok ? <span className="form-success inline-status">{state.ok}</span> : null}
        {state.error ? <span className="form-error inline-status">{state.error}</span> : null}
      </span>
    </form>
  );
}
