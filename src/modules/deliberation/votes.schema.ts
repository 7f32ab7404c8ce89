import { z } from 'zod';
import { text, ZBodyId, ZId, ZPageQuery } from '../../shared/limits.ts';
import { ZThresholds } from './recount-file.ts';
import { VOTE_METHODS, VOTE_RULES } from './tally.ts';
import { BALLOT_CHANNELS, ELECTORATES, VOTE_SCOPES, VOTE_STATUSES } from './votes.tables.ts';

export const ZVoteParam = z.object({ voteId: ZId });

const ZOptionLabel = text(100).pipe(z.string().min(1));
export const ZCreateVote = z.object({
  title: text(200).pipe(z.string().min(1)),
  body: text(5000).default(''),
  topicId: ZBodyId.nullable().optional(),
  scope: z.enum(VOTE_SCOPES),
  scopeIds: z.array(ZBodyId).min(1).max(5000),
  electorate: z.enum(ELECTORATES),
  method: z.enum(VOTE_METHODS),
  /** The choices of a single / multi vote (a yes / no vote has none). */
  options: z.array(ZOptionLabel).max(30).default([]),
  maxChoices: z.number().int().min(1).max(30).default(1),
  rule: z.enum(VOTE_RULES),
  customThresholds: ZThresholds.nullable().optional(),
  ballotsFinal: z.boolean().default(false),
  secret: z.boolean().default(false),
  interimResults: z.boolean().default(false),
  closesAt: z.iso.datetime({ offset: true }),
});

/** A ballot's choices: 'yes' / 'no' or option ids as text; none is an abstention. */
const ZChoices = z.array(z.string().max(20)).max(30);
export const ZOnlineBallot = z.object({
  choices: ZChoices,
  /** Needed only when the voter speaks for more than one head (e.g. the named voter of two households). */
  electorId: ZBodyId.optional(),
});
/** Paper and door-to-door ballots (the paper form's fields arrive as multipart text, hence the coercion). */
export const ZEnteredBallot = z.object({
  electorId: z.coerce.number().int().positive(),
  choices: ZChoices,
  proxyName: text(50).optional(),
  proxyAuthorisation: text(200).optional(),
});

const ZAmounts = z.object({ heads: z.number().int(), areaM2: z.string() });
const ZFraction = z.object({ num: z.string(), den: z.string(), percent: z.string().nullable() });
export const ZVoteResult = z.object({
  passed: z.boolean(),
  tie: z.boolean(),
  winners: z.array(z.string()),
  electorate: ZAmounts,
  participation: ZAmounts,
  abstentions: ZAmounts,
  options: z.array(ZAmounts.extend({ option: z.string(), passed: z.boolean() })),
  checks: z.array(
    z.object({
      stage: z.enum(['participation', 'agreement']),
      dimension: z.enum(['heads', 'area']),
      option: z.string().nullable(),
      value: ZFraction,
      threshold: z.object({ num: z.number(), den: z.number(), strict: z.boolean() }),
      pass: z.boolean(),
    }),
  ),
});
export type VoteResult = z.infer<typeof ZVoteResult>;

export const ZVoteSummary = z.object({
  id: z.number(),
  title: z.string(),
  status: z.enum(VOTE_STATUSES),
  electorate: z.enum(ELECTORATES),
  method: z.enum(VOTE_METHODS),
  rule: z.enum(VOTE_RULES),
  closesAt: z.string(),
  passed: z.boolean().nullable(),
  /** Whether the signed-in person has a counted ballot for every head they may cast for; null: not a voter. */
  voted: z.boolean().nullable(),
});

export const ZVote = ZVoteSummary.extend({
  stationId: z.number(),
  stationName: z.string(),
  body: z.string(),
  topicId: z.number().nullable(),
  scope: z.enum(VOTE_SCOPES),
  scopeIds: z.array(z.number()),
  maxChoices: z.number(),
  customThresholds: ZThresholds.nullable(),
  ballotsFinal: z.boolean(),
  secret: z.boolean(),
  interimResults: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
  turnout: z.object({ electorate: ZAmounts, participation: ZAmounts }).nullable(),
  /** The tally: at close, or while open when the vote shows interim results. */
  result: ZVoteResult.nullable(),
  digest: z.string().nullable(),
  /** Why the vote was called off (a cancelled vote only). */
  cancelReason: z.string().nullable(),
  /** The heads the signed-in person may cast for online, and whether each has a counted ballot. */
  mine: z.array(z.object({ electorId: z.number(), label: z.string(), voted: z.boolean() })),
  abilities: z.object({ manage: z.boolean(), enter: z.boolean(), collect: z.boolean(), read: z.boolean() }),
});

export const ZCastReceipt = z.object({
  receipt: z.string(),
  revision: z.number(),
  castAt: z.string(),
});

export const ZElectorQuery = z.object({
  q: text(50).optional(),
  buildingId: ZId.optional(),
  cursor: ZPageQuery.shape.cursor,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZElectors = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      key: z.string(),
      label: z.string(),
      areaM2: z.string(),
      name: z.string().nullable(),
      voted: z.boolean(),
      channel: z.enum(BALLOT_CHANNELS).nullable(),
      /** How they voted: only on open (not secret) votes. */
      choices: z.array(z.string()).nullable(),
      /** Paper and door-to-door ballots: who entered or collected it. */
      enteredBy: z.string().nullable(),
      /** A photo of the signed ballot is kept (shown to desk staff in open-ballot votes only). */
      hasPhoto: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZElectorParam = z.object({ voteId: ZId, electorId: ZId });
export const ZReceiptParam = z.object({ voteId: ZId, code: z.string().max(40) });
export const ZReceiptCheck = z.object({
  status: z.enum(['counted', 'superseded', 'unknown']),
  choices: z.array(z.string()).nullable(),
});
export const ZBallotList = z.object({
  digest: z.string(),
  ballots: z.array(z.object({ receiptHash: z.string(), choices: z.array(z.string()) })),
});
