'use client';
import { useActionState } from 'react';
import { setStaffDisabledAction, type RowActionState } from '../actions';

export function StaffDisableButton({ therapistId, name, disabled }: { therapistId: string; name: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<RowActionState, FormData>(setStaffDisabledAction, {});
  return (
    <form action={action} className="inline-actions">
      <input type="hidden" name="therapistId" value={therapistId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" className={disabled ? 'button button-secondary small' : 'button button-quiet small'} disabled={pending} aria-label={`${disabled ? 'Enable' : 'Disable'} ${name}`}>
        {disabled ? 'Enable' : 'Disable'}
      </button>
      <span aria-live="polite" className="small">
        {state.ok ? <span className="form-success inline-status">{state.ok}</span> : null}
        {state.error ? <span className="form-error inline-status">{state.error}</span> : null}
      </span>
    </form>
  );
}
