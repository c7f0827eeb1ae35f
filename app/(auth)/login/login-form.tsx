'use client';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { TextField } from '@/lib/ui/text-field';

type Fields = { email?: string[]; password?: string[] };
type Failure = { error?: { code?: string; message?: string; fields?: Fields } };

/** Messages for the no-JavaScript form post, which comes back as /login?error=<code>. */
const MESSAGES: Record<string, string> = {
  invalid_credentials: 'That email and password do not match an account. Check them and try again.',
  locked: 'Too many attempts for this account. For your safety, sign-in is paused for 15 minutes.',
  rate_limited: 'Too many sign-in attempts from this network. Please wait a few minutes and try again.',
  invalid_input: 'Enter your email address and password.',
};
const UNREACHABLE = 'We could not reach Limber. Check your connection and try again.';

/**
 * Posts to /api/sign-in. With JavaScript it stays on the page and shows the answer next to the
 * fields, keeping what was typed; without it, the browser posts the form and the route redirects.
 */
export function LoginForm({ next }: { next: string }) {
  const searchParams = useSearchParams();
  const fromRedirect = searchParams.get('error');
  const [error, setError] = useState<string | undefined>(fromRedirect ? MESSAGES[fromRedirect] : undefined);
  const [fields, setFields] = useState<Fields>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      const response = await fetch('/api/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ email: data.get('email'), password: data.get('password'), next }),
      });
      if (response.ok) {
        const { redirectTo } = (await response.json()) as { redirectTo: string };
        // A full navigation: every server component renders again with the new session.
        window.location.assign(redirectTo);
        return;
      }
      const failure = (await response.json().catch(() => ({}))) as Failure;
      if (failure.error?.fields) {
        setFields(failure.error.fields);
      } else {
        // A refused password is cleared (the email stays) and the cursor waits in the password field.
        setError(failure.error?.message ?? MESSAGES.invalid_credentials);
        const password = form.elements.namedItem('password');
        if (password instanceof HTMLInputElement) {
          password.value = '';
          password.focus();
        }
      }
    } catch {
      setError(UNREACHABLE);
    }
    setPending(false);
  }

  return (
    <form method="post" action="/api/sign-in" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="next" value={next} />
      {error ? (
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      ) : null}
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required error={fields.email?.[0]} />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required error={fields.password?.[0]} />
      <button type="submit" className="button button-block" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
