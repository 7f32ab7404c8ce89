import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * JSON built by PostgreSQL for the hot lists, sent to the client as it comes (`toJsonPage`). Each field
 * says how its value becomes JSON text, and `jsonObject` concatenates them: per row that costs the
 * database a third less than json_build_object, which looks up every argument's type on every call
 * (measured on the staff queue: about 0.4 against 0.55 ms of server CPU for a page of 21 rows).
 */
export const json = {
  /** A number or boolean: its text form is its JSON. */
  scalar: (value: SQLWrapper) => sql`coalesce((${value})::text, 'null')`,
  /** Text, escaped. */
  string: (value: SQLWrapper) => sql`coalesce(to_json(${value})::text, 'null')`,
  /** A non-null enum label (letters only, nothing to escape). */
  label: (value: SQLWrapper) => sql`('"' || ${value} || '"')`,
  /** A time as `Date#toISOString` writes it: UTC, milliseconds, Z. */
  time: (value: SQLWrapper) =>
    sql`coalesce('"' || to_char((${value}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')`,
};

/** A JSON object as text, from its fields' JSON (each built with `json`). Keys are code, not input. */
export function jsonObject(fields: Record<string, SQL>): SQL<string> {
  const parts = Object.entries(fields).map(([key, value], i) => {
    if (!/^[A-Za-z]\w*$/.test(key)) throw new Error(`jsonObject: key ${key} is not an identifier`);
    return sql`${sql.raw(`'${i === 0 ? '{' : ','}"${key}":'`)} || ${value}`;
  });
  return sql<string>`(${sql.join(parts, sql` || `)} || '}')`;
}
