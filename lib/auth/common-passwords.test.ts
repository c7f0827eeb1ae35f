import { describe, expect, it } from 'vitest';
import { acceptInvitationSchema } from '@/lib/validation/invitations';
import { fieldErrors } from '@/lib/validation/fields';
import { isCommonPassword } from './common-passwords';

const TOKEN = 'A'.repeat(43);

describe('isCommonPassword', () => {
  it.each(['password1234', 'PASSWORD1234', 'Qwertyuiop123', 'iloveyou1234', 'correcthorsebatterystaple', 'letmein!!!!!!!!', 'aaaaaaaaaaaaaaa', '121212121212', 'abababababab'])('refuses %s', (p) => {
    expect(isCommonPassword(p)).toBe(true);
  });

  it.each(['slow stretches every morning', 'Riverside-kettle-73-lantern', 'my cat sleeps on the radiator'])('accepts %s', (p) => {
    expect(isCommonPassword(p)).toBe(false);
  });
});

describe('acceptInvitationSchema', () => {
  const errorsOf = (input: Record<string, unknown>) => {
    const result = acceptInvitationSchema.safeParse({ token: TOKEN, ...input });
    return result.success ? {} : fieldErrors(result.error);
  };

  it('accepts 12 and 128 characters, refuses 11 and 129', () => {
    for (const length of [12, 128]) {
      const p = 'ab3xy'.repeat(30).slice(0, length);
      expect(errorsOf({ password: p, confirmPassword: p })).toEqual({});
    }
    for (const length of [11, 129]) {
      const p = 'ab3xy'.repeat(30).slice(0, length);
      expect(Object.keys(errorsOf({ password: p, confirmPassword: p }))).toEqual(['password']);
    }
  });

  it('names confirmPassword when the two differ, and token when the link is malformed', () => {
    expect(Object.keys(errorsOf({ password: 'slow stretches daily', confirmPassword: 'slow stretches dally' }))).toEqual(['confirmPassword']);
    expect(Object.keys(errorsOf({ token: 'short', password: 'slow stretches daily', confirmPassword: 'slow stretches daily' }))).toEqual(['token']);
  });
});
