import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ProxyRequest, Resident, ResidentRow, ResidentUpdate } from '../../api/types.ts';

export function residentKey(id: number | null) {
  return ['resident', id] as const;
}

/** One resident with their households and what the viewer may do with them. */
export function useResident(id: number | null) {
  return useQuery({
    queryKey: residentKey(id),
    enabled: id !== null,
    queryFn: ({ signal }) => api<Resident>(`/residents/${id}`, { signal }),
  });
}

/** PATCH /residents/:id with the changed fields only; the household lists show the new name. */
export function useUpdateResident(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ResidentUpdate) => api<ResidentRow>(`/residents/${id}`, { method: 'PATCH', body }),
    onSuccess: async (row) => {
      client.setQueryData<Resident>(residentKey(id), (old) => (old ? { ...old, ...row } : old));
      await client.invalidateQueries({ queryKey: ['household'] });
    },
  });
}

/** Registers a family proxy 代办人 (an account, by phone) for the resident. */
export function useAddProxy(id: number) {
  return useMutation({
    mutationFn: (body: ProxyRequest) =>
      api<{ id: number }>(`/residents/${id}/proxies`, { method: 'POST', body }),
  });
}
