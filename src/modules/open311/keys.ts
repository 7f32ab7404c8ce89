import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireManager } from '../requests/index.ts';
import { jurisdictionOf } from './jurisdiction.ts';
import { open311Keys } from './open311.tables.ts';

// Client keys are the station's request settings: managed under `requireManager` (request.configure).
/** Client keys are stored as their SHA-256 only; the key itself is shown once, when it is made. */
const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

type KeyRow = typeof open311Keys.$inferSelect;

function presentKey(row: KeyRow) {
  return {
    id: row.id,
    name: row.name,
    keyTail: row.keyTail,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The station's keys (never the keys themselves) and the jurisdiction_id to hand out with them. */
export async function listKeys(ctx: AuthedCtx, stationId: number) {
  const station = await requireManager(ctx, stationId);
  const rows = await ctx.db
    .select()
    .from(open311Keys)
    .where(eq(open311Keys.stationId, station.id))
    .orderBy(desc(open311Keys.id))
    .limit(500);
  return { jurisdictionId: jurisdictionOf(station.id), items: rows.map(presentKey) };
}

/** Makes a client key for the station; the answer is the only time the key is seen. */
export async function createKey(ctx: AuthedCtx, stationId: number, input: { name: string }) {
  const station = await requireManager(ctx, stationId);
  const key = randomBytes(24).toString('base64url');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(open311Keys)
      .values({
        stationId: station.id,
        name: input.name,
        keyHash: hashKey(key),
        keyTail: key.slice(-4),
        createdByUserId: ctx.user.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'open311Key.create',
      subjectType: 'open311Key',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { name: input.name, keyTail: row!.keyTail },
    });
    return { ...presentKey(row!), key };
  });
}

/** Revokes a key at once: POSTs with it answer 403 from then on. Revoking it again changes nothing. */
export async function revokeKey(ctx: AuthedCtx, id: number) {
  const [found] = await ctx.db.select().from(open311Keys).where(eq(open311Keys.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  const station = await requireManager(ctx, found.stationId);
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(open311Keys)
      .set({ revokedAt: new Date() })
      .where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt)))
      .returning({ id: open311Keys.id });
    if (revoked.length === 0) return;
    await recordAudit(tx, ctx, {
      action: 'open311Key.revoke',
      subjectType: 'open311Key',
      subjectId: id,
      stationId: station.id,
      path: station.path,
      summary: { name: found.name, keyTail: found.keyTail },
    });
  });
}

/** The live (not revoked) key a client presents, or null. */
export async function liveKey(db: DbOrTx, key: string): Promise<KeyRow | null> {
  if (key.length < 8 || key.length > 200) return null;
  const [row] = await db
    .select()
    .from(open311Keys)
    .where(and(eq(open311Keys.keyHash, hashKey(key)), isNull(open311Keys.revokedAt)));
  return row ?? null;
}

/** The demo install's client key for its main station (demo data only, never in a real install). */
const DEMO_KEY = 'demo-open311-key';

export async function seedDemoKey(tx: DbOrTx, stationId: number) {
  await tx.insert(open311Keys).values({
    stationId,
    name: '演示客户端',
    keyHash: hashKey(DEMO_KEY),
    keyTail: DEMO_KEY.slice(-4),
  });
}
