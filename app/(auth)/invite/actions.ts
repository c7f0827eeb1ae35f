'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authenticate } from '@/lib/auth/credentials';
import { setSessionCookieInAction } from '@/lib/auth/session-cookie';
import { sourceFromHeaders } from '@/lib/auth/source';
import { homePathFor } from '@/lib/auth/viewer';
import { acceptInvitation } from '@/lib/dal/invitations';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/fields';
import { acceptInvitationSchema } from '@/lib/validation/invitations';
import { asFormData } from '@/lib/validation/form-data';

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
  formData = asFormData(formData);
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
  // The password is set either way; signing in goes through the same checks (and limits) as the
  // sign-in page, and if it is refused the sign-in page takes over.
  const signedIn = await authenticate({ email: accepted.email, password: parsed.data.password }, sourceFromHeaders(await headers()));
  if (!signedIn.ok) redirect('/login');
  await setSessionCookieInAction(signedIn.user.sessionId);
  redirect(homePathFor(accepted.role));
}
