'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { requireViewer } from '@/lib/auth/viewer';
import { reassignPatient, setStaffDisabled } from '@/lib/dal/clinic-admin';
import { inviteTherapist } from '@/lib/dal/invitations';
import { AppError } from '@/lib/errors';
import { appOriginFrom } from '@/lib/mail/transport';
import { reassignPatientSchema, setTherapistDisabledSchema } from '@/lib/validation/admin';
import { fieldErrors } from '@/lib/validation/fields';
import { inviteTherapistSchema } from '@/lib/validation/invitations';
import { asFormData } from '@/lib/validation/form-data';

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

const firstFieldError = (fields: Record<string, string[]>) => Object.values(fields)[0]?.[0];

export type InviteTherapistState = { ok?: string; error?: string; fieldErrors?: Record<string, string[]>; values: { name: string; email: string } };

export async function inviteTherapistAction(_prev: InviteTherapistState, formData: FormData): Promise<InviteTherapistState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['admin'] });
  const values = { name: text(formData, 'name').slice(0, 300), email: text(formData, 'email').slice(0, 300) };
  const parsed = inviteTherapistSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error), error: 'Please check the fields marked below.' };
  try {
    const created = await inviteTherapist(viewer, values, appOriginFrom(await headers()));
    if (!created) return { values, error: 'Only clinic admins can invite therapists.' };
    revalidatePath('/admin/therapists');
    const where = created.delivery === 'sent' ? 'The invitation email was sent.' : 'The email is in the Outbox: copy the link from there.';
    return { values: { name: '', email: '' }, ok: `${parsed.data.name} was invited. ${where}` };
  } catch (error) {
    if (error instanceof AppError && error.fields) return { values, fieldErrors: error.fields, error: 'Please check the fields marked below.' };
    throw error;
  }
}

export type RowActionState = { ok?: string; error?: string };

/** Disable (signs them out everywhere at once) or re-enable a therapist or admin of the clinic. */
export async function setStaffDisabledAction(_prev: RowActionState, formData: FormData): Promise<RowActionState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['admin'] });
  const parsed = setTherapistDisabledSchema.safeParse({ therapistId: text(formData, 'therapistId'), disabled: text(formData, 'disabled') === 'true' });
  if (!parsed.success) return { error: 'That account was not found.' };
  try {
    const result = await setStaffDisabled(viewer, parsed.data);
    if (!result) return { error: 'That account was not found.' };
    revalidatePath('/admin', 'layout');
    if (!result.disabled) return { ok: 'Enabled. They can sign in again.' };
    return { ok: `Disabled. ${result.sessionsRevoked ? `Signed out of ${result.sessionsRevoked} ${result.sessionsRevoked === 1 ? 'session' : 'sessions'}.` : 'They were not signed in.'}` };
  } catch (error) {
    if (error instanceof AppError && error.fields) return { error: firstFieldError(error.fields) ?? error.message };
    throw error;
  }
}

/** Moves one patient to another active therapist of the clinic. */
export async function reassignPatientAction(_prev: RowActionState, formData: FormData): Promise<RowActionState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['admin'] });
  const parsed = reassignPatientSchema.safeParse({ patientId: text(formData, 'patientId'), therapistId: text(formData, 'therapistId') });
  if (!parsed.success) return { error: parsed.error.issues.some((i) => i.path[0] === 'therapistId') ? 'Choose a therapist.' : 'That patient was not found.' };
  try {
    const result = await reassignPatient(viewer, parsed.data);
    if (!result) return { error: 'That patient was not found.' };
    revalidatePath('/admin/patients');
    revalidatePath('/caseload');
    return { ok: result.fromTherapistId === result.toTherapistId ? 'Already with that therapist.' : 'Moved.' };
  } catch (error) {
    if (error instanceof AppError && error.fields) return { error: firstFieldError(error.fields) ?? error.message };
    throw error;
  }
}
