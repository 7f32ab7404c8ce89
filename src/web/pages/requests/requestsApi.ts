import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZSimilarResponse, ZSupportResponse } from '../../../modules/requests/insights.schema.ts';
import type { Status, Transition } from '../../../modules/requests/lifecycle.ts';
import type {
  ZCategoryList,
  ZFileRequest,
  ZHandlerList,
  ZPhoto,
  ZRequestDetail,
  ZRequestPage,
  ZRequestPlaces,
  ZTransitionRequest,
} from '../../../modules/requests/requests.schema.ts';
import { API_BASE, api } from '../../api/client.ts';

export type { Status, Transition };
export type Category = z.output<typeof ZCategoryList>['items'][number];
export type RequestDetail = z.output<typeof ZRequestDetail>;
export type RequestRow = z.output<typeof ZRequestPage>['items'][number];
export type RequestPage = z.output<typeof ZRequestPage>;
export type RequestPlaces = z.output<typeof ZRequestPlaces>;
export type Handler = z.output<typeof ZHandlerList>['items'][number];
export type Photo = z.output<typeof ZPhoto>;
export type FileRequestInput = z.input<typeof ZFileRequest>;
export type TransitionInput = z.input<typeof ZTransitionRequest>;
export type Similar = z.output<typeof ZSimilarResponse>['items'][number];
export type Support = z.output<typeof ZSupportResponse>;

export const REQUESTS_KEY = ['requests'] as const;

export function useCategories(stationId: number | null) {
  return useQuery({
    queryKey: ['request-categories', stationId],
    enabled: stationId !== null,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) =>
      (await api<{ items: Category[] }>(`/stations/${stationId}/request-categories`, { signal })).items,
  });
}

export function useRequestPlaces(stationId: number | null) {
  return useQuery({
    queryKey: ['request-places', stationId],
    enabled: stationId !== null,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api<RequestPlaces>(`/stations/${stationId}/request-places`, { signal }),
  });
}

export function useHandlers(stationId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['request-handlers', stationId],
    enabled: enabled && stationId !== null,
    queryFn: async ({ signal }) =>
      (await api<{ items: Handler[] }>(`/stations/${stationId}/request-handlers`, { signal })).items,
  });
}

export function useSimilar(input: { stationId: number | null; categoryId: number | null; q: string }) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'similar', input.stationId, input.categoryId, input.q],
    enabled: input.stationId !== null && input.categoryId !== null,
    queryFn: async ({ signal }) =>
      (
        await api<{ items: Similar[] }>('/requests/similar', {
          query: { stationId: input.stationId, categoryId: input.categoryId, q: input.q || undefined },
          signal,
        })
      ).items,
  });
}

export function useRequest(id: number) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'one', id],
    queryFn: ({ signal }) => api<RequestDetail>(`/requests/${id}`, { signal }),
  });
}

/** Any change to a request refreshes every list and detail of requests. */
function useRequestMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
  });
}

export const useFileRequest = () =>
  useRequestMutation((input: FileRequestInput) =>
    api<{ id: number; status: Status }>('/requests', { method: 'POST', body: input }),
  );

export const useTransition = (id: number) =>
  useRequestMutation((input: TransitionInput) =>
    api<unknown>(`/requests/${id}/transitions`, { method: 'POST', body: input }),
  );

export const useComment = (id: number) =>
  useRequestMutation((input: { body: string; photoIds: number[] }) =>
    api<unknown>(`/requests/${id}/comments`, { method: 'POST', body: input }),
  );

export const useRate = (id: number) =>
  useRequestMutation((input: { fixed: boolean; level?: number; comment?: string }) =>
    api<unknown>(`/requests/${id}/rating`, { method: 'POST', body: input }),
  );

export const useSupport = () =>
  useRequestMutation(({ id, on }: { id: number; on: boolean }) =>
    api<Support>(`/requests/${id}/support`, { method: on ? 'POST' : 'DELETE', body: on ? {} : undefined }),
  );

export function uploadPhoto(stationId: number, file: File): Promise<Photo> {
  const body = new FormData();
  body.append('stationId', String(stationId));
  body.append('file', file, file.name);
  return api<Photo>('/request-photos', { method: 'POST', body });
}

export const photoUrl = (id: number, size: 'thumb' | 'full' = 'thumb') =>
  `${API_BASE}/request-photos/${id}?size=${size}`;
