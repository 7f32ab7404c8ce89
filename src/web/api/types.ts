/**
 * Shapes of the API answers the web app reads. Where the server has a zod schema, the type comes
 * from it (type-only import: nothing of the server is bundled), so a drift fails the typecheck.
 */
import type { z } from 'zod';
import type { ZGrantRoleRequest, ZMeResponse } from '../../modules/accounts/accounts.schema.ts';
import type { Action, Role } from '../../modules/accounts/roles.ts';
import type {
  ZClaim,
  ZClaimPage,
  ZProxyRequest,
  ZResident,
  ZResidentRow,
  ZRosterResult,
  ZUpdateResidentRequest,
} from '../../modules/people/people.schema.ts';
import type {
  ZCompoundHit,
  ZHouseholdDetail,
  ZHouseholdPage,
  ZHouseholdRow,
  ZPlaceNode,
} from '../../modules/places/places.schema.ts';

export type { Action, Role };
export type Me = z.output<typeof ZMeResponse>;
export type Grant = Me['grants'][number];
export type MyHousehold = Me['households'][number];
export type PlaceNode = z.output<typeof ZPlaceNode>;
export type CompoundHit = z.output<typeof ZCompoundHit>;
export type PlaceKind = PlaceNode['kind'];
export type HouseholdRow = z.output<typeof ZHouseholdRow>;
export type HouseholdPage = z.output<typeof ZHouseholdPage>;
export type HouseholdDetail = z.output<typeof ZHouseholdDetail>;
export type HouseholdMember = HouseholdDetail['members'][number];
export type Relation = HouseholdMember['relation'];
export type Claim = z.output<typeof ZClaim>;
export type ClaimPage = z.output<typeof ZClaimPage>;
export type RosterResult = z.output<typeof ZRosterResult>;
export type Resident = z.output<typeof ZResident>;
export type ResidentRow = z.output<typeof ZResidentRow>;
export type ResidentUpdate = z.input<typeof ZUpdateResidentRequest>;
export type ProxyRequest = z.input<typeof ZProxyRequest>;
export type GrantRoleRequest = z.input<typeof ZGrantRoleRequest>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One in-app notification (GET /inbox). */
export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

/** One audit event (GET /audit). Fields beyond these are shown as JSON. */
export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName?: string | null;
  onBehalfOfResidentId?: number | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  stationId: number | null;
  summary?: unknown;
  ip?: string | null;
}
