import { z } from 'zod';
import { LIMITS, pageOf, text, ZBodyId, ZDay, ZId, ZPageQuery, ZStationParam } from '../../shared/limits.ts';
import { AFFILIATIONS, POSITIONS, VIOLATION_CODES } from './composition.ts';

import { RULE_KINDS, SETUP_STEPS, STAGES, STATION_KINDS } from './station-kinds.ts';

export {
  RULE_KINDS,
  type RuleKind,
  SETUP_STEPS,
  type SetupStep,
  STAGES,
  STATION_KINDS,
  type Stage,
  type StationKind,
} from './station-kinds.ts';

const ZLabel = text(LIMITS.nameMax).pipe(z.string().min(1));
export const ZStationQuery = ZPageQuery.extend({ stage: z.enum(STAGES).optional() });

export const ZViolation = z.object({
  code: z.enum(VIOLATION_CODES),
  zh: z.string(),
  en: z.string(),
});
export const ZCompliance = z.object({
  /** The term in force today, or null when the station has none. */
  termId: z.number().nullable(),
  termNumber: z.number().nullable(),
  members: z.number(),
  violations: z.array(ZViolation),
});
const ZCompound = z.object({ id: z.number(), name: z.string() });
export const ZStationRow = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  stage: z.enum(STAGES),
  communityName: z.string(),
  compounds: z.array(ZCompound),
  checklist: z.object({ done: z.number(), total: z.number() }),
  compliance: ZCompliance,
});
export const ZStationPage = pageOf(ZStationRow);

export const ZRoom = z.object({
  id: z.number(),
  name: z.string(),
  purpose: z.string().nullable(),
  capacity: z.number().nullable(),
});
export const ZStationDetail = ZStationRow.extend({
  profile: z.object({
    site: z.string().nullable(),
    phone: z.string().nullable(),
    note: z.string().nullable(),
  }),
  rooms: z.array(ZRoom),
  steps: z.array(
    z.object({ step: z.enum(SETUP_STEPS), doneOn: z.string().nullable(), note: z.string().nullable() }),
  ),
  /** The stages this station may move to now. */
  nextStages: z.array(z.enum(STAGES)),
  abilities: z.array(z.string()),
});

export const ZUpdateProfile = z.object({
  site: text(200).nullable().optional(),
  phone: text(30).nullable().optional(),
  note: text(LIMITS.textMax).nullable().optional(),
  kind: z.enum(STATION_KINDS).optional(),
});
export const ZRoomInput = z.object({
  name: ZLabel,
  purpose: text(100).nullable().optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
});
export const ZChangeStage = z.object({ stage: z.enum(STAGES) });
export const ZStepParams = ZStationParam.extend({ step: z.enum(SETUP_STEPS) });
export const ZMarkStep = z.object({ doneOn: ZDay, note: text(200).optional() });

export const ZRuleVersion = z.object({
  id: z.number(),
  kind: z.enum(RULE_KINDS),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  adoptedBy: z.string(),
  adoptedOn: z.string(),
});
export const ZRules = z.object({
  current: z.array(ZRuleVersion),
  /** Every version, newest first; only for those who see the station's page (station.read). */
  history: z.array(ZRuleVersion).nullable(),
  canManage: z.boolean(),
});
export const ZAddRuleVersion = z.object({
  kind: z.enum(RULE_KINDS),
  title: ZLabel.pipe(z.string().max(100)),
  body: text(20_000).pipe(z.string().min(1)),
  adoptedBy: text(100).pipe(z.string().min(1)),
  adoptedOn: ZDay,
});

export const ZTerm = z.object({
  id: z.number(),
  number: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  current: z.boolean(),
});
export const ZAddTerm = z.object({
  number: z.number().int().min(1).max(999).optional(),
  startsOn: ZDay,
  endsOn: ZDay,
});
export const ZMember = z.object({
  id: z.number(),
  termId: z.number(),
  name: z.string(),
  residentId: z.number().nullable(),
  userId: z.number().nullable(),
  position: z.enum(POSITIONS),
  affiliations: z.array(z.enum(AFFILIATIONS)),
  livesInCompound: z.boolean(),
  nominatedBy: z.string().nullable(),
  nominatedOn: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  previousId: z.number().nullable(),
  /** Names of the categories this seat holds (分管). */
  portfolios: z.array(z.string()),
});
export const ZCouncil = z.object({
  terms: z.array(ZTerm),
  /** The term shown: the one asked for, else the one in force, else the latest. */
  term: ZTerm.nullable(),
  /** Every seat of the term, current and closed (history), in joining order. */
  members: z.array(ZMember),
  violations: z.array(ZViolation),
});
export const ZCouncilQuery = z.object({ termId: ZId.optional() });
const ZAffiliationList = z.array(z.enum(AFFILIATIONS)).max(AFFILIATIONS.length);
const distinct = <T>(a: T[]) => [...new Set(a)];
export const ZAddMember = z.object({
  termId: ZBodyId,
  name: ZLabel.optional(),
  residentId: ZBodyId.optional(),
  userId: ZBodyId.optional(),
  position: z.enum(POSITIONS),
  affiliations: ZAffiliationList.default([]).transform(distinct),
  nominatedBy: text(100).optional(),
  nominatedOn: ZDay.optional(),
  joinedOn: ZDay,
});
export const ZMoveMember = z.object({
  position: z.enum(POSITIONS),
  on: ZDay,
  affiliations: ZAffiliationList.transform(distinct).optional(),
});
export const ZCeaseMember = z.object({ leftOn: ZDay, reason: text(200).pipe(z.string().min(1)) });
export const ZCandidateSearch = z.object({ q: text(40).pipe(z.string().min(1)) });
export const ZCandidates = z.object({
  items: z.array(
    z.object({
      residentId: z.number().nullable(),
      userId: z.number().nullable(),
      name: z.string(),
      /** Masked phone and the household, to tell namesakes apart. */
      hint: z.string(),
      livesInCompound: z.boolean(),
    }),
  ),
});

const ZPair = z.tuple([z.enum(POSITIONS), z.enum(POSITIONS)]).readonly();
const ZCount = z.number().int().min(0).max(99);
export const ZPolicyOverrides = z.strictObject({
  standingDirectors: z.strictObject({ min: ZCount, max: ZCount }).optional(),
  chairs: ZCount.optional(),
  residentShareMin: z.strictObject({ num: ZCount, den: ZCount }).optional(),
  exclusivePositions: z
    .array(ZPair)
    .max(POSITIONS.length ** 2)
    .optional(),
  standingDirectorsLiveInCompound: z.boolean().optional(),
});
const ZSource = z.object({
  level: z.enum(['default', 'area', 'station']),
  name: z.string().nullable(),
  areaId: z.number().nullable(),
});
export const ZEffectivePolicy = z.object({
  policy: z.object({
    standingDirectors: z.object({ min: z.number(), max: z.number() }),
    chairs: z.number(),
    residentShareMin: z.object({ num: z.number(), den: z.number() }),
    exclusivePositions: z.array(ZPair).readonly(),
    standingDirectorsLiveInCompound: z.boolean(),
  }),
  /** Where each value comes from: the defaults, an area's override (by name), or the station's own. */
  sources: z.record(z.string(), ZSource),
  /** The overrides set at the node asked about (an area or the station), {} when none. */
  own: ZPolicyOverrides,
  canSet: z.boolean(),
});
export const ZAreaParam = z.object({ areaId: ZId });

export const ZPortfolioParams = ZStationParam.extend({ categoryId: ZId });
export const ZAssignPortfolio = z.object({ memberId: ZBodyId });
const ZSeatRef = z.object({
  memberId: z.number(),
  name: z.string(),
  position: z.enum(POSITIONS),
  userId: z.number(),
});
export const ZPortfolios = z.object({
  items: z.array(
    z.object({
      categoryId: z.number(),
      name: z.string(),
      handlerKind: z.enum(['member', 'property', 'team', 'none']),
      holder: ZSeatRef.nullable(),
      /**
       * Routed to no one (held by nobody, no property or team handler, no handler account), or held but
       * routed elsewhere since (the handler was changed in the request settings).
       */
      gap: z.boolean(),
    }),
  ),
  /** Current members of the term in force who have an account that may handle requests here. */
  eligible: z.array(ZSeatRef),
  gaps: z.number(),
});
