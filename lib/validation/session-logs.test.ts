import { describe, expect, it } from 'vitest';
import { recordSessionLogSchema } from './session-logs';

const VALID = {
  clientId: '3f1c2b8e-6a4d-4f5e-9b7a-1c2d3e4f5a6b',
  planItemId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  setsDone: 2,
  painBefore: 3,
  painAfter: 2,
  difficulty: 'about_right',
  note: 'Felt fine.',
};

/** The paths (joined with '.') of every issue for a body. */
function issuePaths(body: unknown): string[] {
  const result = recordSessionLogSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('recordSessionLogSchema', () => {
  it('accepts a full valid body', () => {
    const result = recordSessionLogSchema.safeParse(VALID);
    expect(result.success).toBe(true);
  });

  it('accepts the minimal body and null optional fields', () => {
    const { clientId, planItemId } = VALID;
    expect(recordSessionLogSchema.safeParse({ clientId, planItemId, setsDone: 1 }).success).toBe(true);
    expect(recordSessionLogSchema.safeParse({ clientId, planItemId, setsDone: 20, painBefore: null, painAfter: null, difficulty: null, note: null }).success).toBe(true);
    expect(recordSessionLogSchema.safeParse({ ...VALID, painBefore: 0, painAfter: 10 }).success).toBe(true);
  });

  it('trims the note and accepts exactly 1000 characters', () => {
    const result = recordSessionLogSchema.safeParse({ ...VALID, note: `  ${'x'.repeat(1000)}  ` });
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.note).toHaveLength(1000);
  });

  it.each<[string, string, unknown]>([
    ['clientId', 'not a uuid', 'not-a-uuid'],
    ['clientId', 'empty', ''],
    ['clientId', 'a number', 42],
    ['clientId', 'missing', undefined],
    ['planItemId', 'not a uuid', '1234'],
    ['planItemId', 'missing', undefined],
    ['setsDone', '0', 0],
    ['setsDone', '21', 21],
    ['setsDone', '1.5', 1.5],
    ['setsDone', "the string '2'", '2'],
    ['setsDone', 'missing', undefined],
    ['setsDone', 'NaN', Number.NaN],
    ['painBefore', '-1', -1],
    ['painBefore', '11', 11],
    ['painBefore', '2.5', 2.5],
    ['painBefore', "the string '3'", '3'],
    ['painAfter', '-1', -1],
    ['painAfter', '11', 11],
    ['painAfter', '2.5', 2.5],
    ['difficulty', "'hard'", 'hard'],
    ['difficulty', "'TOO_HARD'", 'TOO_HARD'],
    ['difficulty', 'a number', 2],
    ['note', '1001 characters', 'x'.repeat(1001)],
    ['note', 'a number', 5],
  ])('reports an issue on %s when it is %s', (field, _name, value) => {
    const body: Record<string, unknown> = { ...VALID };
    if (value === undefined) delete body[field];
    else body[field] = value;
    const paths = issuePaths(body);
    expect(paths).toContain(field);
    // Only the bad field is reported.
    expect(paths.every((p) => p === field)).toBe(true);
  });

  it('rejects an unknown extra key because the schema is strict', () => {
    const result = recordSessionLogSchema.safeParse({ ...VALID, patientId: VALID.planItemId });
    expect(result.success).toBe(false);
    if (!result.success) {
      const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys');
      expect(issue).toBeDefined();
      expect(issue && 'keys' in issue ? issue.keys : []).toEqual(['patientId']);
    }
  });

  it('rejects a body that is not an object', () => {
    expect(recordSessionLogSchema.safeParse(null).success).toBe(false);
    expect(recordSessionLogSchema.safeParse([VALID]).success).toBe(false);
    expect(recordSessionLogSchema.safeParse('{}').success).toBe(false);
  });
});
