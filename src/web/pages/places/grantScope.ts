// roles.ts is pure data the server shares with the web app (no imports, nothing else bundled):
// the role list and where each role may be granted, so the select offers only roles that fit.
import { ROLE_SCOPES, ROLES } from '../../../modules/accounts/roles.ts';
import type { GrantRoleRequest, PlaceNode, Role } from '../../api/types.ts';

export interface GrantScope {
  /** The one scope field of POST /role-grants for this node. */
  body: Pick<GrantRoleRequest, 'areaId' | 'stationId' | 'buildingId'>;
  /** Roles whose ROLE_SCOPES fits the node, in the server's order. */
  roles: Role[];
}

function rolesFor(scope: 'area' | 'station' | 'building'): Role[] {
  return ROLES.filter((r) => ROLE_SCOPES[r] === scope);
}

/**
 * Where roles may be granted for a tree node: an area takes area roles; a station or a compound
 * takes station roles on its station; a building takes building roles. Units and rooms take none.
 */
export function grantScopeOf(node: PlaceNode): GrantScope | null {
  switch (node.kind) {
    case 'area':
      return { body: { areaId: node.id }, roles: rolesFor('area') };
    case 'station':
    case 'compound':
      return node.stationId === null
        ? null
        : { body: { stationId: node.stationId }, roles: rolesFor('station') };
    case 'building':
      return { body: { buildingId: node.id }, roles: rolesFor('building') };
    case 'unit':
    case 'household':
      return null;
  }
}
