/**
 * Days and times of the duty desk. A station keeps China Standard Time (UTC+08:00, no daylight saving):
 * a shift's day ('YYYY-MM-DD') and its times ('HH:MM') are the station's wall clock, whatever the server's.
 */

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The clock the duty desk reads; tests set `now` to work on fixed days and hours. */
export const dutyClock = { now: (): Date => new Date() };

/** The station's date of an instant (now by default), 'YYYY-MM-DD'. Every part of the module uses this one. */
export function chinaDate(at: Date = dutyClock.now()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The station's wall-clock time of an instant, 'HH:MM:SS'. */
export function chinaTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 19);
}

/** The instant a station's wall-clock time on a day happens. */
export function chinaInstant(day: string, time: string): Date {
  return new Date(`${day}T${hhmm(time)}:00+08:00`);
}

/** A day plus `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Every day of a month 'YYYY-MM'. */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** 'HH:MM' of a time as PostgreSQL sends it ('HH:MM:SS') or as given. */
export const hhmm = (time: string) => time.slice(0, 5);

/** Half-open intervals overlap: 09:00–11:00 and 11:00–12:00 do not. */
export const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  hhmm(a.from) < hhmm(b.to) && hhmm(b.from) < hhmm(a.to);
