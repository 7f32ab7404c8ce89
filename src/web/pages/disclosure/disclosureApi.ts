import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ZPublicFund, ZStatement } from '../../../modules/fund/disclosure.schema.ts';
import { API_BASE, api } from '../../api/client.ts';

export type PublicFund = z.output<typeof ZPublicFund>;
export type Statement = z.output<typeof ZStatement>;
export type StatementLine = Statement['lines'][number];

const KEY = ['public-fund'] as const;
const base = (stationId: number) => `/public/stations/${stationId}/fund`;

/** The station's fund in public (no session needed). */
export function usePublicFund(stationId: number) {
  return useQuery({
    queryKey: [...KEY, stationId],
    queryFn: ({ signal }) => api<PublicFund>(base(stationId), { signal }),
  });
}

/** A month's or quarter's statement; `upTo` makes a published one again. */
export function useStatement(stationId: number, period: string, upTo: number | null) {
  return useQuery({
    queryKey: [...KEY, stationId, period, upTo],
    queryFn: ({ signal }) =>
      api<Statement>(`${base(stationId)}/statements/${encodeURIComponent(period)}`, {
        signal,
        query: { upTo },
      }),
  });
}

export const xlsxUrl = (stationId: number, period: string, upTo: number) =>
  `${API_BASE}${base(stationId)}/statements/${encodeURIComponent(period)}.xlsx?upTo=${upTo}`;

/** The web pages of the disclosure (the staff fund page links the first). */
export const publicFundPath = (stationId: number) => `/public/fund/${stationId}`;
export const statementPath = (stationId: number, period: string) =>
  `${publicFundPath(stationId)}/${encodeURIComponent(period)}`;

/** "2026 年 3 月" / "2026 年第 1 季度" for a period key. */
export function periodName(t: TFunction, key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return t('disclosure.quarter', { year: quarter[1], quarter: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return t('disclosure.month', { year: month[1], month: Number(month[2]) });
  return key;
}

/** `upTo` from the page's address (?upTo=24), or null. */
export function upToOf(search: string): number | null {
  const value = new URLSearchParams(search).get('upTo');
  return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
}
