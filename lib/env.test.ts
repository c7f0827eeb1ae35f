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

describe('parseEnv: mail and links', () => {
  const base = { DATABASE_URL: GOOD_DB, AUTH_SECRET: GOOD_SECRET };

  it('defaults to the outbox when no SMTP_URL is set (empty values count as unset)', () => {
    for (const extra of [{}, { SMTP_URL: '', APP_URL: '', LIMBER_MAIL: '' }]) {
      const result = parseEnv({ ...base, ...extra });
      expect(result.ok && result.env.LIMBER_MAIL).toBe('outbox');
      expect(result.ok && result.env.APP_URL).toBeUndefined();
    }
  });

  it('sends by SMTP when SMTP_URL is set, unless LIMBER_MAIL=outbox', () => {
    const smtp = parseEnv({ ...base, SMTP_URL: 'smtp://user:pw@mail.example:587' });
    expect(smtp.ok && smtp.env.LIMBER_MAIL).toBe('smtp');
    const kept = parseEnv({ ...base, SMTP_URL: 'smtps://mail.example', LIMBER_MAIL: 'outbox' });
    expect(kept.ok && kept.env.LIMBER_MAIL).toBe('outbox');
  });

  it('names SMTP_URL when LIMBER_MAIL=smtp has no server, or the URL is not smtp', () => {
    expect(problemsOf({ ...base, LIMBER_MAIL: 'smtp' }).some((p) => p.startsWith('SMTP_URL '))).toBe(true);
    expect(problemsOf({ ...base, SMTP_URL: 'http://mail.example' }).some((p) => p.startsWith('SMTP_URL '))).toBe(true);
  });

  it('APP_URL is reduced to its origin; a non-http URL is refused naming APP_URL', () => {
    const result = parseEnv({ ...base, APP_URL: 'https://limber.example.com/some/path' });
    expect(result.ok && result.env.APP_URL).toBe('https://limber.example.com');
    expect(problemsOf({ ...base, APP_URL: 'javascript:alert(1)' }).some((p) => p.startsWith('APP_URL '))).toBe(true);
  });
});
