/**
 * Dates in the demo data are laid out around one anchor instant rather than the wall clock, so a
 * rerun produces exactly the same rows. Callers may pass a different anchor (e.g. today).
 */
export const DEFAULT_DEMO_ANCHOR = new Date('2026-11-02T09:00:00.000Z');

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** `date` moved by a (possibly fractional or negative) number of days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `date` moved by a number of hours. */
export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}

/** Midnight UTC of `date`, for `@db.Date` columns. */
export function dateOnly(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The later of two dates. */
export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** The earlier of two dates. */
export function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Hours `timeZone` is ahead of UTC at `date`, daylight saving included (e.g. -4 for New York in July). */
export function utcOffsetHours(timeZone: string, date: Date): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const label = format.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (!match) {
    return 0; // plain "GMT": the zone is on UTC at that instant
  }
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) + Number(match[3]) / 60);
}

/**
 * The instant it is `hour` o'clock in `timeZone` on the calendar day of `day` (UTC), so a wedding
 * in Toronto starts at 1 pm Toronto time rather than 1 pm UTC.
 */
export function atLocalHour(day: Date, hour: number, timeZone: string): Date {
  const wallClock = addHours(dateOnly(day), hour);
  return addHours(wallClock, -utcOffsetHours(timeZone, wallClock));
}
