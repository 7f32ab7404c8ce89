/**
 * Money is integer fen (分) everywhere: in the database (bigint), the API (integer `…Fen` fields) and
 * the code (bigint where sums are formed). Yuan appear only as text, parsed and printed here without
 * floating point (docs/fund.md; `src/modules/fund/no-float.test.ts` holds the money paths to it).
 */

/** The largest amount one entry may carry: 100 million yuan. */
export const MAX_FEN = 10_000_000_000;

/**
 * The largest balance the ledger keeps, in either direction: 2^53 − 1 fen. Within it every amount is
 * exact as a JSON number and as the JS number PostgreSQL's bigint arrives as (`db/client.ts`).
 */
export const MAX_BALANCE_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint amount as the API's integer number; throws rather than round one beyond 2^53. */
export function fenNumber(fen: bigint): number {
  if (fen > MAX_BALANCE_FEN || fen < -MAX_BALANCE_FEN) throw new RangeError(`${fen} fen is beyond 2^53`);
  return Number(fen);
}

/** "1,234.50" for 123450 fen ("-12.00" for a negative amount). */
export function yuanText(fen: bigint | number): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/**
 * Fen of a yuan amount typed by a person: digits with at most two decimals ("300", "12.5", "0.01"),
 * commas only between groups of three ("1,200.00", not "12,00", which some write for 12.00); null for
 * anything else (negative, more decimals, letters, empty, more than MAX_FEN). The digits are joined as
 * text, never multiplied as a float.
 */
export function parseYuan(text: string): number | null {
  const clean = text.trim().replace(/，/g, ',');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  const digits = `${match[1]!.replace(/,/g, '')}${(match[2] ?? '').padEnd(2, '0')}`;
  const fen = BigInt(digits);
  return fen > BigInt(MAX_FEN) ? null : fenNumber(fen);
}
