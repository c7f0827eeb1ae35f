// @ts-check
// The one reader of configuration and secrets. Parsed with zod; a bad value stops start-up
// with a message naming the variable (never fail open). Imported by next.config.js at
// server start, so it must stay plain ESM without 'server-only'.
import { z } from 'zod';

/** Values that look like secrets but are not. */
const PLACEHOLDER_SECRETS = new Set(['secret', 'changeme', 'change-me', 'password', 'development', 'test', 'auth_secret']);

/** @param {string} value */
export function isWeakSecret(value) {
  if (value.length < 32) return true;
  if (PLACEHOLDER_SECRETS.has(value.toLowerCase())) return true;
  // A long string of very few distinct characters ("aaaa…", "abababab…") is guessable.
  return new Set(value).size < 12;
}

/**
 * An optional variable; an empty value (`APP_URL=` in a .env file) counts as unset.
 * @template {z.ZodType} T
 * @param {T} schema
 */
const optional = (schema) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL'),
  AUTH_SECRET: z
    .string({ error: 'is required (generate one with: openssl rand -base64 32)' })
    .refine((v) => !isWeakSecret(v), 'is too weak: use at least 32 random characters (openssl rand -base64 32)'),
  /** Set by scripts/with-db.mjs when it runs the embedded demo database. */
  LIMBER_EMBEDDED_DB: z.enum(['0', '1']).default('0'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Also the longest a request waits for a pool client: keep it under 2 s so a database outage answers 503 quickly. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_500),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Public origin for links in emails (e.g. https://app.example.com); else the request's origin. */
  APP_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://limber.example.com' }).transform((v) => new URL(v).origin),
  ),
  /** smtp(s)://user:pass@host:port; when set, mail is sent through it. */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')),
  MAIL_FROM: optional(z.string().min(3).max(200)).transform((v) => v ?? 'Limber <no-reply@limber.invalid>'),
  /** outbox = store and print only (the default without SMTP_URL); smtp = send through SMTP_URL. */
  LIMBER_MAIL: optional(z.enum(['outbox', 'smtp'])),
}).transform((env, ctx) => {
  const mail = env.LIMBER_MAIL ?? (env.SMTP_URL ? 'smtp' : 'outbox');
  if (mail === 'smtp' && !env.SMTP_URL) ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when LIMBER_MAIL=smtp' });
  return { ...env, LIMBER_MAIL: mail };
});

/** @typedef {z.infer<typeof envSchema>} Env */

/**
 * @param {Record<string, string | undefined>} source
 * @returns {{ ok: true, env: Env } | { ok: false, problems: string[] }}
 */
export function parseEnv(source) {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'env'} ${issue.message}`),
  };
}

/** @type {Env | undefined} */
let cached;

/** @returns {Env} */
export function getEnv() {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) {
    throw new Error(`Limber cannot start: invalid configuration.\n  - ${parsed.problems.join('\n  - ')}`);
  }
  cached = parsed.env;
  return cached;
}
