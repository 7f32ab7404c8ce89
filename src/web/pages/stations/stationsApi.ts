import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZAddMember,
  ZAddRuleVersion,
  ZAddTerm,
  ZCandidates,
  ZCouncil,
  ZEffectivePolicy,
  ZPolicyOverrides,
  ZPortfolios,
  ZRoomInput,
  ZRules,
  ZStationDetail,
  ZStationPage,
  ZUpdateProfile,
} from '../../../modules/stations/council.schema.ts';
import { api } from '../../api/client.ts';

export type StationRow = z.output<typeof ZStationPage>['items'][number];
export type StationDetail = z.output<typeof ZStationDetail>;
export type Stage = StationRow['stage'];
export type Rules = z.output<typeof ZRules>;
export type RuleVersion = Rules['current'][number];
export type Council = z.output<typeof ZCouncil>;
export type Member = Council['members'][number];
export type Violation = Council['violations'][number];
export type Candidate = z.output<typeof ZCandidates>['items'][number];
export type Portfolios = z.output<typeof ZPortfolios>;
export type EffectivePolicy = z.output<typeof ZEffectivePolicy>;
export type PolicyOverrides = z.input<typeof ZPolicyOverrides>;
export type AddMemberInput = z.input<typeof ZAddMember>;
export type RuleInput = z.input<typeof ZAddRuleVersion>;
export type TermInput = z.input<typeof ZAddTerm>;
export type RoomInput = z.input<typeof ZRoomInput>;
export type ProfileInput = z.input<typeof ZUpdateProfile>;

/** Every query of one station's page starts with this key, so any change refreshes them all. */
export const stationKey = (id: number) => ['station', id] as const;
export const STATIONS_KEY = ['stations'] as const;

export function useStation(id: number) {
  return useQuery({
    queryKey: [...stationKey(id), 'page'],
    queryFn: ({ signal }) => api<StationDetail>(`/stations/${id}`, { signal }),
    retry: false,
  });
}

export function useRules(id: number, enabled = true) {
  return useQuery({
    queryKey: [...stationKey(id), 'rules'],
    enabled,
    retry: false,
    queryFn: ({ signal }) => api<Rules>(`/stations/${id}/rules`, { signal }),
  });
}

export function useCouncil(id: number, termId: number | null) {
  return useQuery({
    queryKey: [...stationKey(id), 'council', termId],
    queryFn: ({ signal }) =>
      api<Council>(`/stations/${id}/council`, { query: { termId: termId ?? undefined }, signal }),
  });
}

export function usePolicy(id: number) {
  return useQuery({
    queryKey: [...stationKey(id), 'policy'],
    queryFn: ({ signal }) => api<EffectivePolicy>(`/stations/${id}/composition-policy`, { signal }),
  });
}

export const areaPolicyKey = (areaId: number) => ['area-policy', areaId] as const;

/** An area's own overrides of the composition policy and the policy in effect there. */
export function useAreaPolicy(areaId: number | null) {
  return useQuery({
    queryKey: areaPolicyKey(areaId ?? 0),
    enabled: areaId !== null,
    retry: false,
    queryFn: ({ signal }) => api<EffectivePolicy>(`/areas/${areaId}/composition-policy`, { signal }),
  });
}

/** Sets an area's overrides ({} removes them); every station below may change its verdict. */
export function useSetAreaPolicy(areaId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyOverrides) =>
      api<EffectivePolicy>(`/areas/${areaId}/composition-policy`, { method: 'PUT', body }),
    onSuccess: async (data) => {
      client.setQueryData(areaPolicyKey(areaId), data);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['area-policy'] }),
        client.invalidateQueries({ queryKey: ['station'] }),
        client.invalidateQueries({ queryKey: STATIONS_KEY }),
      ]);
    },
  });
}

export function usePortfolios(id: number) {
  return useQuery({
    queryKey: [...stationKey(id), 'portfolios'],
    queryFn: ({ signal }) => api<Portfolios>(`/stations/${id}/portfolios`, { signal }),
  });
}

export function useCandidates(id: number, q: string) {
  return useQuery({
    queryKey: [...stationKey(id), 'candidates', q],
    enabled: q.trim().length > 0,
    queryFn: async ({ signal }) =>
      (await api<{ items: Candidate[] }>(`/stations/${id}/council-candidates`, { query: { q }, signal }))
        .items,
  });
}

/** A change on a station's page: refreshes the page's queries and the stations list. */
export function useStationMutation<I, O = unknown>(id: number, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: stationKey(id) }),
        client.invalidateQueries({ queryKey: STATIONS_KEY }),
      ]);
    },
  });
}

export const useUpdateProfile = (id: number) =>
  useStationMutation(id, (body: ProfileInput) =>
    api<StationDetail>(`/stations/${id}/profile`, { method: 'PATCH', body }),
  );
export const useChangeStage = (id: number) =>
  useStationMutation(id, (stage: Stage) =>
    api<StationDetail>(`/stations/${id}/stage`, { method: 'POST', body: { stage } }),
  );
export const useStep = (id: number) =>
  useStationMutation(id, (input: { step: string; doneOn: string | null }) =>
    input.doneOn === null
      ? api<StationDetail>(`/stations/${id}/setup-steps/${input.step}`, { method: 'DELETE' })
      : api<StationDetail>(`/stations/${id}/setup-steps/${input.step}`, {
          method: 'PUT',
          body: { doneOn: input.doneOn },
        }),
  );
export const useSaveRoom = (id: number) =>
  useStationMutation(id, (input: { roomId: number | null; body: RoomInput }) =>
    input.roomId === null
      ? api(`/stations/${id}/rooms`, { method: 'POST', body: input.body })
      : api(`/stations/${id}/rooms/${input.roomId}`, { method: 'PUT', body: input.body }),
  );
export const useRemoveRoom = (id: number) =>
  useStationMutation(id, (roomId: number) => api(`/stations/${id}/rooms/${roomId}`, { method: 'DELETE' }));
export const useAddRule = (id: number) =>
  useStationMutation(id, (body: RuleInput) =>
    api<RuleVersion>(`/stations/${id}/rules`, { method: 'POST', body }),
  );
export const useAddTerm = (id: number) =>
  useStationMutation(id, (body: TermInput) =>
    api<{ id: number }>(`/stations/${id}/council-terms`, { method: 'POST', body }),
  );
export const useAddMember = (id: number) =>
  useStationMutation(id, (body: AddMemberInput) =>
    api(`/stations/${id}/council-members`, { method: 'POST', body }),
  );
export const useMoveMember = (id: number) =>
  useStationMutation(id, (input: { memberId: number; position: string; on: string }) =>
    api(`/council-members/${input.memberId}/move`, {
      method: 'POST',
      body: { position: input.position, on: input.on },
    }),
  );
export const useCeaseMember = (id: number) =>
  useStationMutation(id, (input: { memberId: number; leftOn: string; reason: string }) =>
    api(`/council-members/${input.memberId}/cease`, {
      method: 'POST',
      body: { leftOn: input.leftOn, reason: input.reason },
    }),
  );
export const useSetPortfolio = (id: number) =>
  useStationMutation(id, (input: { categoryId: number; memberId: number | null }) =>
    input.memberId === null
      ? api<Portfolios>(`/stations/${id}/portfolios/${input.categoryId}`, { method: 'DELETE' })
      : api<Portfolios>(`/stations/${id}/portfolios/${input.categoryId}`, {
          method: 'PUT',
          body: { memberId: input.memberId },
        }),
  );
