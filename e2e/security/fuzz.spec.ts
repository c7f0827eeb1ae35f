// Input fuzz: for every mutation in routes.ts, at least 200 generated invalid requests (fast-check:
// non-JSON, JSON of the wrong shape, unknown and prototype-polluting keys, missing fields, wrong
// types, numbers out of range, huge strings, deep nesting, wrong content types, unicode and NUL
// bytes in ids, non-FormData where an action expects a form), sent by an actor who could perform
// the valid request. Not one may answer 5xx, every one is a 4xx (route handlers: JSON with an error
// code) or an action's error state, and no application row changes.
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { ACTOR_KEYS, expectedOutcome, MUTATIONS, type ActorKey, type RouteSpec } from './routes';
import { actionResult, contextFor, send, type Call, type Sent } from './support/calls';
import { builderFor, ENDS_SESSION, freshAddress, type FieldKind, type FuzzShape } from './support/requests';
import { changedTables, closeDb, snapshot } from './support/store';
import { cookieFor, world } from './support/world';

test.afterAll(closeDb);

const PER_MUTATION = 200;
const CONCURRENCY = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'role', 'isAdmin', 'clinicId', 'toString'];
const HUGE = 25_000;

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uFEFF', '\uD800', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', "'; drop table users; --", '../../etc/passwd', '<script>alert(1)</script>', '$@0', '%00', ' '),
);
/** A string that is not a UUID (so never a valid id). */
const notUuid = nastyString.filter((s) => !UUID.test(s.trim()));
const jsonNonObject = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), nastyString, fc.array(fc.jsonValue(), { maxLength: 5 }));
const outOfRange = fc.constantFrom(-1, -1e308, 1e9, 1.5, Number.MAX_SAFE_INTEGER + 2, 2 ** 31);

function deep(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A value of another JSON type than `valid` (never null: null is valid for optional fields). */
function wrongType(valid: unknown): fc.Arbitrary<unknown> {
  if (typeof valid === 'string') return fc.oneof(fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }), fc.array(fc.integer(), { maxLength: 3 }));
  if (typeof valid === 'number') return fc.oneof(nastyString, fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }), outOfRange);
  if (Array.isArray(valid)) return fc.oneof(nastyString, fc.integer(), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }));
  if (typeof valid === 'boolean') return fc.oneof(nastyString.filter((s) => s !== 'true' && s !== 'false'), fc.integer(), fc.array(fc.integer()));
  return fc.oneof(nastyString, fc.integer(), fc.array(fc.integer(), { maxLength: 3 }));
}

type Obj = Record<string, unknown>;
const asObject = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/** Invalid versions of a strict JSON object `valid` whose keys `required` must be present. */
function invalidObjects(valid: Obj, required: string[], maxDepth = 3000, dropsProto = false): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  // React's reply decoder drops `__proto__` keys before an action sees them, so for actions that key is not invalid input.
  const polluting = POLLUTING_KEYS.filter((k) => !(dropsProto && k === '__proto__'));
  const extraKey = fc.oneof(fc.constantFrom(...polluting), fc.string({ minLength: 1, maxLength: 20 })).filter((k) => !keys.includes(k) && !(dropsProto && k === '__proto__'));
  const variants: fc.Arbitrary<unknown>[] = [
    jsonNonObject,
    fc.tuple(extraKey, fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.integer({ min: 50, max: maxDepth }).map((n) => ({ ...valid, nested: deep(n) })),
  ];
  if (keys.length > 0) {
    variants.push(fc.constantFrom(...keys).chain((k) => wrongType(valid[k]).map((v) => ({ ...valid, [k]: v }))));
    const uuidKeys = keys.filter((k) => typeof valid[k] === 'string' && UUID.test(valid[k] as string));
    if (uuidKeys.length) variants.push(fc.tuple(fc.constantFrom(...uuidKeys), notUuid).map(([k, v]) => ({ ...valid, [k]: v })));
    const numberKeys = keys.filter((k) => typeof valid[k] === 'number');
    if (numberKeys.length) variants.push(fc.tuple(fc.constantFrom(...numberKeys), outOfRange).map(([k, v]) => ({ ...valid, [k]: v })));
    const stringKeys = keys.filter((k) => typeof valid[k] === 'string');
    if (stringKeys.length) variants.push(fc.tuple(fc.constantFrom(...stringKeys), fc.integer({ min: HUGE, max: HUGE * 2 })).map(([k, n]) => ({ ...valid, [k]: 'x'.repeat(n), [`${k}Extra`]: true })));
  }
  if (required.length > 0)
    variants.push(
      fc.constantFrom(...required).map((k) => {
        const copy = { ...valid };
        delete copy[k];
        return copy;
      }),
    );
  return fc.oneof(...variants);
}

/** Invalid request bodies for a JSON route handler. */
function jsonCalls(call: Extract<Call, { kind: 'json' }>, required: string[]): fc.Arbitrary<Call> {
  const valid = asObject(call.body);
  const method = call.method;
  return fc.oneof(
    { weight: 5, arbitrary: invalidObjects(valid, required).map((body): Call => ({ kind: 'raw', method, path: call.path, contentType: 'application/json', body: JSON.stringify(body) ?? 'null' })) },
    { weight: 1, arbitrary: nastyString.filter(notJson).map((body): Call => ({ kind: 'raw', method, path: call.path, contentType: 'application/json', body })) },
    { weight: 1, arbitrary: fc.constantFrom('text/xml', 'application/octet-stream', 'application/json; charset=utf-16', 'image/png').map((contentType): Call => ({ kind: 'raw', method, path: call.path, contentType, body: `<x>${JSON.stringify(valid)}</x>` })) },
    { weight: 1, arbitrary: fc.integer({ min: 16 * 1024 + 1, max: 64 * 1024 }).map((n): Call => ({ kind: 'raw', method, path: call.path, contentType: 'application/json', body: JSON.stringify({ ...valid, pad: 'x'.repeat(n) }) })) },
    { weight: 1, arbitrary: fc.integer({ min: 500, max: 5000 }).map((n): Call => ({ kind: 'raw', method, path: call.path, contentType: 'application/json', body: '['.repeat(n) + ']'.repeat(n) })) },
  );
}

function notJson(s: string): boolean {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
}

function invalidField(kind: FieldKind): fc.Arbitrary<string> {
  switch (kind) {
    case 'uuid':
      return notUuid;
    case 'email':
      return fc.oneof(nastyString.filter((s) => !s.includes('@')), fc.integer({ min: 300, max: 2000 }).map((n) => `${'a'.repeat(n)}@x.example`));
    case 'text':
      return fc.oneof(fc.constantFrom('', '   ', '\n\t'), fc.integer({ min: HUGE, max: HUGE * 2 }).map((n) => 'y'.repeat(n)));
    case 'token':
      return nastyString.filter((s) => !/^[A-Za-z0-9_-]{43}$/.test(s));
    case 'timeZone':
      return fc.oneof(fc.constantFrom('', 'Mars/Olympus_Mons', 'Europe/Nowhere', 'UTC+25'), nastyString.map((s) => `!${s}`));
    case 'bool':
      return nastyString;
  }
}

/** Invalid argument lists for a server action. */
function actionCalls(call: Extract<Call, { kind: 'action' }>, shape: FuzzShape): fc.Arbitrary<Call> {
  const withArgs = (args: unknown[]): Call => ({ ...call, args });
  if (shape.kind === 'form') {
    const formIndex = call.args.findIndex((a) => a instanceof FormData);
    const valid = call.args[formIndex] as FormData;
    const entries = [...valid.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : ''] as [string, string]);
    const names = Object.keys(shape.fields);
    const rebuild = (replace: Record<string, string | null>, extra: [string, string][] = []) => {
      const fd = new FormData();
      for (const [k, v] of entries) {
        if (!(k in replace)) fd.append(k, v);
      }
      for (const [k, v] of Object.entries(replace)) if (v !== null) fd.append(k, v);
      for (const [k, v] of extra) fd.append(k, v);
      const args = [...call.args];
      args[formIndex] = fd;
      return withArgs(args);
    };
    const oneBad = fc.constantFrom(...names).chain((name) => invalidField(shape.fields[name] ?? 'text').map((bad) => ({ name, bad })));
    return fc.oneof(
      { weight: 4, arbitrary: oneBad.map(({ name, bad }) => rebuild({ [name]: bad })) },
      { weight: 1, arbitrary: fc.constantFrom(...names).map((name) => rebuild({ [name]: null })) },
      { weight: 2, arbitrary: fc.tuple(oneBad, fc.array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string()), nastyString), { maxLength: 4 })).map(([{ name, bad }, extra]) => rebuild({ [name]: bad }, extra)) },
      { weight: 1, arbitrary: fc.tuple(oneBad, fc.jsonValue({ maxDepth: 2 })).map(([{ name, bad }, prev]) => { const c = rebuild({ [name]: bad }); return c.kind === 'action' && formIndex > 0 ? withArgs([prev, ...c.args.slice(1)]) : c; }) },
      { weight: 2, arbitrary: fc.oneof(jsonNonObject, fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 })).map((notForm) => { const args = [...call.args]; args[formIndex] = notForm; return withArgs(args); }) },
    );
  }
  // JSON arguments: ids first, a strict object last (or only ids).
  const lastIndex = call.args.length - 1;
  const last = call.args[lastIndex];
  const isObject = typeof last === 'object' && last !== null && !Array.isArray(last);
  const idIndexes = shape.kind === 'args' ? shape.ids : [];
  const variants: fc.Arbitrary<Call>[] = [
    fc.array(fc.oneof(jsonNonObject, nastyString), { maxLength: 3 }).map((args) => withArgs(args.filter((a) => !(typeof a === 'string' && UUID.test(a))))),
    // Deep nesting where the object goes (React's encoder recurses, so a browser cannot send much deeper).
    fc.integer({ min: 50, max: 400 }).map((n) => withArgs([...call.args.slice(0, lastIndex), deep(n)])),
  ];
  if (idIndexes.length)
    variants.push(fc.tuple(fc.constantFrom(...idIndexes), fc.oneof(notUuid, fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }), fc.constant(null))).map(([i, bad]) => { const args = [...call.args]; args[i] = bad; return withArgs(args); }));
  if (isObject && shape.kind === 'args')
    variants.push(invalidObjects(last as Obj, shape.required, 400, true).map((bad) => { const args = [...call.args]; args[lastIndex] = bad; return withArgs(args); }));
  return fc.oneof(...variants);
}

/** Invalid ids in the path of a body-less mutation. */
function pathCalls(call: Call): fc.Arbitrary<Call> {
  if (call.kind !== 'json') throw new Error('path fuzzing needs a route handler call');
  const id = call.path.match(/[0-9a-f-]{36}/i)?.[0] ?? '';
  const encodable = (s: string) => {
    try {
      return encodeURIComponent(s).length > 0;
    } catch {
      return false; // a lone surrogate cannot be put in a URL
    }
  };
  return fc.oneof(notUuid.filter((s) => encodable(s) && s.trim() === s), fc.uuid()).map((bad) => ({ ...call, path: call.path.replace(id, encodeURIComponent(bad)) }));
}

/** A short, data-free description of a generated request, to reproduce a failure. */
function describe(call: Call): string {
  const show = (v: unknown) => {
    const text = JSON.stringify(v, (_, x: unknown) => (x instanceof FormData ? Object.fromEntries([...x.entries()].map(([k, e]) => [k, typeof e === 'string' ? e.slice(0, 40) : 'file'])) : typeof x === 'string' && x.length > 60 ? `<${x.length} chars>` : Array.isArray(x) && x.length > 2 ? `<list of ${x.length}>` : x));
    return (text ?? String(v)).slice(0, 400);
  };
  switch (call.kind) {
    case 'raw':
      return `${call.contentType ?? 'no content type'} ${typeof call.body === 'string' ? show(call.body.length > 160 ? `<${call.body.length} chars starting ${call.body.slice(0, 40)}>` : call.body) : 'binary'}`;
    case 'action':
      return `args ${show(call.args)}`;
    default:
      return `${call.kind} ${call.path}`;
  }
}

function actorFor(spec: RouteSpec): ActorKey {
  return ACTOR_KEYS.find((a) => a !== 'anon' && expectedOutcome(spec, a) === 'ok') ?? 'alex';
}

/** A fuzz response is acceptable when it is a 4xx (route handlers: with a JSON error code) or an action's error state. */
function verdict(spec: RouteSpec, sent: Sent): string | null {
  if (sent.status >= 500) return `HTTP ${sent.status}`;
  if (spec.kind === 'route') {
    if (sent.status < 400) return `HTTP ${sent.status} for an invalid body`;
    try {
      const code = (JSON.parse(sent.body) as { error?: { code?: unknown } }).error?.code;
      return typeof code === 'string' ? null : 'no error code';
    } catch {
      return 'not JSON';
    }
  }
  if (sent.status >= 400) return null;
  if (sent.actionRedirect) return null; // sent elsewhere (e.g. a closed invitation's sign-in page): checked by "no rows changed"
  const result = actionResult(sent.body);
  if (result === undefined) return null; // a void action: "no rows changed" is the check
  const r = result as { ok?: unknown; error?: unknown; closed?: unknown; fieldErrors?: unknown };
  return r.ok === false || typeof r.error === 'string' || r.closed === true || r.fieldErrors ? null : 'the action reported success';
}

// Sign-out reads nothing the caller sends, so there is no input to vary: it is left out here
// (the CSRF and session suites cover it) rather than counted as a skipped test.
for (const spec of MUTATIONS.filter((m) => !ENDS_SESSION.has(m.id))) {
  test(`${spec.id}: ${PER_MUTATION} invalid requests → no 5xx, all refused, no row changed`, async () => {
    test.setTimeout(120_000);
    const w = await world();
    const actor = actorFor(spec);
    const built = await builderFor(spec)(w, actor);
    const shape = built.fuzz;
    expect(shape && shape.kind !== 'none', 'this request has input to vary').toBeTruthy();
    if (!shape || shape.kind === 'none') return;
    const arbitrary =
      shape.kind === 'path' ? pathCalls(built.call) : built.call.kind === 'json' ? jsonCalls(built.call, shape.kind === 'json' ? shape.required : []) : built.call.kind === 'action' ? actionCalls(built.call, shape) : null;
    expect(arbitrary, 'a fuzz generator for this kind of request').not.toBeNull();
    if (!arbitrary) return;
    const calls = fc.sample(arbitrary, { numRuns: PER_MUTATION, seed: Number(process.env.FUZZ_SEED ?? 7) });
    const api = await contextFor(await cookieFor(actor));
    const problems: string[] = [];
    const before = await snapshot();
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < calls.length) {
            const i = next++;
            const call = calls[i];
            if (!call) continue;
            const headers = spec.id === 'POST /api/sign-in' ? { 'X-Forwarded-For': freshAddress() } : built.headers;
            const sent = await send(api, call, headers);
            const bad = verdict(spec, sent);
            if (bad) problems.push(`#${i}: ${bad} for ${describe(call)}`);
          }
        }),
      );
    } finally {
      await api.dispose();
    }
    const changed = changedTables(before, await snapshot());
    console.info(`[security] fuzz: ${spec.id}: ${calls.length} invalid requests as ${actor}, ${problems.length} problems, ${changed.length} tables changed`);
    expect(calls.length).toBeGreaterThanOrEqual(PER_MUTATION);
    expect(problems.slice(0, 10), `${problems.length} of ${calls.length} responses`).toEqual([]);
    expect(changed).toEqual([]);
  });
}

