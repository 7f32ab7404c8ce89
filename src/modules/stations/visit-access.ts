import { type Actor, grantCovers, type Place } from '../accounts/policy.ts';
import type { Role } from '../accounts/roles.ts';

/**
 * Who may read and write the visit list 走访名单 (households due regular visits: elderly living alone,
 * families in difficulty). It is sensitive, so it does not follow the role × action table: only
 *   - the station's chair (a `chair` grant on that very station), and
 *   - a social or grid worker assigned to the household's compound who still holds that role over it,
 * and nobody else: not platform admins, officers, secretaries-general or council members.
 * A pure function of the actor's grants and the assignment list, like accounts/policy.ts.
 */

export const WORKER_ROLES: readonly Role[] = ['socialWorker', 'gridWorker'];

/** A worker assigned to a compound (stations_worker_assignments). */
export interface Assignment {
  userId: number;
  compoundId: number;
}

/** Where a visit target sits: its station, and its household's compound (id and path). */
export interface VisitPlace {
  stationId: number;
  compoundId: number;
  compoundPath: string;
}

/** Whether the actor holds the chair on this station (a station grant, never an area one). */
export function isChairOf(actor: Actor | null, stationId: number): boolean {
  return (
    !!actor && actor.grants.some((g) => g.role === 'chair' && g.path === null && g.stationId === stationId)
  );
}

/** Whether the actor holds a worker role covering the compound (whether or not assigned to it). */
export function isWorkerOver(actor: Actor | null, place: Place): boolean {
  return !!actor && actor.grants.some((g) => WORKER_ROLES.includes(g.role) && grantCovers(g, place));
}

/** Whether the actor may read and write the visit list of one compound. */
export function mayUseVisitList(
  actor: Actor | null,
  place: VisitPlace,
  assignments: readonly Assignment[],
): boolean {
  if (!actor) return false;
  if (isChairOf(actor, place.stationId)) return true;
  const assigned = assignments.some((a) => a.userId === actor.userId && a.compoundId === place.compoundId);
  return assigned && isWorkerOver(actor, { stationId: place.stationId, path: place.compoundPath });
}

/** The compounds of a station whose visit list the actor may use (empty: the list answers 404). */
export function visitCompoundIds(
  actor: Actor | null,
  stationId: number,
  compounds: readonly { id: number; path: string }[],
  assignments: readonly Assignment[],
): number[] {
  return compounds
    .filter((c) => mayUseVisitList(actor, { stationId, compoundId: c.id, compoundPath: c.path }, assignments))
    .map((c) => c.id);
}
