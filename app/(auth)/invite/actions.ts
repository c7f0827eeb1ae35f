'use server';
import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/config';
import { sourceFromHeaders } from '@/lib/auth/source';
import { homePathFor } from '@/lib/auth/viewer';
import { acceptInvitation } from '@/lib/dal/invitations';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/fields';
import { acceptInvitationSchema } from '@/lib/validation/invitations';

export type AcceptInviteState = {
  error?: string;
  fieldErrors?: { password?: string[]; confirmPassword?: string[]; token?: string[] };
  /** The link was used, revoked or expired while the form was open. */
  closed?: boolean;
};

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

/** Sets the invited person's password, then signs them in and opens their home page. Passwords are never sent back. */
export async function acceptInvitationAction(_prev: AcceptInviteState, formData: FormData): Promise<AcceptInviteState> {
  const input = { token: text(formData, 'token'), password: text(formData, 'password'), confirmPassword: text(formData, 'confirmPassword') };
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), error: 'Please check the fields marked below.' };
  let accepted: Awaited<ReturnType<typeof acceptInvitation>>;
  try {
    accepted = await acceptInvitation(parsed.data, sourceFromHeaders(await headers()));
  } catch (error) {
    if (error instanceof AppError && error.fields) return { fieldErrors: error.fields, error: 'Please check the fields marked below.' };
    throw error;
  }
  if (!accepted) return { closed: true };
  try {
    await signIn('credentials', { email: accepted.email, password: parsed.data.password, redirectTo: homePathFor(accepted.role) });
  } catch (error) {
    // The password is set either way; if signing in is refused (e.g. a lockout), the sign-in page takes over.
    if (error instanceof AuthError) redirect('/login');
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
