import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZApproval, ZFundRules } from '../../../modules/fund/approvals.schema.ts';
import type { ZAccounts, ZPostings, ZVerification } from '../../../modules/fund/fund.schema.ts';
import { api } from '../../api/client.ts';
import { useCursorPages } from '../../api/cursorPages.ts';

export type FundAccounts = z.output<typeof ZAccounts>;
export type FundAccount = FundAccounts['accounts'][number];
export type Posting = z.output<typeof ZPostings>['items'][number];
export type Verification = z.output<typeof ZVerification>;

const FUND_KEY = ['fund'] as const;

export function useFund(stationId: number) {
  return useQuery({
    queryKey: [...FUND_KEY, stationId, 'accounts'],
    queryFn: ({ signal }) => api<FundAccounts>(`/stations/${stationId}/fund`, { signal }),
  });
}

export function usePostings(stationId: number) {
  return useCursorPages<Posting>({
    queryKey: [...FUND_KEY, stationId, 'postings'],
    path: `/stations/${stationId}/fund/postings`,
  });
}

/** The chain check runs when asked (it reads the whole ledger). */
export function useVerify(stationId: number) {
  return useMutation({
    mutationFn: () => api<Verification>(`/stations/${stationId}/fund/verify`),
  });
}

/** A posting or a new account: refreshes the station's balances and ledger. */
function useFundMutation<I, O>(stationId: number, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [...FUND_KEY, stationId] });
    },
  });
}

export type PostingKind = 'income' | 'expense' | 'transfer';
const PATHS: Record<PostingKind, string> = {
  income: 'income',
  expense: 'expenses',
  transfer: 'transfers',
};

export const usePost = (stationId: number, kind: PostingKind) =>
  useFundMutation(stationId, (body: Record<string, unknown>) =>
    api<{ postingId: number; head: string }>(`/stations/${stationId}/fund/${PATHS[kind]}`, {
      method: 'POST',
      body,
    }),
  );

export const useOpenAccount = (stationId: number) =>
  useFundMutation(stationId, (body: { name: string; purpose: string }) =>
    api<{ id: number }>(`/stations/${stationId}/fund/accounts`, { method: 'POST', body }),
  );

export const useReverse = (stationId: number) =>
  useFundMutation(stationId, (input: { postingId: number; memo: string }) =>
    api<{ postingId: number; head: string }>(`/fund-postings/${input.postingId}/reverse`, {
      method: 'POST',
      body: { memo: input.memo },
    }),
  );

export type FundRules = z.output<typeof ZFundRules>;
export type Approval = z.output<typeof ZApproval>;

/** The approval bands at a station (`/stations/1`) or an area (`/areas/3`). */
export function useFundRules(base: string) {
  return useQuery({
    queryKey: [...FUND_KEY, 'rules', base],
    queryFn: ({ signal }) => api<FundRules>(`${base}/fund/rules`, { signal }),
  });
}

export function useSetFundRules(base: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bands: FundRules['bands'] | null) =>
      api<FundRules>(`${base}/fund/rules`, { method: 'PUT', body: { bands } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [...FUND_KEY, 'rules'] });
    },
  });
}

export function useApprovals(stationId: number) {
  return useQuery({
    queryKey: [...FUND_KEY, stationId, 'approvals'],
    queryFn: ({ signal }) => api<{ items: Approval[] }>(`/stations/${stationId}/fund/approvals`, { signal }),
  });
}
