import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics';
import { roleEnum } from './enums';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** argon2id PHC string; null until the person has set a password (invitation pending). */
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Emails are stored lower-cased; one account per address across all clinics.
    uniqueIndex('users_email_key').on(t.email),
    index('users_clinic_role_idx').on(t.clinicId, t.role),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`),
    check('users_name_length', sql`char_length(${t.name}) between 1 and 200`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Server-side sessions: the JWT only carries this row's id, so revocation is immediate. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    clinicId: uuid('clinic_id').notNull().references(() => clinics.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute limit: created_at + 12 hours, set by the database at insert. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(sql`now() + interval '12 hours'`),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    sourceIp: inet('source_ip'),
  },
  (t) => [
    index('auth_sessions_user_idx').on(t.userId),
    check('auth_sessions_revoked_reason', sql`${t.revokedReason} is null or ${t.revokedReason} in ('sign_out', 'disabled', 'password_changed', 'idle', 'expired', 'admin')`),
  ],
);

export type AuthSession = typeof authSessions.$inferSelect;

/** Every sign-in attempt, for lockout and the audit trail. Holds no password. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    sourceIp: inet('source_ip'),
    succeeded: boolean('succeeded').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_at_idx').on(t.email, t.at),
    index('sign_in_attempts_ip_at_idx').on(t.sourceIp, t.at),
    check('sign_in_attempts_reason', sql`${t.reason} is null or ${t.reason} in ('bad_credentials', 'disabled', 'locked', 'rate_limited', 'invalid_input')`),
  ],
);
