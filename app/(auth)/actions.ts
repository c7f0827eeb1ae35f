'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/lib/auth/config';
import { getViewer } from '@/lib/auth/viewer';
import { signOutViewer } from '@/lib/dal/sessions';
import { signInSchema } from '@/lib/validation/auth';
import { fieldErrors } from '@/lib/validation/fields';

export type SignInState = {
  /** Shown above the form; generic on purpose (never says whether the email exists). */
  error?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  /** What the person typed, so nothing is lost on an error. Never the password. */
  values: { email: string };
};

/** Only same-site paths are followed after sign-in. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const values = { email: email.slice(0, 254) };
  const parsed = signInSchema.safeParse({ email, password: formData.get('password') ?? '' });
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error) };
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: safeNext(formData.get('next')) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'locked') {
      return { values, error: 'Too many attempts for this account. For your safety, sign-in is paused for 15 minutes.' };
    }
    if (error instanceof AuthError) return { values, error: 'That email and password do not match an account. Check them and try again.' };
    throw error; // the redirect after a successful sign-in
  }
  return { values };
}

export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await signOutViewer(viewer);
  await signOut({ redirect: false });
  redirect('/login?signed-out=1');
}
