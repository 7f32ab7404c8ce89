import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCoverage,
  ZDutyPeople,
  ZGenerateResult,
  ZLogEntry,
  ZMyDesk,
  ZNewLogEntry,
  ZOpeningHours,
  ZProposeSwap,
  ZRoster,
  ZShift,
  ZSlot,
  ZSwap,
  ZSwapOptions,
} from '../../../modules/stations/duty.schema.ts';
import { api } from '../../api/client.ts';
import { useCursorPages } from '../../api/cursorPages.ts';
import { REQUESTS_KEY } from '../requests/requestsApi.ts';

export type Shift = z.output<typeof ZShift>;
export type Swap = z.output<typeof ZSwap>;
export type MyDesk = z.output<typeof ZMyDesk>;
export type LogEntry = z.output<typeof ZLogEntry>;
export type NewLogEntry = z.input<typeof ZNewLogEntry>;
export type Interval = z.output<typeof ZOpeningHours>['items'][number];
export type Slot = z.output<typeof ZSlot>;
export type DutyPerson = z.output<typeof ZDutyPeople>['items'][number];
export type Roster = z.output<typeof ZRoster>;
export type GenerateResult = z.output<typeof ZGenerateResult>;
export type Coverage = z.output<typeof ZCoverage>;
export type SwapOptions = z.output<typeof ZSwapOptions>;
export type ProposeSwap = z.input<typeof ZProposeSwap>;

/** Every duty query lives under this key: any change refreshes them all. */
export const DUTY_KEY = ['duty'] as const;

function useDutyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      // A visit turned into a request, a shift changing hands: duty and request lists both move.
      await client.invalidateQueries({ queryKey: DUTY_KEY });
      await client.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
  });
}

export const useMyDesk = () =>
  useQuery({
    queryKey: [...DUTY_KEY, 'mine'],
    queryFn: ({ signal }) => api<MyDesk>('/duty/mine', { signal }),
  });

export const useShiftAction = () =>
  useDutyMutation(({ id, action }: { id: number; action: 'check-in' | 'check-out' }) =>
    api<Shift>(`/duty-shifts/${id}/${action}`, { method: 'POST', body: {} }),
  );

export const useLeave = () =>
  useDutyMutation(({ id, reason }: { id: number; reason: string }) =>
    api<Shift>(`/duty-shifts/${id}/leave`, { method: 'POST', body: { reason } }),
  );

export const useSwapOptions = (shiftId: number | null) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'swap-options', shiftId],
    enabled: shiftId !== null,
    queryFn: ({ signal }) => api<SwapOptions>(`/duty-shifts/${shiftId}/swap-options`, { signal }),
  });

export const useProposeSwap = () =>
  useDutyMutation((input: ProposeSwap) => api<Swap>('/duty-swaps', { method: 'POST', body: input }));

export const useDecideSwap = () =>
  useDutyMutation(({ id, decision }: { id: number; decision: 'accept' | 'decline' | 'cancel' }) =>
    api<Swap>(`/duty-swaps/${id}/${decision}`, { method: 'POST', body: {} }),
  );

export const useDutyLog = (stationId: number | null, date?: string) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'log', stationId, date ?? null],
    enabled: stationId !== null,
    queryFn: async ({ signal }) =>
      (
        await api<{ items: LogEntry[] }>(`/stations/${stationId}/duty-log`, {
          query: { date, limit: 100 },
          signal,
        })
      ).items,
  });

/** The station's whole log, newest first, page by page (the station's desktop page). */
export const useDutyLogPages = (stationId: number) =>
  useCursorPages<LogEntry>({
    queryKey: [...DUTY_KEY, 'log-pages', stationId],
    path: `/stations/${stationId}/duty-log`,
    query: { limit: 50 },
  });

export const useLogVisit = (stationId: number) =>
  useDutyMutation((input: NewLogEntry) =>
    api<LogEntry>(`/stations/${stationId}/duty-log`, { method: 'POST', body: input }),
  );

export const useToRequest = () =>
  useDutyMutation(({ id, categoryId }: { id: number; categoryId?: number }) =>
    api<LogEntry>(`/duty-log/${id}/request`, { method: 'POST', body: categoryId ? { categoryId } : {} }),
  );

// The station's desktop page.

export const useOpeningHours = (stationId: number) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'hours', stationId],
    queryFn: async ({ signal }) =>
      (await api<{ items: Interval[] }>(`/stations/${stationId}/opening-hours`, { signal })).items,
  });

export const useSaveHours = (stationId: number) =>
  useDutyMutation((items: Interval[]) =>
    api<unknown>(`/stations/${stationId}/opening-hours`, { method: 'PUT', body: { items } }),
  );

export const useSlots = (stationId: number) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'slots', stationId],
    queryFn: async ({ signal }) =>
      (await api<{ items: Slot[] }>(`/stations/${stationId}/duty-slots`, { signal })).items,
  });

export const useAddSlot = (stationId: number) =>
  useDutyMutation((input: { startsAt: string; endsAt: string; seats: number }) =>
    api<Slot>(`/stations/${stationId}/duty-slots`, { method: 'POST', body: input }),
  );

export const useUpdateSlot = (stationId: number) =>
  useDutyMutation(({ id, ...patch }: { id: number; active?: boolean; seats?: number }) =>
    api<Slot>(`/stations/${stationId}/duty-slots/${id}`, { method: 'PATCH', body: patch }),
  );

export const usePeople = (stationId: number) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'people', stationId],
    queryFn: async ({ signal }) =>
      (await api<{ items: DutyPerson[] }>(`/stations/${stationId}/duty-people`, { signal })).items,
  });

export const useAddPerson = (stationId: number) =>
  useDutyMutation((phone: string) =>
    api<DutyPerson>(`/stations/${stationId}/duty-people`, { method: 'POST', body: { phone } }),
  );

export const useUpdatePerson = (stationId: number) =>
  useDutyMutation(({ userId, active }: { userId: number; active: boolean }) =>
    api<unknown>(`/stations/${stationId}/duty-people/${userId}`, { method: 'PATCH', body: { active } }),
  );

export const useSetUnavailable = (stationId: number) =>
  useDutyMutation(({ userId, month, dates }: { userId: number; month: string; dates: string[] }) =>
    api<unknown>(`/stations/${stationId}/duty-people/${userId}/unavailable`, {
      method: 'PUT',
      body: { month, dates },
    }),
  );

export const useRoster = (stationId: number, month: string) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'roster', stationId, month],
    queryFn: ({ signal }) => api<Roster>(`/stations/${stationId}/duty-roster`, { query: { month }, signal }),
  });

export const useGenerate = (stationId: number) =>
  useDutyMutation((input: { month: string; replace: boolean }) =>
    api<GenerateResult>(`/stations/${stationId}/duty-roster`, { method: 'POST', body: input }),
  );

export const useCover = () =>
  useDutyMutation(({ id, userId }: { id: number; userId: number }) =>
    api<Shift>(`/duty-shifts/${id}/cover`, { method: 'POST', body: { userId } }),
  );

export const usePlaceShift = (stationId: number) =>
  useDutyMutation((input: { date: string; slotId: number; userId: number }) =>
    api<Shift>(`/stations/${stationId}/duty-shifts`, { method: 'POST', body: input }),
  );

export const useCoverage = (stationId: number, month: string) =>
  useQuery({
    queryKey: [...DUTY_KEY, 'coverage', stationId, month],
    queryFn: ({ signal }) =>
      api<Coverage>(`/stations/${stationId}/duty-coverage`, { query: { month }, signal }),
  });
