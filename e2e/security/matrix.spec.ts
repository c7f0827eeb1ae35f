// The authorization matrix: every page, route handler method and server action in routes.ts,
// requested by every demo actor, gets the outcome the written policy gives (lib/auth/policy.ts via
// routes.ts). Every 404-style denial the DAL owns is audited as 'denied' for that actor, and a
// refused mutation changes no row.
import { expect, test } from '@playwright/test';
import { ACTOR_KEYS, ACTORS, denialAudited, expectedOutcome, ROUTES, type ActorKey } from './routes';
import { contextFor, send } from './support/calls';
import { observe } from './support/outcome';
import { builderFor, builderGaps, ENDS_SESSION } from './support/requests';
import { auditMark, auditSince, changedTables, closeDb, snapshot } from './support/store';
import { cookieFor, freshCookie, world } from './support/world';

test.afterAll(closeDb);

test('every route in routes.ts has a request builder', () => {
  expect(builderGaps()).toEqual({ missing: [], extra: [] });
});

for (const spec of ROUTES) {
  test(`${spec.id} × every actor`, async () => {
    test.setTimeout(90_000);
    const w = await world();
    const problems: string[] = [];
    let checked = 0;
    for (const actor of ACTOR_KEYS) {
      const expected = expectedOutcome(spec, actor);
      const cookie = ENDS_SESSION.has(spec.id) ? await freshCookie(actor) : await cookieFor(actor);
      const api = await contextFor(cookie);
      try {
        const built = await builderFor(spec)(w, actor);
        const mark = await auditMark();
        const before = spec.mutation ? await snapshot() : null;
        const sent = await send(api, built.call, built.headers);
        const changed = before ? changedTables(before, await snapshot()) : [];
        const observed = observe(spec, sent, changed.length > 0);
        checked++;
        const who = `${actor} (${ACTORS[actor].relation})`;
        if (observed !== expected) problems.push(`${who}: expected ${expected}, got ${observed} (HTTP ${sent.status}${sent.location ? ` → ${sent.location}` : ''}${sent.actionRedirect ? ` action→ ${sent.actionRedirect}` : ''})`);
        if (expected !== 'ok' && changed.length > 0) problems.push(`${who}: a refused ${spec.method} changed ${changed.join(', ')}`);
        if (expected === 'notFound' && denialAudited(spec, actor) && actor !== 'anon') {
          const userId = w.userIds[actor as Exclude<ActorKey, 'anon'>];
          const rows = await auditSince(mark);
          if (!rows.some((r) => r.actor_user_id === userId && r.outcome === 'denied')) problems.push(`${who}: the denial was not audited`);
        }
      } finally {
        await api.dispose();
      }
    }
    expect(checked).toBe(ACTOR_KEYS.length);
    expect(problems, `${spec.kind} ${spec.id}`).toEqual([]);
  });
}

test('matrix size', () => {
  // For the issue's closing note: each route test above requests it as every actor.
  console.info(`[security] matrix: ${ROUTES.length} routes (${ROUTES.filter((r) => r.mutation).length} mutations) × ${ACTOR_KEYS.length} actors = ${ROUTES.length * ACTOR_KEYS.length} requests`);
  expect(ROUTES.length).toBeGreaterThan(0);
});
