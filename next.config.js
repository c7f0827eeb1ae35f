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
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['@node-rs/argon2', 'pg'],
    typedRoutes: false,
  };
}
