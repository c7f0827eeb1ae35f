import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isWeakSecret, parseEnv } from './env';

const GOOD_SECRET = 'k3J9xQm2VtR7pLw0ZbN5cYh8FsD1gUe4AiOo6rT_-Xq'; // 43 characters, many distinct
const GOOD_DB = 'postgres://limber:pw@127.0.0.1:5432/limber';

const problemsOf = (source: Record<string, string | undefined>): string[] => {
  const result = parseEnv(source);
  return result.ok ? [] : result.problems;
};

describe('parseEnv: AUTH_SECRET', () => {
  it('accepts a good 43-character random secret', () => {
    expect(GOOD_SECRET).toHaveLength(43);
    const result = parseEnv({ DATABASE_URL: GOOD_DB, AUTH_SECRET: GOOD_SECRET });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.env.AUTH_SECRET).toBe(GOOD_SECRET);
      expect(result.env.NODE_ENV).toBe('development');
      expect(result.env.DB_POOL_MAX).toBe(10);
    }
  });

  it('accepts a freshly generated secret (openssl rand -base64 32 equivalent)', () => {
    const secret = randomBytes(32).toString('base64');
    expect(parseEnv({ DATABASE_URL: GOOD_DB, AUTH_SECRET: secret }).ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['short (31 chars)', 'k3J9xQm2VtR7pLw0ZbN5cYh8FsD1gUe'],
    ["'a' × 40", 'a'.repeat(40)],
    ['two characters repeated', 'ab'.repeat(20)],
    ["placeholder 'changeme'", 'changeme'],
    ["placeholder 'CHANGEME'", 'CHANGEME'],
    ["placeholder 'secret'", 'secret'],
  ])('refuses an AUTH_SECRET that is %s, naming AUTH_SECRET', (_name, secret) => {
    const problems = problemsOf({ DATABASE_URL: GOOD_DB, AUTH_SECRET: secret });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith('AUTH_SECRET '))).toBe(true);
    // Only the secret is wrong, so only the secret is named.
    expect(problems.every((p) => p.startsWith('AUTH_SECRET '))).toBe(true);
  });

  it('never echoes the rejected secret in a problem message', () => {
    const weak = 'q'.repeat(40);
    expect(problemsOf({ DATABASE_URL: GOOD_DB, AUTH_SECRET: weak }).join('\n')).not.toContain(weak);
  });
});

describe('isWeakSecret', () => {
  it.each([
    ['a'.repeat(40), true],
    ['abcabcabcabcabcabcabcabcabcabcabcabc', true],
    ['changeme', true],
    ['k3J9xQm2VtR7pLw0ZbN5cYh8FsD1gUe', true], // 31 characters
    ['k3J9xQm2VtR7pLw0ZbN5cYh8FsD1gUe4', false], // 32 characters
    [GOOD_SECRET, false],
  ])('%s → %s', (value, weak) => {
    expect(isWeakSecret(value)).toBe(weak);
  });
});

describe('parseEnv: DATABASE_URL', () => {
  it.each(['postgres://u@127.0.0.1:5432/db', 'postgresql://u:p@localhost/db'])('accepts %s', (url) => {
    expect(parseEnv({ DATABASE_URL: url, AUTH_SECRET: GOOD_SECRET }).ok).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['a MySQL URL', 'mysql://u@127.0.0.1/db'],
    ['an http URL', 'http://127.0.0.1:5432/db'],
    ['a bare host', '127.0.0.1:5432'],
    ['postgres without ://', 'postgres:db'],
  ])('refuses a DATABASE_URL that is %s, naming DATABASE_URL', (_name, url) => {
    const problems = problemsOf({ DATABASE_URL: url, AUTH_SECRET: GOOD_SECRET });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('DATABASE_URL '))).toBe(true);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://x', AUTH_SECRET: 'changeme', DB_POOL_MAX: '0' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['AUTH_SECRET', 'DATABASE_URL', 'DB_POOL_MAX']);
  });
});
