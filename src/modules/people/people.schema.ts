import { z } from 'zod';
import { LIMITS, pageOf, ZId, ZName, ZPageQuery, ZPhone } from '../../shared/limits.ts';

export const RELATIONS = ['owner', 'tenant', 'member'] as const;
export const ZIdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, { error: '身份证号须为18位 / ID number must be 18 characters' });
const thisYear = new Date().getFullYear();

export const ZMemberLink = z.object({
  householdId: z.number().int().positive(),
  relation: z.enum(RELATIONS),
  isVoter: z.boolean().default(false),
});

export const ZCreateResidentRequest = z.object({
  stationId: z.number().int().positive(),
  name: ZName,
  phone: ZPhone.optional(),
  idNumber: ZIdNumber.optional(),
  birthYear: z.number().int().min(1900).max(thisYear).optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(LIMITS.tagsMax).default([]),
  households: z.array(ZMemberLink).max(20).default([]),
});
export const ZUpdateResidentRequest = z
  .object({
    name: ZName,
    phone: ZPhone.nullable(),
    idNumber: ZIdNumber.nullable(),
    birthYear: z.number().int().min(1900).max(thisYear).nullable(),
    tags: z.array(z.string().trim().min(1).max(20)).max(LIMITS.tagsMax),
  })
  .partial();

export const ZResident = z.object({
  id: z.number(),
  stationId: z.number(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  birthYear: z.number().nullable(),
  tags: z.array(z.string()),
  verified: z.boolean(),
  households: z.array(
    z.object({
      householdId: z.number(),
      label: z.string(),
      relation: z.enum(RELATIONS),
      isVoter: z.boolean(),
    }),
  ),
  abilities: z.array(z.string()),
});
export const ZResidentQuery = ZPageQuery.extend({ stationId: ZId, q: z.string().trim().max(40).optional() });
export const ZResidentRow = ZResident.omit({ households: true, abilities: true });
export const ZResidentPage = pageOf(ZResidentRow);

export const ZAddMemberRequest = z.object({
  residentId: z.number().int().positive(),
  relation: z.enum(RELATIONS),
  isVoter: z.boolean().default(false),
});

export const ZClaimRequest = z.object({
  householdId: z.number().int().positive(),
  claimedName: ZName,
  relation: z.enum(RELATIONS),
});
export const ZClaim = z.object({
  id: z.number(),
  stationId: z.number(),
  householdId: z.number(),
  householdLabel: z.string(),
  claimedName: z.string(),
  relation: z.enum(RELATIONS),
  phone: z.string(),
  status: z.enum(['pending', 'verified', 'rejected']),
  method: z.enum(['roster', 'staff']).nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  /** Roster entries of the household whose name matches the claim (helps the reviewer). */
  rosterMatch: z.boolean(),
});
export const ZClaimQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  status: z.enum(['pending', 'verified', 'rejected']).default('pending'),
});
export const ZClaimPage = pageOf(ZClaim);
export const ZDecideClaimRequest = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('verify') }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(200) }),
]);

export const ZRosterError = z.object({ line: z.number(), reason: z.string() });
export const ZRosterResult = z.object({
  importId: z.number(),
  rows: z.number(),
  householdsCreated: z.number(),
  residentsCreated: z.number(),
  linksCreated: z.number(),
});

export const ZProxyRequest = z.object({ phone: ZPhone, note: z.string().trim().max(100).optional() });
