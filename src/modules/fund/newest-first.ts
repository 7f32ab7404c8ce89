import { type SQL, sql } from 'drizzle-orm';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';

/** The fund's raw-SQL lists, newest first by id (the ledger, a drive's payments, donors and hand-overs). */

export interface Paging {
  cursor?: string | undefined;
  limit: number;
}

/** The end of such a list's query: below the cursor's id, newest first, `limit + 1` rows. */
export function newestFirst(id: SQL, query: Paging): SQL {
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  return sql`${after ? sql`and ${id} < ${after[0]}` : sql``} order by ${id} desc limit ${query.limit + 1}`;
}

/** The page of rows fetched with `newestFirst`; the cursor is the last row's id. */
export const idPage = <R extends { id: number | string }, T>(
  rows: R[],
  query: Paging,
  present: (row: R) => T,
) => toPage(rows, query.limit, (r) => Number(r.id), present);
