import { z } from 'zod';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-rules';
import { isValidTimeZone } from '@/lib/dates';
import { uuidField } from './fields';

export { PASSWORD_MAX, PASSWORD_MIN };

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const personNameField = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(200, 'Use 200 characters or fewer.');

/** Stored lower-cased: users.email is unique and checked lower-case in the database. */
export const emailField = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

// The same shape the patients_time_zone_format constraint accepts, and a zone Intl knows.
const TIME_ZONE_SHAPE = /^([A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}|UTC)$/;
export const patientTimeZoneField = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .min(1, 'Choose a time zone.')
  .refine((v) => TIME_ZONE_SHAPE.test(v) && isValidTimeZone(v), 'Choose a time zone from the list, such as Europe/London.');

export const invitePatientSchema = z
  .object({
    name: personNameField,
    email: emailField,
    timeZone: patientTimeZoneField,
    conditionNote: z.preprocess(emptyToNull, z.string().trim().max(500, 'Use 500 characters or fewer.').nullable()).default(null),
    /** Admins choose the primary therapist; a therapist's own patients are always theirs (ignored if sent). */
    therapistId: z.preprocess(emptyToNull, uuidField.nullable()).default(null),
  })
  .strict();
export type InvitePatientInput = z.input<typeof invitePatientSchema>;

export const inviteTherapistSchema = z.object({ name: personNameField, email: emailField }).strict();
export type InviteTherapistInput = z.input<typeof inviteTherapistSchema>;

/** 12–128 characters, not on the common-password list. Never echoed back. */
export const newPasswordField = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use ${PASSWORD_MAX} characters or fewer.`)
  .refine((v) => !isCommonPassword(v), 'That password is too common and easy to guess. Try a short sentence you will remember.');

/** The raw token from the link: 32 random bytes in base64url. */
export const invitationTokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This invitation link is not valid.');

export const acceptInvitationSchema = z
  .object({ token: invitationTokenField, password: newPasswordField, confirmPassword: z.string({ error: 'Type the password again.' }) })
  .strict()
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match.' });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

/** Resend or revoke: the invited person's user id. */
export const invitationTargetSchema = z.object({ userId: uuidField }).strict();
export type InvitationTargetInput = z.input<typeof invitationTargetSchema>;
