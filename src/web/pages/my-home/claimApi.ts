import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Claim, CompoundHit, Relation } from '../../api/types.ts';
import { ME_KEY } from '../../app/session.ts';

/** Compounds whose name contains `q` (the server searches the whole install). */
export function useCompounds(q: string) {
  return useQuery({
    queryKey: ['places', 'compounds', q],
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) =>
      (await api<{ items: CompoundHit[] }>(`/places/compounds?q=${encodeURIComponent(q)}`, { signal })).items,
  });
}

function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

export const MY_CLAIMS_KEY = ['verification-claims', 'mine'] as const;

export function useMyClaims() {
  return useQuery({
    queryKey: MY_CLAIMS_KEY,
    queryFn: async ({ signal }) =>
      itemsOf(await api<Claim[] | { items: Claim[] }>('/verification-claims/mine', { signal })),
  });
}

export function useSubmitClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { householdId: number; claimedName: string; relation: Relation }) =>
      api<unknown>('/verification-claims', { method: 'POST', body: input }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: MY_CLAIMS_KEY }),
        client.invalidateQueries({ queryKey: ME_KEY }),
      ]);
    },
  });
}
