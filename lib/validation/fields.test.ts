import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './fields';

describe('fieldErrors', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('names a field called %s like any other (no crash, no prototype pollution)', (key) => {
    const schema = z.object({ pain: z.number() }).strict();
    const body = JSON.parse(`{"pain": "x", ${JSON.stringify(key)}: 1}`) as unknown;
    const result = schema.safeParse(body);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!);
    expect(errors.pain).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(errors, key)?.value).toEqual(['is not an accepted field']);
    expect(JSON.parse(JSON.stringify(errors))).toMatchObject({ pain: expect.any(Array) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A plain object: React can pass it from a server action to the page.
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
  });
});
