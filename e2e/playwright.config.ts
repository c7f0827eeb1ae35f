import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

// Runs against the production build (`next build` first) on a throwaway embedded PostgreSQL
// in .data/e2e-pg, wiped and re-seeded at every start, listening on loopback only.
export default defineConfig({
  testDir: '.',
  // e2e/security/** runs only with SECURITY=1 (`npm run test:security`), and then alone.
  testMatch: process.env.SCREENSHOTS ? /screenshots\.spec\.ts$/ : process.env.SECURITY ? /security\/.+\.spec\.ts$/ : /(?<!screenshots)\.spec\.ts$/,
  testIgnore: process.env.SECURITY ? [] : ['**/security/**'],
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    // Every mutation must carry a same-site Origin (proxy.ts); browsers add it themselves, the
    // `request` fixture gets it here. Cross-site cases override it per request.
    extraHTTPHeaders: { Origin: baseURL },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions: chromium } },
  ],
  webServer: {
    command: `node scripts/with-db.mjs --fresh next start -p ${PORT} -H 127.0.0.1`,
    cwd: '..',
    url: `${baseURL}/api/health`,
    env: { LIMBER_DATA_DIR: '.data/e2e-pg', LIMBER_PG_PORT: process.env.E2E_PG_PORT ?? '54331', DATABASE_URL: '' },
    reuseExistingServer: false,
    timeout: 90_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
