// Patient-local dates. A "local date" is a 'YYYY-MM-DD' string in the patient's IANA zone;
// the server's own zone never decides what "today" is.

export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date at instant `at` in `timeZone`. */
export function localDateIn(timeZone: string, at: Date = new Date()): LocalDate {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtcDate(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`Not a local date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = toUtcDate(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}

export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "Mon, Wed, Fri" / "Every day" for a list of ISO weekdays. */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return 'Every day';
  if (sorted.join() === '1,2,3,4,5') return 'Weekdays';
  return sorted.map((d) => WEEKDAY_SHORT[d - 1]).join(', ');
}

const DEFAULT_DISPLAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
/** Building an Intl.DateTimeFormat costs far more than formatting with one (a chart's table formats hundreds of dates), so each options set is built once. */
const displayFormatters = new Map<string, Intl.DateTimeFormat>();
function displayFormatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = displayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    displayFormatters.set(key, f);
  }
  return f;
}

/** "Tue 24 Nov" for display; dates are calendar dates, so format them in UTC. */
export function formatLocalDate(date: LocalDate, options: Intl.DateTimeFormatOptions = DEFAULT_DISPLAY): string {
  const key = options === DEFAULT_DISPLAY ? date : `${date}|${JSON.stringify(options)}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = displayFormatter(options).format(toUtcDate(date));
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
/** Charts re-render their tables on every refresh, with the same few hundred dates: each is formatted once. */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 5000;
