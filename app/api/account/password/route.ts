import { jsonMutation } from '@/lib/api-route';
import { changePassword } from '@/lib/dal/account';
import { changePasswordSchema } from '@/lib/validation/account';

export const dynamic = 'force-dynamic';

/** The viewer changes their own password; every other session of theirs is signed out. */
export const POST = jsonMutation(changePasswordSchema, async (viewer, input) => {
  await changePassword(viewer, input);
  return { ok: true };
});
