import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PersonReason } from '../../../modules/deliberation/meeting-people.ts';
import type {
  ZAction,
  ZActionItem,
  ZCreateMeeting,
  ZMeeting,
  ZMeetingSummary,
  ZResolution,
  ZSignIn,
} from '../../../modules/deliberation/meetings.schema.ts';
import type { ZPlan, ZSpaceBoard } from '../../../modules/deliberation/space.schema.ts';
import type { ZSubmission } from '../../../modules/deliberation/submission.ts';
import type {
  ZMoveTopic,
  ZRaiseTopic,
  ZTopicDetail,
  ZTopicList,
} from '../../../modules/deliberation/topics.schema.ts';
import { api } from '../../api/client.ts';
import type { Page, ResidentRow } from '../../api/types.ts';

export type TopicList = z.output<typeof ZTopicList>;
export type Topic = TopicList['items'][number];
export type TopicDetail = z.output<typeof ZTopicDetail>;
export type TopicStatus = Topic['status'];
export type TopicSource = Topic['source'];
export type TopicOutcome = NonNullable<Topic['outcome']>;
export type RaiseTopicInput = z.input<typeof ZRaiseTopic>;
export type MoveTopicInput = z.input<typeof ZMoveTopic>;
export type Submission = z.output<typeof ZSubmission>;
export type Meeting = z.output<typeof ZMeeting>;
export type MeetingSummary = z.output<typeof ZMeetingSummary>;
export type MeetingKind = Meeting['kind'];
export type InviteeGroup = Meeting['inviteGroups'][number];
export type CreateMeetingInput = z.input<typeof ZCreateMeeting>;
export type SignInInput = z.input<typeof ZSignIn>;
export type ResolutionInput = z.input<typeof ZResolution>;
export type ActionInput = z.input<typeof ZActionItem>;
export type ActionItem = z.output<typeof ZAction>;
export type SpaceBoard = z.output<typeof ZSpaceBoard>;
export type SpaceTopic = SpaceBoard['topics'][number];
export type PlanInput = z.input<typeof ZPlan>;

/** Every list of the type once, in the order the forms offer them (a missing or extra one fails the typecheck). */
const listOf = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];
export const TOPIC_STATUSES = listOf<TopicStatus>({
  proposed: true,
  onAgenda: true,
  inDeliberation: true,
  decided: true,
  declined: true,
});
export const TOPIC_SOURCES = listOf<TopicSource>({
  council: true,
  partyBranch: true,
  community: true,
  resident: true,
  requests: true,
});
export const TOPIC_OUTCOMES = listOf<TopicOutcome>({ project: true, convention: true, reply: true });
export const MEETING_KINDS = listOf<MeetingKind>({
  residents: true,
  council: true,
  joint: true,
  openSpace: true,
  youth: true,
});
export const INVITEE_GROUPS = listOf<InviteeGroup>({
  allHouseholds: true,
  council: true,
  buildingLeaders: true,
  ownersCommittee: true,
  propertyStaff: true,
});

/** Every query of these pages starts with this key, so any change refreshes them all. */
export const DELIBERATION_KEY = ['deliberation'] as const;

/** A station's topics (also for useQueries over several stations). */
export const topicsQuery = (stationId: number | null) =>
  queryOptions({
    queryKey: [...DELIBERATION_KEY, 'topics', stationId],
    enabled: stationId !== null,
    queryFn: ({ signal }) => api<TopicList>(`/stations/${stationId}/topics`, { signal }),
  });

export function useTopics(stationId: number | null) {
  return useQuery(topicsQuery(stationId));
}

export function useTopic(id: number) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'topic', id],
    queryFn: ({ signal }) => api<TopicDetail>(`/topics/${id}`, { signal }),
    retry: false,
  });
}

export function useSubmission(id: number) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'submission', id],
    queryFn: ({ signal }) => api<Submission>(`/topics/${id}/submission`, { signal }),
    retry: false,
  });
}

/** A station's meetings the user may see (also for useQueries over several stations). */
export const meetingsQuery = (stationId: number | null) =>
  queryOptions({
    queryKey: [...DELIBERATION_KEY, 'meetings', stationId],
    enabled: stationId !== null,
    queryFn: ({ signal }) =>
      api<{ items: MeetingSummary[]; canCreate: boolean }>(`/stations/${stationId}/meetings`, { signal }),
  });

export function useMeetings(stationId: number | null) {
  return useQuery(meetingsQuery(stationId));
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'meeting', id],
    queryFn: ({ signal }) => api<Meeting>(`/meetings/${id}`, { signal }),
    retry: false,
  });
}

/** The Open Space board; the shared screen refreshes it every few seconds. */
export function useSpace(id: number, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'space', id],
    queryFn: ({ signal }) => api<SpaceBoard>(`/meetings/${id}/space`, { signal }),
    retry: false,
    refetchInterval,
  });
}

export type MeetingPerson = { userId: number; name: string; why: PersonReason[] };

/** Who may own the meeting's action items (managers; an Open Space group's convener). */
export function useMeetingPeople(meetingId: number) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'people', meetingId],
    queryFn: ({ signal }) => api<{ items: MeetingPerson[] }>(`/meetings/${meetingId}/people`, { signal }),
    retry: false,
  });
}

/** Residents of a station found by name or phone (staff with resident.read), for the sign-in desk. */
export function useResidentSearch(stationId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['residents', 'meeting-search', stationId, q],
    enabled: enabled && q.length > 0,
    queryFn: ({ signal }) =>
      api<Page<ResidentRow>>('/residents', { query: { stationId, q, limit: 20 }, signal }),
  });
}

/** A change anywhere in deliberation: refreshes every query of these pages. */
function useDeliberationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: DELIBERATION_KEY });
    },
  });
}

const post = <O>(path: string, body: object = {}) => api<O>(path, { method: 'POST', body: { ...body } });
const put = <O>(path: string, body: object) => api<O>(path, { method: 'PUT', body: { ...body } });

export const useRaiseTopic = (stationId: number) =>
  useDeliberationMutation((body: RaiseTopicInput) =>
    post<{ id: number }>(`/stations/${stationId}/topics`, body),
  );

export const useSupportTopic = () =>
  useDeliberationMutation((id: number) =>
    post<{ supportCount: number; status: TopicStatus }>(`/topics/${id}/support`),
  );

export const useMoveTopic = (id: number) =>
  useDeliberationMutation((body: MoveTopicInput) =>
    post<{ status: TopicStatus }>(`/topics/${id}/move`, body),
  );

export const useSetThreshold = (stationId: number) =>
  useDeliberationMutation((supportThreshold: number) =>
    put<{ supportThreshold: number }>(`/stations/${stationId}/topic-settings`, { supportThreshold }),
  );

export const useCreateMeeting = (stationId: number) =>
  useDeliberationMutation((body: CreateMeetingInput) =>
    post<{ id: number }>(`/stations/${stationId}/meetings`, body),
  );

export const useCancelMeeting = (id: number) =>
  useDeliberationMutation((reason: string) => post<{ ok: true }>(`/meetings/${id}/cancel`, { reason }));

export const useRegister = (id: number) =>
  useDeliberationMutation(() => post<{ ok: true }>(`/meetings/${id}/registrations`));

export const useSignIn = (id: number) =>
  useDeliberationMutation((body: SignInInput) => post<{ id: number }>(`/meetings/${id}/sign-ins`, body));

export const useMinutes = (id: number) =>
  useDeliberationMutation((minutes: string) => put<{ ok: true }>(`/meetings/${id}/minutes`, { minutes }));

export const useAddResolution = (id: number) =>
  useDeliberationMutation((body: ResolutionInput) =>
    post<{ id: number }>(`/meetings/${id}/resolutions`, body),
  );

export const useAddAction = (id: number) =>
  useDeliberationMutation((body: ActionInput) => post<ActionItem>(`/meetings/${id}/actions`, body));

export const useCompleteAction = () =>
  useDeliberationMutation((input: { id: number; note: string }) =>
    post<ActionItem>(`/actions/${input.id}/done`, { note: input.note }),
  );

export const useAddGridLine = (meetingId: number, kind: 'slot' | 'place') =>
  useDeliberationMutation((name: string) =>
    post<{ id: number }>(`/meetings/${meetingId}/space/${kind}s`, { name }),
  );

export const usePostSpaceTopic = (meetingId: number) =>
  useDeliberationMutation((title: string) =>
    post<{ id: number }>(`/meetings/${meetingId}/space/topics`, { title }),
  );

export const usePlaceSpaceTopic = () =>
  useDeliberationMutation((input: { id: number; slotId: number; placeId: number }) =>
    put<{ ok: true }>(`/space-topics/${input.id}/cell`, { slotId: input.slotId, placeId: input.placeId }),
  );

export const useJoinGroup = () =>
  useDeliberationMutation((id: number) =>
    post<{ ok: true; movedFrom: number | null }>(`/space-topics/${id}/join`),
  );

export const useBecomeRecorder = () =>
  useDeliberationMutation((id: number) => post<{ ok: true }>(`/space-topics/${id}/recorder`));

export const useFileReport = () =>
  useDeliberationMutation((input: { id: number; report: string }) =>
    put<{ ok: true }>(`/space-topics/${input.id}/report`, { report: input.report }),
  );

export const usePlaceDots = (meetingId: number) =>
  useDeliberationMutation((dots: { spaceTopicId: number; dots: number }[]) =>
    put<{ ok: true }>(`/meetings/${meetingId}/space/dots`, { dots }),
  );

export const useAddPlan = () =>
  useDeliberationMutation((input: { id: number } & PlanInput) => {
    const { id, ...body } = input;
    return post<ActionItem>(`/space-topics/${id}/plans`, body);
  });
