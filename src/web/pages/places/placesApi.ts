import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useCursorPages } from '../../api/cursorPages.ts';
import type { HouseholdDetail, HouseholdPage, HouseholdRow, PlaceKind, PlaceNode } from '../../api/types.ts';

export function childrenKey(parent?: { kind: PlaceKind; id: number }) {
  return ['places', 'children', parent?.kind ?? 'root', parent?.id ?? 0] as const;
}

export function fetchChildren(
  client: QueryClient,
  parent?: { kind: PlaceKind; id: number },
): Promise<PlaceNode[]> {
  return client.fetchQuery({
    queryKey: childrenKey(parent),
    queryFn: async () =>
      (
        await api<{ items: PlaceNode[] }>('/places/children', {
          query: parent ? { kind: parent.kind, id: parent.id } : {},
        })
      ).items,
    staleTime: 60_000,
  });
}

/** Children of one node (or the roots), for selects. */
export function useChildren(parent: { kind: PlaceKind; id: number } | null, enabled = true) {
  return useQuery({
    queryKey: childrenKey(parent ?? undefined),
    queryFn: async () =>
      (
        await api<{ items: PlaceNode[] }>('/places/children', {
          query: parent ? { kind: parent.kind, id: parent.id } : {},
        })
      ).items,
    enabled,
    staleTime: 60_000,
  });
}

export type HouseholdScope = { kind: 'compound' | 'building' | 'unit'; id: number; name: string };

const SCOPE_PARAM = { compound: 'compoundId', building: 'buildingId', unit: 'unitId' } as const;

export function useHouseholds(scope: HouseholdScope | null) {
  return useCursorPages<HouseholdRow>({
    queryKey: ['households', scope?.kind, scope?.id],
    enabled: !!scope,
    path: '/households',
    query: scope ? { [SCOPE_PARAM[scope.kind]]: scope.id, limit: 50 } : {},
  });
}

/**
 * The households of one unit in a single page, for a select. Its key differs from `useHouseholds`
 * (a paged list whose cache entries have another shape) but stays under `households`.
 */
export function useUnitHouseholds(unitId: number | null) {
  return useQuery({
    queryKey: ['households', 'unit-options', unitId],
    enabled: unitId !== null,
    queryFn: ({ signal }) => api<HouseholdPage>('/households', { query: { unitId, limit: 100 }, signal }),
  });
}

export function useHousehold(id: number | null) {
  return useQuery({
    queryKey: ['household', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api<HouseholdDetail>(`/households/${id}`, { signal }),
  });
}
