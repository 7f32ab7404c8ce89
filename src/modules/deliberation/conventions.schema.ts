import { z } from 'zod';
import { BREACH_STATUSES, CONVENTION_VERSION_STATUSES } from './conventions.tables.ts';

export const ZConventionList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      inForce: z.number().nullable(),
      draft: z.number().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
  canDraft: z.boolean(),
});

export const ZConvention = z.object({
  id: z.number(),
  /** The station's votes are where its adopting vote is chosen from. */
  stationId: z.number(),
  title: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      body: z.string(),
      status: z.enum(CONVENTION_VERSION_STATUSES),
      voteId: z.number().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
  breaches: z
    .array(
      z.object({
        id: z.number(),
        version: z.number(),
        occurredOn: z.string(),
        place: z.string(),
        description: z.string(),
        status: z.enum(BREACH_STATUSES),
        referredTo: z.string().nullable(),
        note: z.string().nullable(),
        resolutionNote: z.string().nullable(),
      }),
    )
    .nullable(),
  abilities: z.object({ manage: z.boolean(), record: z.boolean() }),
});
