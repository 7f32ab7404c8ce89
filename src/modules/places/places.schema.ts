import { z } from 'zod';
import { LIMITS, pageOf, ZId, ZPageQuery } from '../../shared/limits.ts';

const ZPlaceName = z.string().trim().min(1).max(LIMITS.placeNameMax);
/** Exclusive area as the roster writes it: up to two decimals, e.g. "89.35". Stored in centi-m². */
export const ZAreaM2 = z
  .union([z.number(), z.string().trim()])
  .transform((v) => String(v))
  .pipe(
    z.string().regex(/^\d{1,5}(\.\d{1,2})?$/, {
      error: '面积须为不超过两位小数的数字 / area must be a number with at most 2 decimals',
    }),
  )
  .transform((v) => {
    const [whole, frac = ''] = v.split('.');
    return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  });

export const AREA_LEVELS = ['city', 'district', 'street', 'community'] as const;
export const STATION_KINDS = ['service', 'mutualAid', 'team'] as const;

export const ZCreateAreaRequest = z.object({
  parentId: z.number().int().positive().nullable(),
  level: z.enum(AREA_LEVELS),
  name: ZPlaceName,
  code: z.string().trim().max(20).optional(),
});
export const ZCreateCompoundRequest = z.object({
  communityId: z.number().int().positive(),
  name: ZPlaceName,
  address: z.string().trim().max(200).optional(),
  /** Join an existing station (joint station), or start a new one in 筹建 with this kind. */
  stationId: z.number().int().positive().optional(),
  stationKind: z.enum(STATION_KINDS).default('service'),
});
export const ZCreateBuildingRequest = z.object({ compoundId: z.number().int().positive(), name: ZPlaceName });
export const ZCreateUnitRequest = z.object({ buildingId: z.number().int().positive(), name: ZPlaceName });
export const ZCreateHouseholdRequest = z.object({
  unitId: z.number().int().positive(),
  room: z.string().trim().min(1).max(20),
  areaM2: ZAreaM2,
});

export const PLACE_KINDS = ['area', 'station', 'compound', 'building', 'unit', 'household'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const ZPlaceNode = z.object({
  kind: z.enum(PLACE_KINDS),
  id: z.number(),
  name: z.string(),
  level: z.string().nullable(),
  stationId: z.number().nullable(),
  hasChildren: z.boolean(),
});
export const ZChildrenQuery = z.object({ kind: z.enum(PLACE_KINDS).optional(), id: ZId.optional() });
export const ZChildrenResponse = z.object({ items: z.array(ZPlaceNode) });
export const ZCreatedResponse = z.object({ id: z.number() });

export const ZHouseholdQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  compoundId: ZId.optional(),
  buildingId: ZId.optional(),
  unitId: ZId.optional(),
  q: z.string().trim().max(40).optional(),
});

/** A row of the household list: what the list shows, nothing more (the detail has the rest). */
export const ZHouseholdRow = z.object({
  id: z.number(),
  label: z.string(),
  areaM2: z.string(),
});
export const ZHouseholdPage = pageOf(ZHouseholdRow);

export const ZHouseholdMember = z.object({
  residentId: z.number(),
  name: z.string(),
  phone: z.string().nullable(),
  relation: z.enum(['owner', 'tenant', 'member']),
  isVoter: z.boolean(),
  verified: z.boolean(),
});
export const ZHouseholdDetail = ZHouseholdRow.extend({
  room: z.string(),
  stationId: z.number(),
  compoundId: z.number(),
  buildingId: z.number(),
  unitId: z.number(),
  compoundName: z.string(),
  members: z.array(ZHouseholdMember),
  abilities: z.array(z.string()),
});

export const ZCompoundSearchQuery = z.object({
  q: z.string().trim().max(40).default(''),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(30),
});
export const ZCompoundHit = z.object({
  id: z.number(),
  name: z.string(),
  stationId: z.number(),
  /** District, street and community, e.g. "鄞州区 石碶街道 汪源社区". */
  place: z.string(),
});
export const ZCompoundSearchResponse = z.object({ items: z.array(ZCompoundHit) });
