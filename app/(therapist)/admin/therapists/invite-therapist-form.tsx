'use client';
import { useActionState } from 'react';
import { inviteTherapistAction, type InviteTherapistState } from '../actions';

export function InviteTherapistForm() {
  const [state, action, pending] = useActionState<InviteTherapistState, FormData>(inviteTherapistAction, { values: { name: '', email: '' } });
  const err = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} noValidate aria-label="Invite a therapist">
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.ok ? (
        <p className="form-success" role="status" style={{ marginBottom: '0.75rem' }}>
          {state.ok}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="therapist-name">Name</label>
        <input id="therapist-name" name="name" className="input" autoComplete="off" defaultValue={state.values.name} aria-invalid={err('name') ? true : undefined} aria-describedby={err('name') ? 'therapist-name-error' : undefined} />
        {err('name') ? (
          <p id="therapist-name-error" className="field-error">
            {err('name')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="therapist-email">Email</label>
        <input id="therapist-email" name="email" type="email" className="input" autoComplete="off" defaultValue={state.values.email} aria-invalid={err('email') ? true : undefined} aria-describedby={err('email') ? 'therapist-email-error' : undefined} />
        {err('email') ? (
          <p id="therapist-email-error" className="field-error">
            {err('email')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Inviting…' : 'Send invitation'}
      </button>
    </form>
  );
}
