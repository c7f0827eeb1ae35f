'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/lib/auth/viewer';
import { assignArticles, unassignReading } from '@/lib/dal/reading';
import { fieldErrors } from '@/lib/validation/fields';
import { assignArticlesSchema } from '@/lib/validation/reading';
import { asFormData } from '@/lib/validation/form-data';

export type AssignState = {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  values: { patientId: string; articleIds: string[]; dueDate: string };
};

/** Assign one or several articles to a patient. Validates with the shared zod schema; keeps what was chosen on error. */
export async function assignArticlesAction(_prev: AssignState, formData: FormData): Promise<AssignState> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const values = {
    patientId: String(formData.get('patientId') ?? ''),
    articleIds: formData.getAll('articleIds').map(String),
    dueDate: String(formData.get('dueDate') ?? ''),
  };
  const parsed = assignArticlesSchema.safeParse({ patientId: values.patientId, articleIds: values.articleIds, dueDate: values.dueDate || null });
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error), error: 'Please check the fields marked below.' };
  const result = await assignArticles(viewer, parsed.data);
  if (!result) return { values, error: 'That patient or article was not found.' };
  revalidatePath('/library', 'layout');
  revalidatePath(`/patients/${parsed.data.patientId}`);
  const { assigned, alreadyAssigned } = result;
  const parts = [assigned ? `Assigned ${assigned} ${assigned === 1 ? 'article' : 'articles'}.` : '', alreadyAssigned ? `${alreadyAssigned} already assigned.` : ''];
  return { values: { ...values, articleIds: [] }, ok: parts.filter(Boolean).join(' ') };
}

export async function unassignReadingAction(formData: FormData): Promise<void> {
  formData = asFormData(formData);
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const assignmentId = String(formData.get('assignmentId') ?? '');
  const patientId = String(formData.get('patientId') ?? '');
  await unassignReading(viewer, assignmentId);
  revalidatePath(`/patients/${patientId}`);
}
