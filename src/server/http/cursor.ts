import type { FastifyReply } from 'fastify';
import type { ZodType } from 'zod';
import { AppError } from './errors.ts';

/** Opaque cursors: the sort key of the last row, base64url-encoded JSON. */
function encodeCursor(value: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The answer to a cursor that is not one this list handed out (also for keys the database refuses). */
export const invalidCursor = () =>
  new AppError('VALIDATION', { detail: { zh: '分页游标无效', en: 'The page cursor is not valid' } });

export function decodeCursor<T extends readonly (string | number)[]>(
  cursor: string | undefined,
  shape: readonly ('string' | 'number')[],
): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === shape.length &&
      value.every((v, i) => typeof v === shape[i] && (typeof v !== 'number' || Number.isSafeInteger(v)))
    ) {
      return value as unknown as T;
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/**
 * The page of a query that fetched `limit + 1` rows, newest or lowest id first: the extra row only
 * says there is a next page, whose cursor is the last shown row's sort key (its id, or the values
 * of a compound sort ending in the id).
 */
function pageRows<R>(rows: R[], limit: number, keyOf: (row: R) => number | readonly (string | number)[]) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const key = more ? keyOf(page.at(-1)!) : null;
  return { page, nextCursor: key === null ? null : encodeCursor(typeof key === 'number' ? [key] : key) };
}

export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => number | readonly (string | number)[],
  present: (row: R) => T,
) {
  const { page, nextCursor } = pageRows(rows, limit, keyOf);
  return { items: page.map(present), nextCursor };
}

/**
 * The same page as JSON text, from rows whose `json` PostgreSQL already serialised (the hot lists,
 * see `sendJsonText`): no row objects are built in Node at all.
 */
export function toJsonPage<R extends { json: string }>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => number | readonly (string | number)[],
): string {
  const { page, nextCursor } = pageRows(rows, limit, keyOf);
  return `{"items":[${page.map((r) => r.json).join(',')}],"nextCursor":${nextCursor === null ? 'null' : `"${nextCursor}"`}}`;
}

/**
 * Sends JSON text as the body, past Fastify's serializer (a string with a JSON content type is sent as
 * is). The route keeps its response schema for the OpenAPI document; where responses are validated
 * (tests, VALIDATE_RESPONSES) the text is parsed and checked against it, as serialised bodies are.
 */
export function sendJsonText(reply: FastifyReply, schema: ZodType, text: string): FastifyReply {
  if (reply.server.deps.config.VALIDATE_RESPONSES) schema.parse(JSON.parse(text));
  return reply.type('application/json; charset=utf-8').send(text);
}
