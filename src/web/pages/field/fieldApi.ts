import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZAddTemplate,
  ZAssignmentList,
  ZFieldOverview,
  ZFieldPhoto,
  ZFieldWorkerList,
  ZFinding,
  ZFindingRow,
  ZMyVisitLists,
  ZPatrolDetail,
  ZPatrolList,
  ZPatrolRow,
  ZPlanResult,
  ZRecordPatrol,
  ZTemplateList,
  ZUpdateTemplate,
  ZVisitList,
  ZVisitRecordList,
} from '../../../modules/stations/field.schema.ts';
import { API_BASE, api } from '../../api/client.ts';
import { useCursorPages } from '../../api/cursorPages.ts';
import { REQUESTS_KEY } from '../requests/requestsApi.ts';

export type FieldOverview = z.output<typeof ZFieldOverview>;
export type Assignment = z.output<typeof ZAssignmentList>['items'][number];
export type FieldWorker = z.output<typeof ZFieldWorkerList>['items'][number];
export type Template = z.output<typeof ZTemplateList>['items'][number];
export type TemplateInput = z.input<typeof ZAddTemplate>;
export type TemplatePatch = z.input<typeof ZUpdateTemplate>;
export type PatrolRow = z.output<typeof ZPatrolRow>;
export type PatrolDetail = z.output<typeof ZPatrolDetail>;
export type PatrolState = PatrolDetail['results'][number]['state'];
export type RecordInput = z.input<typeof ZRecordPatrol>;
export type Finding = z.output<typeof ZFinding>;
export type FindingRow = z.output<typeof ZFindingRow>;
export type FieldPhoto = z.output<typeof ZFieldPhoto>;
export type VisitTarget = z.output<typeof ZVisitList>['items'][number];
export type VisitRecord = z.output<typeof ZVisitRecordList>['items'][number];
export type MyVisitList = z.output<typeof ZMyVisitLists>['items'][number];

/** Every query of the field pages sits under this key; any change refreshes them all. */
export const FIELD_KEY = ['field'] as const;

function useFieldMutation<I, O>(fn: (input: I) => Promise<O>, alsoRequests = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: FIELD_KEY });
      if (alsoRequests) await client.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
  });
}

export const useFieldOverview = (stationId: number) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'overview', stationId],
    queryFn: ({ signal }) => api<FieldOverview>(`/stations/${stationId}/field`, { signal }),
  });

export const useFieldWorkers = (stationId: number, enabled: boolean) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'workers', stationId],
    enabled,
    queryFn: async ({ signal }) =>
      (await api<{ items: FieldWorker[] }>(`/stations/${stationId}/field-workers`, { signal })).items,
  });

export const useAssignments = (stationId: number) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'assignments', stationId],
    queryFn: async ({ signal }) =>
      (await api<{ items: Assignment[] }>(`/stations/${stationId}/worker-assignments`, { signal })).items,
  });

export const useAddAssignment = (stationId: number) =>
  useFieldMutation((input: { compoundId: number; userId: number }) =>
    api<unknown>(`/stations/${stationId}/worker-assignments`, { method: 'POST', body: input }),
  );

export const useRemoveAssignment = () =>
  useFieldMutation((id: number) => api<unknown>(`/worker-assignments/${id}`, { method: 'DELETE' }));

export const useTemplates = (stationId: number) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'templates', stationId],
    queryFn: async ({ signal }) =>
      (await api<{ items: Template[] }>(`/stations/${stationId}/patrol-templates`, { signal })).items,
  });

export const useAddTemplate = (stationId: number) =>
  useFieldMutation((input: TemplateInput) =>
    api<Template>(`/stations/${stationId}/patrol-templates`, { method: 'POST', body: input }),
  );

export const useUpdateTemplate = () =>
  useFieldMutation(({ id, patch }: { id: number; patch: TemplatePatch }) =>
    api<Template>(`/patrol-templates/${id}`, { method: 'PATCH', body: patch }),
  );

export const usePlanPatrols = (stationId: number) =>
  useFieldMutation((input: { templateId: number; from: string; to: string; compoundId?: number }) =>
    api<z.output<typeof ZPlanResult>>(`/stations/${stationId}/patrol-plans`, { method: 'POST', body: input }),
  );

export const useStationPatrols = (stationId: number) =>
  useCursorPages<PatrolRow>({
    queryKey: [...FIELD_KEY, 'patrols', stationId],
    path: `/stations/${stationId}/patrols`,
    query: { limit: 20 },
  });

export const useStationFindings = (stationId: number) =>
  useCursorPages<FindingRow>({
    queryKey: [...FIELD_KEY, 'findings', stationId],
    path: `/stations/${stationId}/patrol-findings`,
    query: { limit: 20 },
  });

export const useMyPatrols = () =>
  useQuery({
    queryKey: [...FIELD_KEY, 'mine'],
    queryFn: async ({ signal }) =>
      (await api<z.output<typeof ZPatrolList>>('/patrols/mine', { signal })).items,
  });

export const usePatrol = (id: number) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'patrol', id],
    queryFn: ({ signal }) => api<PatrolDetail>(`/patrols/${id}`, { signal }),
  });

export const useRecordPatrol = (id: number) =>
  useFieldMutation((input: RecordInput) =>
    api<PatrolDetail>(`/patrols/${id}/results`, { method: 'PUT', body: input }),
  );

export const useAddFinding = (patrolId: number) =>
  useFieldMutation((input: { itemKey?: string; note: string }) =>
    api<Finding>(`/patrols/${patrolId}/findings`, { method: 'POST', body: input }),
  );

export function uploadFindingPhoto(findingId: number, file: File): Promise<FieldPhoto> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<FieldPhoto>(`/patrol-findings/${findingId}/photos`, { method: 'POST', body });
}

export const findingPhotoUrl = (findingId: number, photoId: number, size: 'thumb' | 'full' = 'thumb') =>
  `${API_BASE}/patrol-findings/${findingId}/photos/${photoId}?size=${size}`;

export const useFindingToRequest = () =>
  useFieldMutation(
    ({
      id,
      ...body
    }: {
      id: number;
      categoryId: number;
      buildingId?: number;
      description: string;
      isPublic: boolean;
    }) => api<{ requestId: number }>(`/patrol-findings/${id}/request`, { method: 'POST', body }),
    true,
  );

/** The stations whose visit list the server lets me use; empty for everyone else. */
export const useMyVisitLists = () =>
  useQuery({
    queryKey: [...FIELD_KEY, 'visit-lists'],
    queryFn: async ({ signal }) =>
      (await api<{ items: MyVisitList[] }>('/visit-lists/mine', { signal })).items,
  });

export const useVisits = (stationId: number) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'visits', stationId],
    queryFn: ({ signal }) => api<z.output<typeof ZVisitList>>(`/stations/${stationId}/visits`, { signal }),
  });

export const useVisitRecords = (targetId: number | null) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'visit-records', targetId],
    enabled: targetId !== null,
    queryFn: async ({ signal }) =>
      (await api<{ items: VisitRecord[] }>(`/visit-targets/${targetId}/visits`, { signal })).items,
  });

export const useAddVisitTarget = (stationId: number) =>
  useFieldMutation((input: { householdId: number; reason: string; everyDays: number; since?: string }) =>
    api<{ id: number }>(`/stations/${stationId}/visits`, { method: 'POST', body: input }),
  );

export const useRecordVisit = () =>
  useFieldMutation(({ id, ...body }: { id: number; visitedOn: string; note?: string }) =>
    api<unknown>(`/visit-targets/${id}/visits`, { method: 'POST', body }),
  );
