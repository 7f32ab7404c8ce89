import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client.ts';
import type { CurrentUser } from '../../server/http/context.ts';
import { roleGrants, sessions, users } from './accounts.tables.ts';

export const SESSION_COOKIE = 'linshe_session';
const CACHE_MS = 10_000;
const CACHE_MAX = 10_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Sessions live in the database; a short in-process cache (10 s) saves a query per request.
 * Logout and password changes drop this process's cache at once; other processes within 10 s.
 */
const cache = new Map<string, { user: CurrentUser | null; until: number }>();

export async function createSession(
  db: DbOrTx,
  input: { userId: number; hours: number; ip: string; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.hours * 3600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, expiresAt };
}

export async function loadSessionUser(db: Db, token: string): Promise<CurrentUser | null> {
  if (token.length > 100) return null;
  const id = hashToken(token);
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.user;
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      phone: users.phone,
      largeMode: users.largeMode,
      locale: users.locale,
      grants: sql<
        { role: CurrentUser['grants'][number]['role']; stationId: number | null; path: string | null }[]
      >`coalesce((select json_agg(json_build_object('role', g.role, 'stationId', g.station_id, 'path', g.path))
                  from ${roleGrants} g where g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  const row = rows[0];
  const user = row ? { ...row, sessionId: id } : null;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(id, { user, until: now + CACHE_MS });
  return user;
}

export function forgetCachedSession(sessionId: string): void {
  cache.delete(sessionId);
}

export function forgetCachedUser(userId: number): void {
  for (const [key, value] of cache) if (value.user?.userId === userId) cache.delete(key);
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  forgetCachedSession(sessionId);
}
