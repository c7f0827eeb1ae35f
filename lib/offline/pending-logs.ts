// Session logs made without a connection are kept on the device (localStorage) and sent when it
// returns. Each keeps its clientId and exact body, so a resend can never record it twice.
import type { RecordSessionLogInput } from '@/lib/validation/session-logs';

export type PendingLog = { body: RecordSessionLogInput & { performedAt: string }; itemKey: string };

const KEY = 'limber.pending-session-logs';
const MAX = 200;

function read(): PendingLog[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as PendingLog[]) : [];
  } catch {
    return [];
  }
}

function write(entries: PendingLog[]): void {
  try {
    if (entries.length) window.localStorage.setItem(KEY, JSON.stringify(entries.slice(-MAX)));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage full or disabled: the log stays in memory for this page only.
  }
}

export function listPendingLogs(): PendingLog[] {
  return read();
}

export function addPendingLog(entry: PendingLog): void {
  write([...read().filter((e) => e.body.clientId !== entry.body.clientId), entry]);
}

export function removePendingLog(clientId: string): void {
  write(read().filter((e) => e.body.clientId !== clientId));
}

/** Everything Limber keeps on the device; removed on sign-out. */
export function clearDeviceData(): void {
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith('limber.')) window.localStorage.removeItem(key);
    window.sessionStorage.clear();
  } catch {
    // nothing stored
  }
}
