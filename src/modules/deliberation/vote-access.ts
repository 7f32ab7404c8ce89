import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can, roleAllows } from '../accounts/index.ts';
import { stationPlace } from '../places/index.ts';
import { residentOfStation } from '../requests/index.ts';
import { votes } from './votes.tables.ts';

/**
 * Who sees a vote: staff of its station (deliberation.read), anyone who may collect or enter ballots
 * there, and the station's residents (verified, or with a resident record) once it is no longer a draft.
 * Everyone else gets 404, like a missing vote.
 */

export type VoteRow = typeof votes.$inferSelect;

/** Whether the user is a (verified) resident of the station. */
export async function isStationResident(db: DbOrTx, userId: number, stationId: number): Promise<boolean> {
  return (await residentOfStation(db, userId, stationId)) !== null;
}

export async function abilitiesAt(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  return {
    station,
    read: can(ctx.user, 'deliberation.read', station),
    manage: can(ctx.user, 'deliberation.manage', station),
    enter: can(ctx.user, 'ballot.enter', station),
    // A building leader's grant sits on a building of the station: it lets them see the vote; which
    // electors they may collect from is checked per building (collectorCovers).
    collect:
      can(ctx.user, 'ballot.collect', station) ||
      ctx.user.grants.some(
        (g) => g.stationId === station.id && g.path !== null && roleAllows(g.role, 'ballot.collect'),
      ),
  };
}

/**
 * A station's deliberation as the user may take part in it: staff (deliberation.read / manage) and its
 * residents (their resident record) see topics and conventions; anyone else gets 404.
 */
export async function deliberationAccess(ctx: AuthedCtx, stationId: number) {
  const abilities = await abilitiesAt(ctx, stationId);
  const resident = await residentOfStation(ctx.db, ctx.user.userId, stationId);
  if (!abilities.read && !abilities.manage && !resident) throw new AppError('NOT_FOUND');
  return { ...abilities, resident };
}

/** The vote and what the user may do with it; 404 unless they may see it. */
export async function voteFor(ctx: AuthedCtx, voteId: number, db: DbOrTx = ctx.db) {
  const [vote] = await db.select().from(votes).where(eq(votes.id, voteId));
  if (!vote) throw new AppError('NOT_FOUND');
  const abilities = await abilitiesAt(ctx, vote.stationId);
  const staff = abilities.read || abilities.manage || abilities.enter || abilities.collect;
  if (!staff) {
    const resident =
      vote.status !== 'draft' && (await isStationResident(db, ctx.user.userId, vote.stationId));
    if (!resident) throw new AppError('NOT_FOUND');
  }
  return { vote, ...abilities };
}

/** As voteFor, and 403 without deliberation.manage. */
export async function managedVote(ctx: AuthedCtx, voteId: number, db: DbOrTx = ctx.db) {
  const found = await voteFor(ctx, voteId, db);
  if (!found.manage) throw new AppError('FORBIDDEN');
  return found;
}
