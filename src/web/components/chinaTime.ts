/**
 * A station keeps China time (UTC+08:00): meetings and votes are shown and entered on its wall clock,
 * whatever the browser's zone.
 */

/** Date and time of an instant, China time, in the reader's language. */
export function chinaDateTime(language: string) {
  const format = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
  return (iso: string) => format.format(new Date(iso));
}

/** "14:00" of an instant, China time. */
export function chinaClock(iso: string): string {
  return new Intl.DateTimeFormat('zh-CN', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

/** A datetime-local value ('YYYY-MM-DDTHH:MM', China time) as the API's instant. */
export const chinaInstantOf = (local: string) => (local ? `${local}:00+08:00` : '');

/** The day an instant falls on in China, in the reader's language: "2026年11月22日". */
export function chinaDay(language: string) {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  return (iso: string) => format.format(new Date(iso));
}
