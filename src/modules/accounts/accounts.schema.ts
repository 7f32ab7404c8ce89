import { z } from 'zod';
import { LIMITS, ZName, ZPassword, ZPhone } from '../../shared/limits.ts';
import { ACTIONS, ROLES } from './roles.ts';

export const ZLoginRequest = z.object({ phone: ZPhone, password: z.string().min(1).max(LIMITS.passwordMax) });
export const ZCodeRequest = z.object({ phone: ZPhone, purpose: z.enum(['login', 'register', 'reset']) });
export const ZCodeLoginRequest = z.object({ phone: ZPhone, code: z.string().regex(/^\d{6}$/) });
export const ZRegisterRequest = z.object({
  phone: ZPhone,
  code: z.string().regex(/^\d{6}$/),
  password: ZPassword,
  displayName: ZName,
});
export const ZResetPasswordRequest = z.object({
  phone: ZPhone,
  code: z.string().regex(/^\d{6}$/),
  newPassword: ZPassword,
});
export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: ZPassword,
});
export const ZPreferencesRequest = z.object({
  largeMode: z.boolean().optional(),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});

export const ZGrantResponse = z.object({
  id: z.number(),
  role: z.enum(ROLES),
  stationId: z.number().nullable(),
  path: z.string().nullable(),
  scopeName: z.string(),
});

export const ZMeResponse = z.object({
  id: z.number(),
  displayName: z.string(),
  phone: z.string(),
  largeMode: z.boolean(),
  locale: z.string(),
  grants: z.array(ZGrantResponse),
  /** Actions the user holds somewhere in the tree, for navigation. */
  abilities: z.array(z.enum(ACTIONS)),
  households: z.array(
    z.object({
      householdId: z.number(),
      label: z.string(),
      compoundName: z.string(),
      relation: z.string(),
      stationId: z.number(),
    }),
  ),
  pendingClaims: z.number(),
});

export const ZGrantRoleRequest = z
  .object({
    phone: ZPhone,
    role: z.enum(ROLES),
    areaId: z.number().int().positive().optional(),
    stationId: z.number().int().positive().optional(),
    buildingId: z.number().int().positive().optional(),
  })
  .refine((v) => [v.areaId, v.stationId, v.buildingId].filter((x) => x !== undefined).length === 1, {
    error: '请选择一个授权范围（区域、自治站或楼幢）/ Choose exactly one scope',
  });
