import { z } from 'zod';
import { newPasswordField } from './invitations';

/**
 * POST /api/account/password and the /account/password form. The new password follows the same
 * rules as a first password (newPasswordField: 12–128 characters, not a common one) and must
 * differ from the current one. Neither is ever echoed back.
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024, 'That is not your current password.'),
    newPassword: newPasswordField,
  })
  .strict()
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password that is different from your current one.' });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

