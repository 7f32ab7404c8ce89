import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZBallotList,
  ZCastReceipt,
  ZCreateVote,
  ZElectors,
  ZReceiptCheck,
  ZVote,
  ZVoteSummary,
} from '../../../modules/deliberation/votes.schema.ts';
import { API_BASE, api } from '../../api/client.ts';
import { useCursorPages } from '../../api/cursorPages.ts';
import { DELIBERATION_KEY } from '../deliberation/deliberationApi.ts';

export type Vote = z.output<typeof ZVote>;
export type VoteSummary = z.output<typeof ZVoteSummary>;
export type VoteResult = NonNullable<Vote['result']>;
export type VoteCheck = VoteResult['checks'][number];
export type CreateVoteInput = z.input<typeof ZCreateVote>;
export type Thresholds = NonNullable<CreateVoteInput['customThresholds']>;
export type Elector = z.output<typeof ZElectors>['items'][number];
export type CastReceipt = z.output<typeof ZCastReceipt>;
export type ReceiptCheck = z.output<typeof ZReceiptCheck>;
export type BallotList = z.output<typeof ZBallotList>;
export type VoteStatus = Vote['status'];
export type Electorate = Vote['electorate'];
export type VoteScope = Vote['scope'];
export type VoteMethod = Vote['method'];
export type VoteRule = Vote['rule'];
export type Channel = NonNullable<Elector['channel']>;

/** Every list of the type once, in the order the form offers them (a missing or extra one fails the typecheck). */
const listOf = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];
export const ELECTORATES = listOf<Electorate>({
  owners: true,
  households: true,
  adults: true,
  council: true,
});
export const SCOPES = listOf<VoteScope>({ compounds: true, buildings: true, units: true, households: true });
export const METHODS = listOf<VoteMethod>({ yesNo: true, single: true, multi: true });
export const RULES = listOf<VoteRule>({
  civilCode278Ordinary: true,
  civilCode278Major: true,
  residentsMeeting: true,
  simpleMajority: true,
  custom: true,
});

/** Every query about votes starts with this key, so any change refreshes them all. */
export const VOTES_KEY = ['votes'] as const;
const voteKey = (id: number) => [...VOTES_KEY, 'one', id] as const;

/** A station's votes (also for useQueries over several stations). */
export const votesQuery = (stationId: number | null) =>
  queryOptions({
    queryKey: [...VOTES_KEY, 'station', stationId],
    enabled: stationId !== null,
    queryFn: ({ signal }) =>
      api<{ items: VoteSummary[]; canCreate: boolean }>(`/stations/${stationId}/votes`, { signal }),
  });

export function useVotes(stationId: number | null) {
  return useQuery(votesQuery(stationId));
}

export function useVote(id: number) {
  return useQuery({
    queryKey: voteKey(id),
    queryFn: ({ signal }) => api<Vote>(`/votes/${id}`, { signal }),
    retry: false,
    // Turnout moves while a vote is open.
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 30_000 : false),
  });
}

/**
 * A change to a vote or its ballots: refreshes every vote query (detail, lists, electors) and the
 * deliberation pages that show votes (a topic's votes, its submission, a convention's adopting vote).
 */
function useVotesMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: VOTES_KEY }),
        client.invalidateQueries({ queryKey: DELIBERATION_KEY }),
      ]);
    },
  });
}

export const useCreateVote = (stationId: number) =>
  useVotesMutation((body: CreateVoteInput) =>
    api<{ id: number }>(`/stations/${stationId}/votes`, { method: 'POST', body }),
  );

export type StaffAction = 'open' | 'close' | 'cancel';
export const useVoteAction = (id: number) =>
  useVotesMutation((input: { action: StaffAction; reason?: string }) =>
    api<{ ok: true }>(`/votes/${id}/${input.action}`, {
      method: 'POST',
      body: input.action === 'cancel' ? { reason: input.reason ?? '' } : {},
    }),
  );

export const useCastBallot = (id: number) =>
  useVotesMutation((input: { choices: string[]; electorId?: number }) =>
    api<CastReceipt>(`/votes/${id}/ballots`, { method: 'POST', body: input }),
  );

export interface EnteredBallot {
  channel: 'paper' | 'door';
  electorId: number;
  choices: string[];
  proxyName?: string | undefined;
  proxyAuthorisation?: string | undefined;
  file?: File | null | undefined;
}

/** A paper ballot at the desk or one collected door to door: multipart, the photo as `file`. */
export const useEnterBallot = (id: number) =>
  useVotesMutation((input: EnteredBallot) => {
    const body = new FormData();
    body.append('electorId', String(input.electorId));
    body.append('choices', input.choices.join(','));
    if (input.proxyName) body.append('proxyName', input.proxyName);
    if (input.proxyAuthorisation) body.append('proxyAuthorisation', input.proxyAuthorisation);
    if (input.file) body.append('file', input.file, input.file.name);
    return api<CastReceipt>(`/votes/${id}/${input.channel}-ballots`, { method: 'POST', body });
  });

export function useElectors(id: number, filters: { q: string; buildingId: number | null }, enabled: boolean) {
  return useCursorPages<Elector>({
    queryKey: [...VOTES_KEY, 'electors', id, filters],
    enabled,
    path: `/votes/${id}/electors`,
    query: { q: filters.q || undefined, buildingId: filters.buildingId, limit: 50 },
  });
}

export const checkReceipt = (id: number, code: string) =>
  api<ReceiptCheck>(`/votes/${id}/receipts/${encodeURIComponent(code)}`);

export function useBallotList(id: number) {
  return useQuery({
    queryKey: [...VOTES_KEY, 'ballot-list', id],
    queryFn: ({ signal }) => api<BallotList>(`/votes/${id}/ballot-list`, { signal }),
    retry: false,
  });
}

export const ballotListUrl = (id: number) => `${API_BASE}/votes/${id}/ballot-list`;
export const recountFileUrl = (id: number) => `${API_BASE}/votes/${id}/recount-file`;
