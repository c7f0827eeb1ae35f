// @ts-check
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from 'next/constants.js';
import { getEnv } from './lib/env.js';

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export default function nextConfig(phase) {
  // Serving (dev or production) needs a valid database URL and a strong AUTH_SECRET;
  // `next build` does not, so a build machine never holds secrets.
  if (phase === PHASE_DEVELOPMENT_SERVER || phase === PHASE_PRODUCTION_SERVER) getEnv();
  return {
    // Static security headers on every response, pages, API routes and errors alike. (A
    // nonce-based script CSP is issue 7's work; these parts need no nonce.)
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
            { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
            { key: 'X-Content-Type-Options', value: 'nosniff' },
            { key: 'X-Frame-Options', value: 'DENY' },
            { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
            // Patient ids appear in URLs: never send them to another site.
            { key: 'Referrer-Policy', value: 'no-referrer' },
            { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
          ],
        },
      ];
    },
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['@node-rs/argon2', 'pg'],
    typedRoutes: false,
  };
}
