import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import type { Action, Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api<Me>('/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
}

/** What the server says the user may do somewhere; the web app never decides permissions itself. */
export function can(me: Me | null | undefined, action: Action): boolean {
  return !!me && (me.abilities as readonly string[]).includes(action);
}

/** Staff are users with any grant beyond resident; they get the desktop layout. */
export function isStaff(me: Me | null | undefined): boolean {
  return !!me && me.grants.some((g) => g.role !== 'resident');
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { phone: string; password: string }) =>
      api<unknown>('/auth/login', { method: 'POST', body: input }),
    onSuccess: async () => {
      client.removeQueries();
      await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => api<Me>('/me') });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/auth/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}
