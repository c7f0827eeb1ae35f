// Forged fields: every mutation, sent by every actor it is for, with `patientId`, `clinicId`,
// `therapistId`, `role` and `userId` naming another patient / clinic / therapist added to (or
// replacing the same field of) a valid body. The app must refuse it (4xx or an action error) or
// write only within the actor's own scope: no row of the other scope may change.
import { expect, test } from '@playwright/test';
import { ACTOR_KEYS, ACTORS, actorMaySee, expectedOutcome, MUTATIONS, PATIENT_KEYS, type ActorKey } from './routes';
import { contextFor, send, type Call } from './support/calls';
import { builderFor, ENDS_SESSION } from './support/requests';
import { changedTables, closeDb, scopeSnapshot } from './support/store';
import { cookieFor, freshCookie, world, type World } from './support/world';

test.afterAll(closeDb);

/** Ids of a scope the actor must not reach: a patient they may not see, the other clinic, that clinic's therapist. */
function otherScope(w: World, actor: ActorKey) {
  const patient = PATIENT_KEYS.find((p) => !actorMaySee(actor, p)) ?? 'nina';
  const clinic = ACTORS[actor].clinic === 'harbour' ? 'riverside' : 'harbour';
  const therapist = clinic === 'harbour' ? w.userIds.leo : w.userIds.maya;
  const fields = { patientId: w.patientIds[patient], clinicId: w.clinicIds[clinic], therapistId: therapist, role: 'admin', userId: w.patientIds[patient] };
  return { fields, clinicId: w.clinicIds[clinic], ids: [w.patientIds[patient], therapist] };
}

/** The call with the forged fields added: JSON bodies and object arguments get the keys, FormData gets them set. */
function forge(call: Call, fields: Record<string, string>): Call {
  switch (call.kind) {
    case 'json':
      return { ...call, body: { ...(typeof call.body === 'object' && call.body !== null ? call.body : {}), ...fields } };
    case 'action':
      return {
        ...call,
        args: call.args.map((arg) => {
          if (arg instanceof FormData) {
            const copy = new FormData();
            for (const [k, v] of arg.entries()) if (!(k in fields)) copy.append(k, v);
            for (const [k, v] of Object.entries(fields)) copy.set(k, v);
            return copy;
          }
          return typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? { ...arg, ...fields } : arg;
        }),
      };
    default:
      return call;
  }
}

// Mutations no signed-in actor may use at all have nothing to forge against (the matrix and CSRF
// suites cover their refusals); they are left out here rather than counted as skipped tests.
const USABLE = MUTATIONS.filter((spec) => ACTOR_KEYS.some((a) => a !== 'anon' && expectedOutcome(spec, a) === 'ok'));

for (const spec of USABLE) {
  test(`${spec.id}: forged patientId/clinicId/therapistId/role/userId never reach another scope`, async () => {
    test.setTimeout(60_000);
    const w = await world();
    const actors = ACTOR_KEYS.filter((a) => a !== 'anon' && expectedOutcome(spec, a) === 'ok');
    expect(actors.length, 'actors allowed to use this mutation').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const actor of actors) {
      const scope = otherScope(w, actor);
      const built = await builderFor(spec)(w, actor);
      const api = await contextFor(ENDS_SESSION.has(spec.id) ? await freshCookie(actor) : await cookieFor(actor));
      try {
        const before = await scopeSnapshot(scope.clinicId, scope.ids);
        const sent = await send(api, forge(built.call, scope.fields), built.headers);
        const changed = changedTables(before, await scopeSnapshot(scope.clinicId, scope.ids));
        if (sent.status >= 500) problems.push(`${actor}: HTTP ${sent.status}`);
        if (changed.length > 0) problems.push(`${actor} (${ACTORS[actor].relation}) changed another scope's rows in ${changed.join(', ')}`);
      } finally {
        await api.dispose();
      }
    }
    expect(problems).toEqual([]);
  });
}
