import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZApprovals, ZDecide } from '../../../modules/fund/approvals.schema.ts';
import { PROJECT_STAGES } from '../../../modules/fund/fund-kinds.ts';
import type {
  ZMove,
  ZPeople,
  ZProject,
  ZProjectInput,
  ZProjectList,
} from '../../../modules/fund/projects.schema.ts';
import { API_BASE, api } from '../../api/client.ts';
import type { TopicDetail } from '../deliberation/deliberationApi.ts';

export type Project = z.output<typeof ZProject>;
export type ProjectList = z.output<typeof ZProjectList>;
export type ProjectSummary = ProjectList['items'][number];
export type ProjectInput = z.input<typeof ZProjectInput>;
export type ProjectStage = Project['stage'];
export type ProjectLine = Project['lines'][number];
export type MoveInput = z.input<typeof ZMove>;
export type Approval = z.output<typeof ZApprovals>['items'][number];
export type DecideInput = z.input<typeof ZDecide>;
export type Person = z.output<typeof ZPeople>['items'][number];

export const STAGES: readonly ProjectStage[] = PROJECT_STAGES;
/** The main path, for the steps shown at the top of a project. */
export const MAIN_PATH: ProjectStage[] = STAGES.slice(0, 8);

const KEY = ['projects'] as const;

export function useProjects(stationId: number | null, stage: ProjectStage | null) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', stationId, stage],
    enabled: stationId !== null,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<ProjectList>(`/stations/${stationId}/fund-projects`, {
        query: { stage, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: Number.isInteger(id) && id > 0,
    queryFn: ({ signal }) => api<Project>(`/fund-projects/${id}`, { signal }),
    retry: false,
  });
}

/** The project's approval requests as the approvals module sends them (with who may decide next). */
export function useProjectApprovals(stationId: number, projectId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'approvals', projectId],
    enabled,
    queryFn: ({ signal }) =>
      api<{ items: Approval[] }>(`/stations/${stationId}/fund/approvals`, { query: { projectId }, signal }),
  });
}

/** The decided topic a new project starts from (?topic=). */
export function useOriginTopic(topicId: number) {
  return useQuery({
    queryKey: [...KEY, 'topic', topicId],
    enabled: topicId > 0,
    queryFn: ({ signal }) => api<TopicDetail>(`/topics/${topicId}`, { signal }),
    retry: false,
  });
}

export function usePeople(stationId: number | null, q: string) {
  return useQuery({
    queryKey: [...KEY, 'people', stationId, q],
    enabled: stationId !== null,
    queryFn: ({ signal }) =>
      api<{ items: Person[] }>(`/stations/${stationId}/fund-project-people`, { query: { q }, signal }),
    staleTime: 60_000,
  });
}

/** A change to a project: refreshes every project query and the fund's balances and ledger. */
export function useProjectMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: KEY });
      await client.invalidateQueries({ queryKey: ['fund'] });
    },
  });
}

export const useCreateProject = (stationId: number) =>
  useProjectMutation((body: ProjectInput) =>
    api<{ id: number }>(`/stations/${stationId}/fund-projects`, { method: 'POST', body }),
  );
export const useEditProject = (id: number) =>
  useProjectMutation((body: ProjectInput) =>
    api<{ id: number }>(`/fund-projects/${id}`, { method: 'PUT', body }),
  );
export const useMove = (id: number) =>
  useProjectMutation((body: MoveInput) =>
    api<{ stage: ProjectStage }>(`/fund-projects/${id}/move`, { method: 'POST', body }),
  );
export const useDecide = () =>
  useProjectMutation(({ id, ...body }: DecideInput & { id: number }) =>
    api<Approval>(`/fund-approvals/${id}/decide`, { method: 'POST', body }),
  );
export const useWithdrawApproval = () =>
  useProjectMutation((id: number) =>
    api<Approval>(`/fund-approvals/${id}/withdraw`, { method: 'POST', body: {} }),
  );

/** A POST of a JSON body under a project's path (or another path), refreshing the projects after. */
export const usePost = <B extends Record<string, unknown>>(path: string) =>
  useProjectMutation((body: B) => api<unknown>(path, { method: 'POST', body }));

/** One file (a photo or a receipt) as multipart `file`. */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<T>(path, { method: 'POST', body });
}

export const photoUrl = (projectId: number, hash: string, size: 'thumb' | 'full' = 'thumb') =>
  `${API_BASE}/fund-projects/${projectId}/photos/${hash}?size=${size}`;
export const receiptUrl = (id: number) => `${API_BASE}/fund-receipts/${id}`;
