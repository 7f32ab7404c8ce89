import { z } from 'zod';

/** Limits shared by forms and the server, so both say the same thing. */
export const LIMITS = {
  nameMax: 40,
  placeNameMax: 60,
  textMax: 2000,
  passwordMin: 8,
  passwordMax: 128,
  pageMax: 100,
  pageDefault: 50,
  rosterRowsMax: 20_000,
  rosterFileBytes: 10 * 1024 * 1024,
  tagsMax: 20,
} as const;

export const ZPhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请输入 11 位手机号 / Enter an 11-digit mobile number' });
export const ZPassword = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
export const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An id inside a JSON body: a number (not coerced from a string), positive; int() keeps it safe. */
export const ZBodyId = z.number().int().positive();
export const ZIdParam = z.object({ id: ZId });
export const ZStationParam = z.object({ stationId: ZId });
export const ZName = z.string().trim().min(1).max(LIMITS.nameMax);

/** Free text without NUL (PostgreSQL refuses it in text columns), trimmed, at most `max` characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\0'), { message: '含有无效字符 / contains an invalid character' });

const OUT_OF_RANGE = { message: '日期超出范围 / date out of range' };
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
// The range refinements judge only well-shaped values: a malformed one gets its format's message alone.
const inYears = (d: string) => !DAY_SHAPE.test(d) || (d >= '1900-01-01' && d <= '2199-12-31');
/**
 * A calendar day, YYYY-MM-DD, within years PostgreSQL and people both understand (1900–2199). zod's
 * iso.date() already refuses days the calendar lacks ('2026-02-30', '2100-02-29'); a refine for that
 * would only repeat its issue.
 */
export const ZDay = z.iso.date().refine(inYears, OUT_OF_RANGE);
/** A calendar month, YYYY-MM, within the years of `ZDay`. */
export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .refine((m) => !/^\d{4}-\d{2}$/.test(m) || (m >= '1900-01' && m <= '2199-12'), OUT_OF_RANGE);

/** Cursor pagination: `cursor` is the opaque token from the previous page's `nextCursor`. */
export const ZPageQuery = z.object({
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]*$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZOk = z.object({ ok: z.literal(true) });
