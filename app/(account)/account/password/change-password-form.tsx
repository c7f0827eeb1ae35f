'use client';
import { useActionState } from 'react';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-rules';
import { TextField } from '@/lib/ui/text-field';
import { changePasswordAction, type ChangePasswordState } from './actions';

/** Every field is a password, so all of them are cleared after a submit (never sent back). */
export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.ok ? (
        <p className="form-success" role="status">
          Your password is changed. Use the new one next time you sign in.
        </p>
      ) : null}
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={errors.currentPassword?.[0]}
      />
      <TextField
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not a common password, and not your current one. A short sentence you will remember works well.`}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        error={errors.newPassword?.[0]}
      />
      <TextField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="Type the new password again"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.[0]}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
