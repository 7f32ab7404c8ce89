import { type Action, type Role, roleAllows } from './roles.ts';

/**
 * Permission checks: pure functions of the actor's grants and where a resource sits.
 * A grant on a node reaches everything below it: an area or building grant by path prefix,
 * a station grant by the resource's station.
 */

export interface Grant {
  role: Role;
  stationId: number | null;
  path: string | null;
}

/** Where a resource sits: its station (null for areas) and its path in the tree. */
export interface Place {
  stationId: number | null;
  path: string;
}

export interface Actor {
  userId: number;
  grants: readonly Grant[];
}

export function grantCovers(grant: Grant, place: Place): boolean {
  if (grant.path !== null) {
    return place.path.startsWith(grant.path);
  }
  return grant.stationId !== null && grant.stationId === place.stationId;
}

export function can(actor: Actor | null, action: Action, place: Place): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => roleAllows(g.role, action) && grantCovers(g, place));
}

/** Every action the actor may take on this place, sent to the UI with the resource. */
export function abilitiesAt(actor: Actor | null, place: Place, actions: readonly Action[]): Action[] {
  return actions.filter((a) => can(actor, a, place));
}

/** True when the actor holds the action on at least one node (for navigation). */
export function canAnywhere(actor: Actor | null, action: Action): boolean {
  return !!actor && actor.grants.some((g) => roleAllows(g.role, action));
}
