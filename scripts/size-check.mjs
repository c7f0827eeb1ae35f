#!/usr/bin/env node
// Usage: node scripts/size-check.mjs [--dir .next] [--json]   (after `next build`)
//
// First-load JavaScript per app route, gzip, from the production build's own manifests:
//   - `.next/build-manifest.json` `rootMainFiles`: the runtime and framework chunks every page's HTML
//     loads (`polyfillFiles` are `nomodule` scripts a modern browser skips, so they are not counted);
//   - `.next/server/app/<entry>_client-reference-manifest.js` `entryJSFiles`: the client chunks of each
//     layout and page segment of the route, which the HTML loads before hydration.
// Their union is what a first visit of the route downloads (the sum of these files matches what
// Chromium fetches; scripts/lighthouse.mjs prints the browser-measured figure for its pages too).
// Chunks behind dynamic imports load later, on demand: shown as "lazy" (and checked for chart code).
//
// Fails (exit 1) when a budgeted route (sign-in, Today, the two article pages) is over the limit,
// contains chart-library code in its first-load or lazy chunks, or is missing from the build.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const NEXT_DIR = path.resolve(dirArg >= 0 ? args[dirArg + 1] : '.next');
const asJson = args.includes('--json');

/** 1 kB = 1000 bytes, as Next.js's build output has always printed "First Load JS". */
const KB = 1000;
const LIMIT_KB = 180;
const AIM_KB = 150;
/** The routes the budget applies to: sign-in, Today and the article pages (patient reader, therapist library). */
const BUDGETED = ['/login', '/today', '/read/[assignmentId]', '/library/articles/[slug]'];

/**
 * Chart-library code, recognised by strings minifiers keep: recharts' CSS class names, d3-path's and
 * d3-format's error messages (d3-shape and d3-scale carry them; recharts bundles both through
 * victory-vendor), and victory's component names.
 */
const CHART_SIGNATURES = [
  { library: 'recharts', pattern: /["'`]recharts-[a-z]/ },
  { library: 'd3', pattern: /negative radius: |invalid format: / },
  { library: 'victory', pattern: /["'`]Victory(?:Chart|Axis|Bar|Line|Pie|Container)["'`]/ },
];

/** How a chunk names another it loads on demand: `"static/chunks/<name>.js"`. */
const CHUNK_REFERENCE = /["'`](static\/chunks\/[\w.-]+\.js)["'`]/g;

function fail(message) {
  process.stderr.write(`size-check: ${message}\n`);
  process.exit(1);
}

if (!['build-manifest.json', 'app-path-routes-manifest.json'].every((f) => existsSync(path.join(NEXT_DIR, f)))) fail(`no production build in ${NEXT_DIR}: run \`next build\` first`);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const buildManifest = readJson(path.join(NEXT_DIR, 'build-manifest.json'));
const appRoutes = readJson(path.join(NEXT_DIR, 'app-path-routes-manifest.json'));
const rootMainFiles = buildManifest.rootMainFiles ?? [];
if (rootMainFiles.length === 0) fail('build-manifest.json lists no rootMainFiles: the manifest format changed, update this script');

const fileInfo = new Map();
/** gzip size (level 9), chart libraries found and chunks referenced, per chunk file (a path relative to .next). */
function chunk(file) {
  const known = fileInfo.get(file);
  if (known) return known;
  const full = path.join(NEXT_DIR, file);
  if (!existsSync(full)) fail(`a manifest names ${file}, which the build does not contain`);
  const source = readFileSync(full);
  const text = source.toString('utf8');
  const info = {
    gzip: gzipSync(source, { level: 9 }).length,
    charts: CHART_SIGNATURES.filter((s) => s.pattern.test(text)).map((s) => s.library),
    references: [...new Set(Array.from(text.matchAll(CHUNK_REFERENCE), (m) => m[1]))].filter((ref) => ref !== file && existsSync(path.join(NEXT_DIR, ref))),
  };
  fileInfo.set(file, info);
  return info;
}

/** The manifest files are scripts that assign `globalThis.__RSC_MANIFEST[entry]`: run them in a sandbox. */
function clientReferenceManifest(entry) {
  const file = path.join(NEXT_DIR, 'server', 'app', `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) return null;
  const sandbox = {};
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  const manifests = sandbox.__RSC_MANIFEST ?? {};
  return manifests[entry] ?? Object.values(manifests)[0] ?? null;
}

const normalise = (file) => file.replace(/^\/?_next\//, '').replace(/^\//, '');

const rows = [];
for (const [entry, route] of Object.entries(appRoutes)) {
  if (!entry.endsWith('/page') || entry.startsWith('/_global-error')) continue;
  const manifest = clientReferenceManifest(entry);
  if (!manifest?.entryJSFiles) fail(`no client reference manifest (entryJSFiles) for ${entry}: the build format changed, update this script`);
  const firstLoad = new Set(rootMainFiles.map(normalise));
  for (const files of Object.values(manifest.entryJSFiles)) for (const file of files) firstLoad.add(normalise(file));

  // On-demand chunks: the dynamic imports' chunk paths are string literals in the chunks that load
  // them, so follow them from the first-load set (plus next/dynamic's react-loadable-manifest).
  const lazy = new Set();
  const loadable = path.join(NEXT_DIR, 'server', 'app', entry, 'react-loadable-manifest.json');
  if (existsSync(loadable)) {
    for (const { files = [] } of Object.values(readJson(loadable))) for (const file of files) if (file.endsWith('.js')) lazy.add(normalise(file));
  }
  const queue = [...firstLoad, ...lazy];
  while (queue.length) {
    for (const file of chunk(queue.pop()).references) {
      if (firstLoad.has(file) || lazy.has(file)) continue;
      lazy.add(file);
      queue.push(file);
    }
  }
  for (const file of firstLoad) lazy.delete(file);
  const sum = (files) => [...files].reduce((total, file) => total + chunk(file).gzip, 0);
  const chartsIn = (files) => [...new Set([...files].flatMap((file) => chunk(file).charts))];
  rows.push({
    route,
    firstLoadBytes: sum(firstLoad),
    chunks: firstLoad.size,
    lazyBytes: sum(lazy),
    chartsFirstLoad: chartsIn(firstLoad),
    chartsLazy: chartsIn(lazy),
    budgeted: BUDGETED.includes(route),
  });
}
rows.sort((a, b) => Number(b.budgeted) - Number(a.budgeted) || a.route.localeCompare(b.route));

const problems = [];
for (const route of BUDGETED) if (!rows.some((r) => r.route === route)) problems.push(`${route}: not in the build (renamed? update BUDGETED)`);
for (const row of rows.filter((r) => r.budgeted)) {
  if (row.firstLoadBytes > LIMIT_KB * KB) problems.push(`${row.route}: first-load JS ${(row.firstLoadBytes / KB).toFixed(1)} kB is over ${LIMIT_KB} kB`);
  const charts = [...new Set([...row.chartsFirstLoad, ...row.chartsLazy])];
  if (charts.length) problems.push(`${row.route}: contains chart library code (${charts.join(', ')})`);
}

if (asJson) {
  process.stdout.write(`${JSON.stringify({ limitKb: LIMIT_KB, rows, problems }, null, 2)}\n`);
} else {
  const kb = (bytes) => (bytes / KB).toFixed(1);
  const table = [
    ['Route', 'First-load JS (gzip)', 'Chunks', 'Lazy JS (gzip)', 'Chart code', 'Budget'],
    ...rows.map((r) => {
      const charts = [...r.chartsFirstLoad, ...r.chartsLazy.filter((c) => !r.chartsFirstLoad.includes(c)).map((c) => `${c} (lazy)`)];
      let budget = '';
      if (r.budgeted) budget = r.firstLoadBytes > LIMIT_KB * KB || charts.length ? 'FAIL' : r.firstLoadBytes > AIM_KB * KB ? `ok (aim ${AIM_KB})` : 'ok';
      return [r.route, `${kb(r.firstLoadBytes)} kB`, String(r.chunks), r.lazyBytes ? `${kb(r.lazyBytes)} kB` : '-', charts.join(', ') || '-', budget];
    }),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const numeric = new Set([1, 2, 3]);
  const format = (line) => line.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  process.stdout.write(`First-load JS per route, gzip level 9, 1 kB = 1000 bytes; limit ${LIMIT_KB} kB with no chart code on ${BUDGETED.join(', ')}\n\n`);
  process.stdout.write(`${format(table[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of table.slice(1)) process.stdout.write(`${format(line)}\n`);
  process.stdout.write('\n');
  if (problems.length) for (const p of problems) process.stderr.write(`size-check: ${p}\n`);
  else process.stdout.write(`size-check: all budgeted routes are within ${LIMIT_KB} kB and free of chart code\n`);
}
process.exit(problems.length ? 1 : 0);
