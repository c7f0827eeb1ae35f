'use client';
import { useActionState } from 'react';
import { TextField } from '@/lib/ui/text-field';
import { signInAction, type SignInState } from '../actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { values: { email: '' } });
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <form action={action} noValidate>
      <input type="hidden" name="next" value={next} />
      {state.error ? (
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {state.error}
        </p>
      ) : null}
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required defaultValue={state.values.email} error={emailError} />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required error={passwordError} />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
