// Every page, route handler method and server action in app/ must be in e2e/security/routes.ts
// (and nothing listed there may be gone), so the security suites cover a new route or the build fails.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTOR_KEYS, expectedOutcome, ROUTES } from '../../e2e/security/routes';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(rel) : [rel];
  });
}

/** Names a module exports: `export [async] function X`, `export const X`, `export const { X, Y } =`, `export { X, Y }`. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?function\s+([A-Za-z0-9_$]+)/gm)) names.add(m[1] ?? '');
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s+([A-Za-z0-9_$]+)/gm)) names.add(m[1] ?? '');
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s+\{([^}]*)\}/gm)) {
    for (const part of (m[1] ?? '').split(',')) names.add(part.split(':').pop()?.trim() ?? '');
  }
  for (const m of source.matchAll(/^export\s+\{([^}]*)\}/gm)) {
    for (const part of (m[1] ?? '').split(',')) names.add(part.split(/\s+as\s+/).pop()?.trim() ?? '');
  }
  names.delete('');
  return [...names];
}

const isUseServer = (source: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source);

function scanApp(): { pages: string[]; methods: string[]; actions: string[] } {
  const files = filesUnder('app');
  const pages = files.filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f));
  const methods = files
    .filter((f) => /\/route\.(ts|js)$/.test(f))
    .flatMap((f) => exportedNames(readFileSync(path.join(ROOT, f), 'utf8')).filter((n) => (METHODS as readonly string[]).includes(n)).map((n) => `${f} ${n}`));
  const actions = files
    .filter((f) => /\.(ts|tsx|js)$/.test(f))
    .flatMap((f) => {
      const source = readFileSync(path.join(ROOT, f), 'utf8');
      return isUseServer(source) ? exportedNames(source).map((n) => `${f} ${n}`) : [];
    });
  return { pages, methods, actions };
}

describe('the security route list', () => {
  const found = scanApp();
  const listedPages = ROUTES.filter((r) => r.kind === 'page').map((r) => r.file);
  const listedMethods = ROUTES.filter((r) => r.kind === 'route').map((r) => `${r.file} ${r.exportName}`);
  const listedActions = ROUTES.filter((r) => r.kind === 'action').map((r) => `${r.file} ${r.exportName}`);

  it('lists every page in app/ and no page that is gone', () => {
    expect(found.pages.length).toBeGreaterThan(0);
    expect({ missing: found.pages.filter((p) => !listedPages.includes(p)), gone: listedPages.filter((p) => !found.pages.includes(p)) }).toEqual({ missing: [], gone: [] });
  });

  it('lists every exported route handler method and none that is gone', () => {
    expect(found.methods.length).toBeGreaterThan(0);
    const listed = new Set(listedMethods);
    expect({ missing: found.methods.filter((m) => !listed.has(m)), gone: [...listed].filter((m) => !found.methods.includes(m)) }).toEqual({ missing: [], gone: [] });
  });

  it("lists every exported function of a 'use server' file and none that is gone", () => {
    expect(found.actions.length).toBeGreaterThan(0);
    expect({ missing: found.actions.filter((a) => !listedActions.includes(a)), gone: listedActions.filter((a) => !found.actions.includes(a)) }).toEqual({ missing: [], gone: [] });
  });

  it('has unique ids and an outcome for every actor', () => {
    const ids = ROUTES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const r of ROUTES) for (const a of ACTOR_KEYS) expect(['ok', 'notFound', 'toLogin', 'toHome', 'refused']).toContain(expectedOutcome(r, a));
  });

  it('derives access from the policy: only Alex, Maya and Priya may touch Alex’s data', () => {
    const plan = ROUTES.find((r) => r.id === 'page /patients/[patientId]');
    expect(plan && ACTOR_KEYS.filter((a) => expectedOutcome(plan, a) === 'ok')).toEqual(['maya', 'priya']);
    const series = ROUTES.find((r) => r.id === 'GET /api/patients/[patientId]/series');
    expect(series && ACTOR_KEYS.filter((a) => expectedOutcome(series, a) === 'ok')).toEqual(['alex', 'maya', 'priya']);
  });
});
