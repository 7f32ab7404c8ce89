/**
 * The periods of the fund's public statements 公示 (docs/fund-disclosure.md): a calendar month 'YYYY-MM'
 * or a quarter 'YYYY-Qn', as China days [from, to). A posting belongs to the period holding its
 * `occurred_on` day. Pure: the server parses what it is asked for, the web app names what it lists.
 * Integer arithmetic and tables only (the fund's money paths are held to it, no-float.test.ts).
 */

export type PeriodKind = 'month' | 'quarter';

export interface StatementPeriod {
  key: string;
  kind: PeriodKind;
  year: number;
  /** The month (1–12) or the quarter (1–4). */
  part: number;
  /** The first day, 'YYYY-MM-DD'. */
  from: string;
  /** The day after the last one, 'YYYY-MM-DD' (exclusive). */
  to: string;
  /** The last day, 'YYYY-MM-DD' (inclusive). */
  through: string;
  /** The months it spans, 'YYYY-MM'. */
  months: string[];
}

/** The years a period may fall in: those of `ZDay` (shared/limits.ts). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

export const PERIOD_SHAPE = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

const QUARTER_OF_MONTH = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4] as const;
const FIRST_MONTH_OF_QUARTER = [1, 4, 7, 10] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad2(month)}`;

/** The month after `month` of `year`, as [year, month]. */
function nextMonth(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

/** A period from its key, or null when the key is not one (shape, month, quarter or year out of range). */
export function parsePeriod(key: string): StatementPeriod | null {
  const m = PERIOD_SHAPE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const quarter = m[3] ? Number(m[3]) : null;
  const first = quarter ? FIRST_MONTH_OF_QUARTER[quarter - 1]! : Number(m[2]);
  const count = quarter ? 3 : 1;
  const months: string[] = [];
  let [y, mo] = [year, first];
  for (let i = 0; i < count; i++) {
    months.push(monthKey(y, mo));
    [y, mo] = nextMonth(y, mo);
  }
  return {
    key,
    kind: quarter ? 'quarter' : 'month',
    year,
    part: quarter ?? first,
    from: `${months[0]}-01`,
    to: `${monthKey(y, mo)}-01`,
    // Day 0 of the next month is the last day of this one.
    through: new Date(Date.UTC(y, mo - 1, 0)).toISOString().slice(0, 10),
    months,
  };
}

/** The quarter a month 'YYYY-MM' falls in, 'YYYY-Qn'. */
export function quarterOf(month: string): string {
  const [year, mo] = month.split('-');
  return `${year}-Q${QUARTER_OF_MONTH[Number(mo) - 1]}`;
}
