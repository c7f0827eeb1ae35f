import type { RedFlag } from '@/db/schema/enums';

/** The same words everywhere a warning sign comes up (articles end with the same list). */
export const URGENT_CARE_LIST =
  'Get urgent medical care if you have new numbness or weakness in your legs, trouble controlling your bladder or bowels, back pain after a fall or accident, or back pain with a fever.';

export const URGENT_CARE_NOW =
  'Please get urgent medical care now: call your local emergency number or go to an emergency department today. Do not wait for your next visit. Your therapist will see this on their list.';

/** The check-in's warning-sign questions, as the patient reads them. */
export const RED_FLAG_QUESTIONS: Record<RedFlag, string> = {
  leg_numbness_or_weakness: 'New numbness, tingling or weakness in one or both legs',
  bladder_or_bowel_control: 'Trouble controlling your bladder or bowels, or numbness between your legs',
  after_fall_or_accident: 'The pain started after a fall, accident or injury',
  fever: 'A fever, chills or feeling very unwell along with the back pain',
};

/** How a therapist reads them. */
export const RED_FLAG_LABELS: Record<RedFlag, string> = {
  leg_numbness_or_weakness: 'new numbness or weakness in the legs',
  bladder_or_bowel_control: 'bladder or bowel control problems',
  after_fall_or_accident: 'pain after a fall or accident',
  fever: 'fever with back pain',
};
