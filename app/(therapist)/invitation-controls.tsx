'use client';
import { useActionState } from 'react';
import { invitationControlAction, type InvitationControlState } from './invitation-actions';

/** Resend and Revoke buttons for one invited person, with the outcome announced in place. */
export function InvitationControls({ userId, canRevoke, compact = false, label }: { userId: string; canRevoke: boolean; compact?: boolean; label?: string }) {
  const [state, action, pending] = useActionState<InvitationControlState, FormData>(invitationControlAction, {});
  const buttonClass = compact ? 'button button-quiet small' : 'button button-secondary';
  return (
    <form action={action} className="inline-actions">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" name="intent" value="resend" className={buttonClass} disabled={pending} aria-label={label ? `Resend invitation to ${label}` : undefined}>
        Resend invitation
      </button>
      {canRevoke ? (
        <button type="submit" name="intent" value="revoke" className={compact ? buttonClass : 'button button-quiet'} disabled={pending} aria-label={label ? `Revoke invitation of ${label}` : undefined}>
          Revoke
        </button>
      ) : null}
      <span aria-live="polite" className="small">
        {state.ok ? <span className="form-success inline-status">{state.ok}</span> : null}
        {state.error ? <span className="form-error inline-status">{state.error}</span> : null}
      </span>
    </form>
  );
}
