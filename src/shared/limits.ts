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
export const ZIdParam = z.object({ id: ZId });
export const ZName = z.string().trim().min(1).max(LIMITS.nameMax);

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
