'use server';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { changePassword } from '@/lib/dal/account';
import { AppError } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/validation/account';
import { fieldErrors } from '@/lib/validation/fields';
import { asFormData } from '@/lib/validation/form-data';

export type ChangePasswordState = {
  ok?: boolean;
  error?: string;
  fieldErrors?: { currentPassword?: string[]; newPassword?: string[]; confirmPassword?: string[] };
};

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

const CHECK_FIELDS = 'Please check the fields marked below.';

/** The /account/password form: all field errors at once; passwords are never sent back. */
export async function changePasswordAction(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  formData = asFormData(formData);
  const viewer = await getViewer();
  if (!viewer) redirect('/login?next=/account/password');
  const input = { currentPassword: text(formData, 'currentPassword'), newPassword: text(formData, 'newPassword') };
  const parsed = changePasswordSchema.safeParse(input);
  const errors: Record<string, string[]> = parsed.success ? {} : fieldErrors(parsed.error);
  if (input.newPassword !== text(formData, 'confirmPassword')) errors.confirmPassword = ['The two new passwords do not match.'];
  if (!parsed.success || errors.confirmPassword) return { error: CHECK_FIELDS, fieldErrors: errors };
  try {
    await changePassword(viewer, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.fields) return { error: CHECK_FIELDS, fieldErrors: error.fields };
    if (error instanceof AppError && error.code === 'rate_limited') return { error: error.message };
    throw error;
  }
  return { ok: true };
}
