import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { stationRooms } from './council.tables.ts';
import { conflict, managedStation } from './station-access.ts';

/** The station's rooms (会客厅, 活动室, 议事亭…): added, renamed, removed. Names are unique per station. */

interface RoomInput {
  name: string;
  purpose?: string | null | undefined;
  capacity?: number | null | undefined;
}

type Room = typeof stationRooms.$inferSelect;
export const presentRoom = (r: Room) => ({
  id: r.id,
  name: r.name,
  purpose: r.purpose,
  capacity: r.capacity,
});

async function refuseSameName(tx: DbOrTx, stationId: number, name: string, except?: number) {
  const [same] = await tx
    .select({ id: stationRooms.id })
    .from(stationRooms)
    .where(
      and(
        eq(stationRooms.stationId, stationId),
        eq(stationRooms.name, name),
        except ? ne(stationRooms.id, except) : undefined,
      ),
    );
  if (same) throw conflict({ zh: `已有名为“${name}”的房间`, en: `There is already a room named ${name}` });
}

export async function addRoom(ctx: AuthedCtx, stationId: number, input: RoomInput) {
  const station = await managedStation(ctx, stationId);
  return ctx.db.transaction(async (tx) => {
    await refuseSameName(tx, station.id, input.name);
    const [row] = await tx
      .insert(stationRooms)
      .values({
        stationId: station.id,
        name: input.name,
        purpose: input.purpose ?? null,
        capacity: input.capacity ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'station.room.add',
      subjectType: 'stationRoom',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { name: input.name },
    });
    return presentRoom(row!);
  });
}

async function roomOf(ctx: AuthedCtx, stationId: number, roomId: number) {
  const station = await managedStation(ctx, stationId);
  const [room] = await ctx.db
    .select()
    .from(stationRooms)
    .where(and(eq(stationRooms.id, roomId), eq(stationRooms.stationId, station.id)));
  if (!room) throw new AppError('NOT_FOUND');
  return { station, room };
}

export async function updateRoom(ctx: AuthedCtx, stationId: number, roomId: number, input: RoomInput) {
  const { station, room } = await roomOf(ctx, stationId, roomId);
  return ctx.db.transaction(async (tx) => {
    await refuseSameName(tx, station.id, input.name, room.id);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [row] = await tx.update(stationRooms).set(patch).where(eq(stationRooms.id, room.id)).returning();
    await recordAudit(tx, ctx, {
      action: 'station.room.update',
      subjectType: 'stationRoom',
      subjectId: room.id,
      stationId: station.id,
      path: station.path,
      summary: { fields: Object.keys(patch) },
    });
    return presentRoom(row!);
  });
}

export async function removeRoom(ctx: AuthedCtx, stationId: number, roomId: number) {
  const { station, room } = await roomOf(ctx, stationId, roomId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(stationRooms).where(eq(stationRooms.id, room.id));
    await recordAudit(tx, ctx, {
      action: 'station.room.remove',
      subjectType: 'stationRoom',
      subjectId: room.id,
      stationId: station.id,
      path: station.path,
      summary: { name: room.name },
    });
  });
  return { ok: true as const };
}
