'use server';
import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/lib/auth/viewer';
import { deleteTemplate, savePlan, saveTemplate, setPlanStatus } from '@/lib/dal/plans-edit';
import { AppError } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/fields';
import { savePlanSchema, saveTemplateSchema, setPlanStatusSchema } from '@/lib/validation/plans';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string[]> };

async function run<T>(work: () => Promise<T | null>): Promise<ActionResult<T>> {
  try {
    const data = await work();
    if (data === null) return { ok: false, message: 'That patient, plan or template was not found.' };
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields };
    throw error;
  }
}

/** Validated with the same zod schema the builder uses in the browser, then saved as a revision. */
export async function savePlanAction(patientId: string, input: unknown) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const parsed = savePlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Please check the fields marked below.', fields: fieldErrors(parsed.error) } satisfies ActionResult<never>;
  const result = await run(() => savePlan(viewer, patientId, parsed.data));
  if (result.ok) {
    revalidatePath(`/patients/${patientId}`);
    revalidatePath(`/patients/${patientId}/plan`);
  }
  return result;
}

export async function setPlanStatusAction(patientId: string, input: unknown) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const parsed = setPlanStatusSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That is not a plan status.', fields: fieldErrors(parsed.error) } satisfies ActionResult<never>;
  const result = await run(() => setPlanStatus(viewer, parsed.data));
  if (result.ok) revalidatePath(`/patients/${patientId}`, 'layout');
  return result;
}

export async function saveTemplateAction(input: unknown) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const parsed = saveTemplateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Please check the fields marked below.', fields: fieldErrors(parsed.error) } satisfies ActionResult<never>;
  const result = await run(() => saveTemplate(viewer, parsed.data));
  if (result.ok) revalidatePath('/templates');
  return result;
}

export async function deleteTemplateAction(templateId: string) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const result = await run(() => deleteTemplate(viewer, templateId));
  if (result.ok) revalidatePath('/templates');
  return result;
}
