import { z } from 'zod';
import { isLocalDate } from '@/lib/dates';
import { uuidField } from './fields';

export const setTherapistDisabledSchema = z.object({ therapistId: uuidField, disabled: z.boolean({ error: 'must be true or false' }) }).strict();
export type SetTherapistDisabledInput = z.input<typeof setTherapistDisabledSchema>;

export const reassignPatientSchema = z.object({ patientId: uuidField, therapistId: uuidField }).strict();
export type ReassignPatientInput = z.input<typeof reassignPatientSchema>;

export const AUDIT_PAGE_SIZE = 50;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalDate = z.preprocess(emptyToUndefined, z.string().refine(isLocalDate, 'must be a date like 2026-12-01').optional());

/** /admin/audit query: every filter optional. Dates are whole UTC days, both ends included. */
export const auditFilterSchema = z
  .object({
    patientId: z.preprocess(emptyToUndefined, uuidField.optional()),
    actorId: z.preprocess(emptyToUndefined, uuidField.optional()),
    /** An exact action (`invitation.create`) or a family (`invitation`). */
    action: z.preprocess(emptyToUndefined, z.string().trim().regex(/^[a-z_]+(\.[a-z_.]+)?$/, 'must be an action such as invitation or invitation.create').max(80).optional()),
    from: optionalDate,
    to: optionalDate,
    page: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'must be a page number' }).int('must be a whole number').min(1, 'must be 1 or more').max(10_000, 'must be 10000 or less').default(1)),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'must be on or after the from date' });
export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;
