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
    // Security headers on every response, pages, API routes and errors alike. The
    // Content-Security-Policy of pages and API responses comes from proxy.ts (a fresh script
    // nonce per response); files that proxy.ts does not run for get a nothing-runs policy here.
    async headers() {
      const common = [
        { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'X-Frame-Options', value: 'DENY' },
        // Patient ids appear in URLs: never send them to another site.
        { key: 'Referrer-Policy', value: 'no-referrer' },
        { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
      ];
      const staticCsp = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };
      return [
        { source: '/:path*', headers: common },
        ...['/_next/static/:path*', '/_next/image', '/illustrations/:path*', '/favicon.ico', '/robots.txt'].map((source) => ({ source, headers: [staticCsp] })),
      ];
    },
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['@node-rs/argon2', 'pg'],
    typedRoutes: false,
  };
}
