import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Claim, PlaceNode, Relation } from '../../api/types.ts';
import { ME_KEY } from '../../app/session.ts';
import { fetchChildren } from '../places/placesApi.ts';

const MAX_REQUESTS = 40;

/** Every compound the user can see: walks down areas and stations (a few requests at most). */
export function useCompounds() {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['places', 'compounds'],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const compounds: PlaceNode[] = [];
      let frontier = await fetchChildren(client);
      let requests = 1;
      while (frontier.length > 0 && requests < MAX_REQUESTS) {
        const next: PlaceNode[] = [];
        for (const node of frontier) {
          if (node.kind === 'compound') compounds.push(node);
          else if (
            (node.kind === 'area' || node.kind === 'station') &&
            node.hasChildren &&
            requests < MAX_REQUESTS
          ) {
            requests += 1;
            next.push(...(await fetchChildren(client, { kind: node.kind, id: node.id })));
          }
        }
        frontier = next;
      }
      const seen = new Set<number>();
      return compounds.filter((c) => !seen.has(c.id) && seen.add(c.id));
    },
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
