// Marker leak: every seeded patient has a unique marker planted in their condition note, plan note,
// latest session note and latest check-in note (support/world.ts). Every actor fetches every page
// and GET route in routes.ts (patient-specific ones once per patient of both clinics); no response
// may contain the marker, name or email of a patient the policy does not let that actor see. As a
// check that the search can find something, each signed-in actor with patients of their own must
// see at least one of their markers somewhere.
import { expect, test } from '@playwright/test';
import { ACTOR_KEYS, ACTORS, PATIENT_KEYS, READS, type RouteSpec } from './routes';
import { contextFor, send, type Call } from './support/calls';
import { builderFor } from './support/requests';
import { closeDb, many } from './support/store';
import { cookieFor, maySee, world, type World } from './support/world';

test.afterAll(closeDb);

/** The requests for one GET route: once, or once per named patient when it takes a patient or assignment id. */
async function callsFor(spec: RouteSpec, w: World): Promise<Call[]> {
  const base = (await builderFor(spec)(w, 'anon')).call;
  if (base.kind !== 'get') return [base];
  if (spec.path.includes('[patientId]')) return PATIENT_KEYS.map((p) => ({ kind: 'get', path: base.path.replace(w.patientIds.alex, w.patientIds[p]) }));
  if (spec.path.includes('[assignmentId]')) {
    const rows = await many<{ id: string }>(
      `select distinct on (patient_id) id from reading_assignments where patient_id = any($1::uuid[]) and removed_at is null order by patient_id, assigned_at`,
      [PATIENT_KEYS.map((p) => w.patientIds[p])],
    );
    return rows.map((r) => ({ kind: 'get', path: `/read/${r.id}` }));
  }
  return [base];
}

for (const actor of ACTOR_KEYS) {
  test(`${actor} (${ACTORS[actor].relation}) sees no other patient's data on any page or GET route`, async () => {
    test.setTimeout(90_000);
    const w = await world();
    const forbidden = w.seeded.filter((p) => !maySee(w, actor, p));
    const allowed = w.seeded.filter((p) => maySee(w, actor, p));
    expect(forbidden.length + allowed.length).toBe(w.seeded.length);
    const api = await contextFor(await cookieFor(actor));
    const leaks: string[] = [];
    let requests = 0;
    let ownMarkersSeen = 0;
    try {
      for (const spec of READS) {
        for (const call of await callsFor(spec, w)) {
          const sent = await send(api, call);
          requests++;
          for (const p of forbidden) {
            for (const [what, needle] of [['marker', p.marker], ['name', p.name], ['email', p.email]] as const) {
              // Which patient leaked is told by their position in the seed, never by their data.
              if (sent.body.includes(needle)) leaks.push(`GET ${call.path.replace(/[0-9a-f-]{36}/g, ':id')}: ${what} of seeded patient #${w.seeded.indexOf(p)} (HTTP ${sent.status})`);
            }
          }
          if (allowed.some((p) => sent.body.includes(p.marker))) ownMarkersSeen++;
        }
      }
    } finally {
      await api.dispose();
    }
    console.info(`[security] leaks: ${actor}: ${requests} responses searched for ${forbidden.length * 3} forbidden strings`);
    expect(leaks).toEqual([]);
    // The search can fail: an actor with patients of their own finds their markers.
    if (allowed.length > 0) expect(ownMarkersSeen, `${actor} should see a marker of a patient they may see`).toBeGreaterThan(0);
    else expect(actor === 'anon' || ACTORS[actor].role !== 'patient').toBe(true);
  });
}
