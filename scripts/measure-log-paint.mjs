#!/usr/bin/env node
// Measures how long logging a session takes to show on Today, in Chromium at phone size:
// from the "Save session" click to (a) the optimistic count changing and (b) "Saved" (server
// confirmed). Needs a running Limber with demo data: BASE_URL (default http://127.0.0.1:3000).
// Usage: node scripts/measure-log-paint.mjs [runs=15]
import { chromium } from '@playwright/test';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const RUNS = Number(process.argv[2] ?? 15);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, baseURL: BASE_URL });
  await page.goto('/login');
  await page.getByLabel('Email').fill('alex.morgan@riverside-physio.example');
  await page.getByLabel('Password').fill('stretch-and-breathe-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/today$/);
  const item = page.getByTestId('today-item').last();
  const paints = [];
  const confirms = [];
  for (let i = 0; i < RUNS; i++) {
    await item.getByRole('button', { name: /Mark done|Log an extra session/ }).click();
    await item.getByRole('button', { name: 'Save session' }).waitFor();
    // Arm observers in the page, then click: times are taken inside the page with performance.now().
    const timings = page.evaluate(
      (id) =>
        new Promise((resolve) => {
          const card = document.querySelector(`[data-plan-item-id="${id}"]`);
          const progress = card.querySelector('[data-testid="item-progress"]');
          const before = progress.textContent;
          const button = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Save session');
          let painted = null;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (painted === null && progress.textContent !== before) painted = performance.now() - start;
            const status = card.querySelector('[role="status"]');
            if (status && /Saved/.test(status.textContent)) {
              observer.disconnect();
              // Wait for the next frame so the time includes the paint.
              requestAnimationFrame(() => resolve({ painted: painted ?? performance.now() - start, confirmed: performance.now() - start }));
            }
          });
          observer.observe(card, { subtree: true, childList: true, characterData: true });
          button.click();
        }),
      await item.getAttribute('data-plan-item-id'),
    );
    const t = await timings;
    paints.push(t.painted);
    confirms.push(t.confirmed);
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
  };
  console.info(`session log, ${RUNS} runs at 390×844 against ${BASE_URL}`);
  console.info(`  optimistic count on screen: ${stats(paints)}`);
  console.info(`  "Saved" (server confirmed): ${stats(confirms)}`);
} finally {
  await browser.close();
}
