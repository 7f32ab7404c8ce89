import { z } from 'zod';
import { text, ZBodyId, ZDay, ZId } from '../../shared/limits.ts';
import { INVITEE_GROUPS, MEETING_KINDS, MEETING_STATUSES } from './meetings.tables.ts';

export const ZMeetingParam = z.object({ meetingId: ZId });
export const ZActionParam = z.object({ actionId: ZId });

const ZTitle = text(200).pipe(z.string().min(1));
const ZNames = z.array(text(100).pipe(z.string().min(1))).max(50);

export const ZCreateMeeting = z.object({
  kind: z.enum(MEETING_KINDS),
  title: ZTitle,
  purpose: text(5000).default(''),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: text(200).pipe(z.string().min(1)),
  capacity: z.number().int().min(1).max(100000).nullable().default(null),
  inviteGroups: z.array(z.enum(INVITEE_GROUPS)).max(10).default([]),
  inviteBuildingIds: z.array(ZBodyId).max(500).default([]),
  organisations: ZNames.default([]),
  observers: ZNames.default([]),
  agenda: z
    .array(z.object({ title: ZTitle, topicId: ZBodyId.nullable().default(null) }))
    .max(50)
    .default([]),
  dotsPerPerson: z.number().int().min(1).max(20).default(3),
});

export const ZSignIn = z.object({
  /** Who arrives: a resident (the desk finds them by name or household), an account, or only a name. */
  residentId: ZBodyId.optional(),
  userId: ZBodyId.optional(),
  name: text(100).optional(),
  organisation: text(100).optional(),
  /** A proxy stands for this resident and must hold their written authorisation. */
  forResidentId: ZBodyId.optional(),
  proxyAuthorisation: text(500).optional(),
});

export const ZMinutes = z.object({ minutes: text(50000).pipe(z.string().min(1)) });
export const ZCancelMeeting = z.object({ reason: text(500).pipe(z.string().min(1)) });
export const ZResolution = z.object({
  text: text(5000).pipe(z.string().min(1)),
  agendaItemId: ZBodyId.nullable().default(null),
  voteId: ZBodyId.nullable().default(null),
});
export const ZActionItem = z.object({
  title: ZTitle,
  ownerUserId: ZBodyId.nullable().default(null),
  ownerName: text(100).pipe(z.string().min(1)),
  dueOn: ZDay,
  topicId: ZBodyId.nullable().default(null),
  resolutionId: ZBodyId.nullable().default(null),
});
export const ZCompleteAction = z.object({ note: text(2000).default('') });

const ZAction = z.object({
  id: z.number(),
  title: z.string(),
  ownerName: z.string(),
  ownerUserId: z.number().nullable(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  topicId: z.number().nullable(),
  meetingId: z.number().nullable(),
});
export type ActionView = z.infer<typeof ZAction>;
export { ZAction };

export const ZMeetingSummary = z.object({
  id: z.number(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
});

export const ZMeeting = ZMeetingSummary.extend({
  stationId: z.number(),
  purpose: z.string(),
  capacity: z.number().nullable(),
  inviteGroups: z.array(z.enum(INVITEE_GROUPS)),
  inviteBuildingIds: z.array(z.number()),
  organisations: z.array(z.string()),
  observers: z.array(z.string()),
  dotsPerPerson: z.number(),
  agenda: z.array(
    z.object({ id: z.number(), position: z.number(), title: z.string(), topicId: z.number().nullable() }),
  ),
  registered: z.number(),
  registeredByMe: z.boolean(),
  attended: z.number(),
  /** Staff only: who signed in, proxies with their authorisation. */
  attendance: z
    .array(
      z.object({
        id: z.number(),
        name: z.string(),
        organisation: z.string().nullable(),
        forResidentId: z.number().nullable(),
        /** The name of the resident a proxy stands for. */
        forResidentName: z.string().nullable(),
        proxyAuthorisation: z.string().nullable(),
        signedInAt: z.string(),
      }),
    )
    .nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  resolutions: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      agendaItemId: z.number().nullable(),
      voteId: z.number().nullable(),
    }),
  ),
  actions: z.array(ZAction),
  abilities: z.object({ manage: z.boolean(), signIn: z.boolean(), register: z.boolean() }),
});
