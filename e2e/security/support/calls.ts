// Sending the requests the suites need the way a browser would: pages and route handlers as plain
// HTTP, server actions as POST to a page with `Next-Action: <id>` and the argument list encoded by
// React's own encodeReply (multipart for FormData arguments, text/plain JSON otherwise).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { BASE_URL, repoPath } from './env';

type ReactClient = { encodeReply(value: unknown): Promise<string | FormData> };
const reactClient = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/client.edge') as ReactClient;

type ManifestEntry = { filename?: string; exportedName?: string; workers: Record<string, unknown> };
let actionIds: Map<string, string> | null = null;

/** The build's id for a server action (`.next/server/server-reference-manifest.json`), by source file and export. */
export function actionId(file: string, exportName: string): string {
  if (!actionIds) {
    const manifest = JSON.parse(readFileSync(repoPath('.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, ManifestEntry> };
    actionIds = new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename} ${entry.exportedName}`, id]));
  }
  const id = actionIds.get(`${file} ${exportName}`);
  if (!id) throw new Error(`no server action ${exportName} from ${file} in the build (is it used by any page?)`);
  return id;
}

/** What a suite wants sent. */
export type Call =
  | { kind: 'get'; path: string }
  | { kind: 'json'; method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: unknown }
  | { kind: 'raw'; method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; contentType?: string; body: string | Buffer }
  | { kind: 'form'; method: 'POST'; path: string; fields: Record<string, string> }
  | { kind: 'action'; file: string; name: string; path: string; args: unknown[] };

export type Sent = { status: number; headers: Record<string, string>; body: string; location: string | null; actionRedirect: string | null };

/** A request context for one actor: its session cookie, and Origin = the app's own unless `origin` says otherwise (null = none). */
export async function contextFor(cookie: string, origin: string | null = BASE_URL): Promise<APIRequestContext> {
  const headers: Record<string, string> = {};
  if (origin !== null) headers.Origin = origin;
  if (cookie) headers.Cookie = cookie;
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: headers, maxRedirects: 0 });
}

/** Encodes an action's arguments exactly as the browser's React runtime does. */
export async function encodeActionArgs(args: unknown[]): Promise<{ body: string; contentType: string } | { multipart: FormData }> {
  // Plain JSON values as a browser would hold them (generated objects may lack Object.prototype).
  const plain = args.map((a) => (a instanceof FormData || a === undefined ? a : (JSON.parse(JSON.stringify(a) ?? 'null') as unknown)));
  const encoded = await reactClient.encodeReply(plain);
  return typeof encoded === 'string' ? { body: encoded, contentType: 'text/plain;charset=UTF-8' } : { multipart: encoded };
}

export async function send(api: APIRequestContext, call: Call, extraHeaders: Record<string, string> = {}): Promise<Sent> {
  let response: APIResponse;
  const base = { maxRedirects: 0, failOnStatusCode: false, timeout: 20_000 };
  switch (call.kind) {
    case 'get':
      response = await api.fetch(call.path, { ...base, method: 'GET', headers: extraHeaders });
      break;
    case 'json':
      response = await api.fetch(call.path, {
        ...base,
        method: call.method,
        headers: { ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }), Accept: 'application/json', ...extraHeaders },
        ...(call.body === undefined ? {} : { data: JSON.stringify(call.body) }),
      });
      break;
    case 'raw':
      response = await api.fetch(call.path, { ...base, method: call.method, headers: { ...(call.contentType ? { 'Content-Type': call.contentType } : {}), ...extraHeaders }, data: call.body });
      break;
    case 'form':
      response = await api.fetch(call.path, { ...base, method: call.method, form: call.fields, headers: extraHeaders });
      break;
    case 'action': {
      const encoded = await encodeActionArgs(call.args);
      const headers = { 'Next-Action': actionId(call.file, call.name), Accept: 'text/x-component', ...extraHeaders };
      response =
        'multipart' in encoded
          ? await api.fetch(call.path, { ...base, method: 'POST', headers, multipart: encoded.multipart })
          : await api.fetch(call.path, { ...base, method: 'POST', headers: { ...headers, 'Content-Type': encoded.contentType }, data: encoded.body });
      break;
    }
  }
  const headers = response.headers();
  return { status: response.status(), headers, body: await response.text(), location: headers.location ?? null, actionRedirect: headers['x-action-redirect'] ?? null };
}

/**
 * The value a server action returned, from its Flight response (row 0 holds `{ a: "$@<row>" }`,
 * the row holds the JSON). undefined when the action returned nothing or did not run.
 */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    const ref = root?.a;
    if (typeof ref !== 'string' || !ref.startsWith('$@')) return undefined;
    const payload = rows.get(ref.slice(2));
    const value = payload === undefined ? undefined : (JSON.parse(payload) as unknown);
    return value === '$undefined' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Fills `[param]` segments of a path template. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[([A-Za-z]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${template}`);
    return encodeURIComponent(value);
  });
}
