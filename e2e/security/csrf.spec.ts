// CSRF: every mutation in routes.ts (route handlers, server actions, sign-in and sign-out), sent
// with a session that could perform it, but with a cross-site Origin or with no Origin at all, is
// refused with 403 JSON `forbidden` before anything runs: no row changes and no session ends.
import { expect, test } from '@playwright/test';
import { ACTOR_KEYS, expectedOutcome, MUTATIONS, type ActorKey, type RouteSpec } from './routes';
import { contextFor, send } from './support/calls';
import { builderFor, ENDS_SESSION } from './support/requests';
import { changedTables, closeDb, one, snapshot } from './support/store';
import { freshSession, world } from './support/world';

test.afterAll(closeDb);

/** An actor for whom the request would otherwise succeed (anyone for public routes). */
function actorFor(spec: RouteSpec): ActorKey {
  return ACTOR_KEYS.find((a) => a !== 'anon' && expectedOutcome(spec, a) === 'ok') ?? 'alex';
}

const ORIGINS: [string, string | null][] = [
  ['a cross-site Origin', 'https://evil.example'],
  ['no Origin', null],
];

for (const spec of MUTATIONS) {
  for (const [label, origin] of ORIGINS) {
    test(`${spec.id} with ${label} → 403, nothing written`, async () => {
      const w = await world();
      const actor = actorFor(spec);
      const { cookie, sessionId } = await freshSession(actor);
      const built = await builderFor(spec)(w, actor);
      const api = await contextFor(cookie, origin);
      try {
        const before = await snapshot();
        const sent = await send(api, built.call, built.headers);
        expect(changedTables(before, await snapshot())).toEqual([]);
        expect(sent.status).toBe(403);
        expect((JSON.parse(sent.body) as { error?: { code?: string } }).error?.code).toBe('forbidden');
        if (ENDS_SESSION.has(spec.id) && sessionId) {
          const { revoked } = await one<{ revoked: boolean }>('select revoked_at is not null as revoked from auth_sessions where id = $1', [sessionId]);
          expect(revoked, 'a refused sign-out must not end the session').toBe(false);
        }
      } finally {
        await api.dispose();
      }
    });
  }
}
