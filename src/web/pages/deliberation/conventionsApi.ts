import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZConvention, ZConventionList } from '../../../modules/deliberation/conventions.schema.ts';
import { api } from '../../api/client.ts';
import { useVotes } from '../votes/votesApi.ts';
import { DELIBERATION_KEY } from './deliberationApi.ts';

export type ConventionList = z.output<typeof ZConventionList>;
export type ConventionSummary = ConventionList['items'][number];
export type Convention = z.output<typeof ZConvention>;
export type ConventionVersion = Convention['versions'][number];
export type VersionStatus = ConventionVersion['status'];
export type Breach = NonNullable<Convention['breaches']>[number];
export type BreachStatus = Breach['status'];

export function useConventions(stationId: number | null) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'conventions', stationId],
    enabled: stationId !== null,
    queryFn: ({ signal }) => api<ConventionList>(`/stations/${stationId}/conventions`, { signal }),
  });
}

export function useConvention(id: number) {
  return useQuery({
    queryKey: [...DELIBERATION_KEY, 'convention', id],
    queryFn: ({ signal }) => api<Convention>(`/conventions/${id}`, { signal }),
    retry: false,
  });
}

/** The station's yes / no votes a draft may be adopted by (not cancelled), newest first. */
export function useYesNoVotes(stationId: number, enabled: boolean) {
  const list = useVotes(enabled ? stationId : null);
  return {
    votes: (list.data?.items ?? []).filter((v) => v.status !== 'cancelled' && v.method === 'yesNo'),
    isPending: list.isPending,
    error: list.error,
  };
}

/** A change to conventions: refreshes every deliberation query (lists and the convention's page). */
function useConventionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: DELIBERATION_KEY });
    },
  });
}

const post = <O>(path: string, body: object = {}) => api<O>(path, { method: 'POST', body: { ...body } });

export const useDraftConvention = (stationId: number) =>
  useConventionMutation((body: { title: string; body: string }) =>
    post<{ id: number }>(`/stations/${stationId}/conventions`, body),
  );

export const useDraftVersion = (id: number) =>
  useConventionMutation((body: string) => post<{ version: number }>(`/conventions/${id}/versions`, { body }));

export const useLinkVote = (id: number) =>
  useConventionMutation((input: { version: number; voteId: number }) =>
    api<{ ok: true }>(`/conventions/${id}/versions/${input.version}/vote`, {
      method: 'PUT',
      body: { voteId: input.voteId },
    }),
  );

export const usePublishVersion = (id: number) =>
  useConventionMutation((version: number) =>
    post<{ ok: true }>(`/conventions/${id}/versions/${version}/publish`),
  );

export const useRecordBreach = (id: number) =>
  useConventionMutation((body: { occurredOn: string; place: string; description: string }) =>
    post<{ id: number }>(`/conventions/${id}/breaches`, body),
  );

export const useMoveBreach = () =>
  useConventionMutation(
    (
      input:
        | { id: number; to: 'refer'; department: string; note: string }
        | { id: number; to: 'resolve'; note: string },
    ) => {
      const { id, to, ...body } = input;
      return post<{ ok: true }>(`/breaches/${id}/${to}`, body);
    },
  );
