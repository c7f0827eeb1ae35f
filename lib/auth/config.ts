import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getEnv } from '@/lib/env';
import { authenticate } from './credentials';
import { sourceFromHeaders } from './source';

export class LockedOut extends CredentialsSignin {
  override code = 'locked';
}

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
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

// The config is built lazily (on the first request), so `next build` needs no secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
  // The JWT carries only the session id; the 12-hour absolute limit and 30-minute idle
  // limit are enforced against the auth_sessions row (lib/dal/sessions.ts).
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60, updateAge: 0 },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // Auth.js logs a stack trace for every wrong password by default; log the kind only.
    error: (error) => console.error(`[auth] ${error.name}`),
    warn: () => {},
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate({ email: credentials.email, password: credentials.password }, sourceFromHeaders(request.headers));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.user.sessionId };
        if (result.reason === 'locked') throw new LockedOut();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = token.sid;
      return session;
    },
  },
}));
