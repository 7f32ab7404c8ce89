import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCreatedOpen311Key,
  ZOpen311Key,
  ZOpen311KeyList,
} from '../../../modules/open311/open311.schema.ts';
import { api } from '../../api/client.ts';

export type Open311Key = z.output<typeof ZOpen311Key>;
export type Open311KeyList = z.output<typeof ZOpen311KeyList>;
export type CreatedOpen311Key = z.output<typeof ZCreatedOpen311Key>;

const keysKey = (stationId: number) => ['open311-keys', stationId] as const;

/** A station's client keys (never the keys themselves) and its jurisdiction_id. */
export function useOpen311Keys(stationId: number | null) {
  return useQuery({
    queryKey: keysKey(stationId ?? 0),
    enabled: stationId !== null,
    queryFn: ({ signal }) => api<Open311KeyList>(`/stations/${stationId}/open311-keys`, { signal }),
  });
}

export function useCreateOpen311Key(stationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api<CreatedOpen311Key>(`/stations/${stationId}/open311-keys`, { method: 'POST', body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keysKey(stationId) }),
  });
}

export function useRevokeOpen311Key(stationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<{ ok: true }>(`/open311-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keysKey(stationId) }),
  });
}
