'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-rules';
import { TextField } from '@/lib/ui/text-field';
import { acceptInvitationAction, type AcceptInviteState } from '../actions';

export function AcceptInviteForm({ token, email, closedMessage }: { token: string; email: string; closedMessage: string }) {
  const [state, action, pending] = useActionState<AcceptInviteState, FormData>(acceptInvitationAction, {});
  if (state.closed) {
    return (
      <div role="alert" data-testid="invitation-closed">
        <p className="form-error">{closedMessage}</p>
        <p className="muted small">
          Already set your password? <Link href="/login">Sign in</Link>.
        </p>
      </div>
    );
  }
  const passwordError = state.fieldErrors?.password?.[0];
  const confirmError = state.fieldErrors?.confirmPassword?.[0];
  return (
    <form action={action} noValidate>
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="invite-email">Email</label>
        {/* Read-only, so password managers save the new password under the right account. */}
        <input id="invite-email" name="email" type="email" className="input" autoComplete="username" value={email} readOnly />
      </div>
      <TextField
        id="password"
        name="password"
        type="password"
        label="New password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A short sentence you will remember works well.`}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        error={passwordError}
      />
      <TextField id="confirmPassword" name="confirmPassword" type="password" label="Type it again" autoComplete="new-password" required error={confirmError} />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? 'Setting up…' : 'Set password and sign in'}
      </button>
    </form>
  );
}
