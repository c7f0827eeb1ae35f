import { recordCheckIn } from '@/lib/dal/check-ins';
import { jsonMutation } from '@/lib/api-route';
import { recordCheckInSchema } from '@/lib/validation/check-ins';

export const dynamic = 'force-dynamic';

/** PUT today's pain check-in (one per local day; a later one replaces it). `urgent` is true when a red flag was answered. */
export const PUT = jsonMutation(recordCheckInSchema, (viewer, input) => recordCheckIn(viewer, input));
