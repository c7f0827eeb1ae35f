'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { invitePatient, resendInvitation, revokeInvitation } from '@/lib/dal/invitations';
import { AppError } from '@/lib/errors';
import { appOriginFrom } from '@/lib/mail/transport';
import { fieldErrors } from '@/lib/validation/fields';
import { invitationTargetSchema, invitePatientSchema } from '@/lib/validation/invitations';
import { asFormData } from '@/lib/validation/form-data';

export type AddPatientValues = { name: string; email: string; timeZone: string; conditionNote: string; therapistId: string };
export type AddPatientState = { error?: string; fieldErrors?: Record<string, string[]>; values: AddPatientValues };

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

/** Adds a patient and sends their invitation, then opens the patient's page. Every field error comes back with what was typed. */
export async function addPatientAction(_prev: AddPatientState, formData: FormData): Promise<AddPatientState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const values: AddPatientValues = {
    name: text(formData, 'name').slice(0, 300),
    email: text(formData, 'email').slice(0, 300),
    timeZone: text(formData, 'timeZone').slice(0, 100),
    conditionNote: text(formData, 'conditionNote').slice(0, 1000),
    therapistId: text(formData, 'therapistId').slice(0, 64),
  };
  const input = viewer.role === 'admin' ? values : { ...values, therapistId: '' };
  const parsed = invitePatientSchema.safeParse(input);
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error), error: 'Please check the fields marked below.' };
  let created: Awaited<ReturnType<typeof invitePatient>>;
  try {
    created = await invitePatient(viewer, input, appOriginFrom(await headers()));
  } catch (error) {
    if (error instanceof AppError && error.fields) return { values, fieldErrors: error.fields, error: 'Please check the fields marked below.' };
    throw error;
  }
  if (!created) return { values, error: 'You cannot add patients.' };
  revalidatePath('/caseload');
  redirect(`/patients/${created.userId}?invited=${created.delivery}`);
}

export type InvitationControlState = { ok?: string; error?: string };

const DELIVERY_MESSAGES = {
  outbox: 'A new link was created. There is no mail server here: copy it from the Outbox.',
  sent: 'A new invitation email was sent. The old link no longer works.',
  failed: 'A new link was created, but the email could not be sent. Copy it from the Outbox.',
} as const;

/** Resend (a fresh link; the old one stops working) or revoke, chosen by the submit button. */
export async function invitationControlAction(_prev: InvitationControlState, formData: FormData): Promise<InvitationControlState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const parsed = invitationTargetSchema.safeParse({ userId: text(formData, 'userId') });
  if (!parsed.success) return { error: 'That invitation was not found.' };
  const intent = text(formData, 'intent');
  try {
    if (intent === 'resend') {
      const result = await resendInvitation(viewer, parsed.data, appOriginFrom(await headers()));
      if (!result) return { error: 'That invitation was not found.' };
      revalidatePath('/', 'layout');
      return { ok: DELIVERY_MESSAGES[result.delivery] };
    }
    if (intent === 'revoke') {
      const result = await revokeInvitation(viewer, parsed.data);
      if (!result) return { error: 'That invitation was not found.' };
      revalidatePath('/', 'layout');
      return { ok: result.revoked ? 'The invitation was revoked. Its link no longer works.' : 'There was no open invitation to revoke.' };
    }
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { error: error.message };
    throw error;
  }
  return { error: 'Choose Resend or Revoke.' };
}
