import { z } from 'zod';
import { text, ZBodyId, ZDay, ZId } from '../../shared/limits.ts';
import { ZAction } from './meetings.schema.ts';
import { MEETING_STATUSES } from './meetings.tables.ts';

export const ZSpaceTopicParam = z.object({ spaceTopicId: ZId });
const ZText = (max: number) => text(max).pipe(z.string().min(1));

export const ZGridLine = z.object({ name: ZText(50) });
export const ZPostSpaceTopic = z.object({ title: ZText(200) });
export const ZCell = z.object({ slotId: ZBodyId, placeId: ZBodyId });
export const ZReport = z.object({ report: ZText(20000) });
export const ZDots = z.object({
  dots: z.array(z.object({ spaceTopicId: ZBodyId, dots: z.number().int().min(0).max(20) })).max(100),
});
export const ZPlan = z.object({
  title: ZText(200),
  ownerName: ZText(100),
  ownerUserId: ZBodyId.nullable().default(null),
  dueOn: ZDay,
});

export const ZSpaceBoard = z.object({
  meetingId: z.number(),
  title: z.string(),
  /** Topics are posted while it is planned; nothing changes once it is cancelled. */
  status: z.enum(MEETING_STATUSES),
  dotsPerPerson: z.number(),
  myDots: z.number(),
  canArrange: z.boolean(),
  slots: z.array(z.object({ id: z.number(), label: z.string() })),
  places: z.array(z.object({ id: z.number(), name: z.string() })),
  topics: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      convener: z.string(),
      isConvener: z.boolean(),
      isRecorder: z.boolean(),
      hasRecorder: z.boolean(),
      slotId: z.number().nullable(),
      placeId: z.number().nullable(),
      members: z.number(),
      joined: z.boolean(),
      report: z.string().nullable(),
      dots: z.number(),
      myDots: z.number(),
      plans: z.array(ZAction),
    }),
  ),
});
