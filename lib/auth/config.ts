import 'server-only';
import { headers } from 'next/headers';
import NextAuth from 'next-auth';
import { getEnv } from '@/lib/env';
import { wantsSecureCookies } from '@/lib/security/request-origin';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';

declare module 'next-auth' {
  interface Session {
    /** The server-side auth_sessions row; everything else is read from the database per request. */
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
  }
}

// The config is built lazily (on the first use in a request), so `next build` needs no secret.
// next-auth only decodes the session cookie here: signing in is POST /api/sign-in (per-account and
// per-address limits with 429 + Retry-After, lib/auth/credentials.ts) and it issues the cookie
// itself (lib/auth/session-cookie.ts); next-auth's own HTTP endpoints answer 404.
export const { auth } = NextAuth(async () => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
  // The same rule the sign-in route uses for the cookie it sets: Secure (__Secure- name) on
  // every host but loopback.
  useSecureCookies: wantsSecureCookies(await headers()),
  // The JWT carries only the session id; the 12-hour absolute limit and 30-minute idle
  // limit are enforced against the auth_sessions row (lib/dal/sessions.ts).
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 0 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // Log the kind only: messages and stacks can carry request data.
    error: (error) => console.error(`[auth] ${error.name}`),
    warn: () => {},
    debug: () => {},
  },
  providers: [],
  callbacks: {
    session({ session, token }) {
      session.sessionId = token.sid;
      return session;
    },
  },
}));
