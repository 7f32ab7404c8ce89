import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type RequestOptions } from './client.ts';
import type { Page } from './types.ts';

/** A cursor-paged list (`cursor` in, `nextCursor` out), fetched page by page with "load more". */
export function useCursorPages<T>(options: {
  queryKey: QueryKey;
  path: string;
  query?: RequestOptions['query'];
  enabled?: boolean;
}) {
  return useInfiniteQuery({
    queryKey: options.queryKey,
    enabled: options.enabled ?? true,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(options.path, { query: { ...options.query, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every row fetched so far. */
export const rowsOf = <T>(pages: { data?: { pages: Page<T>[] } | undefined }): T[] =>
  pages.data?.pages.flatMap((p) => p.items) ?? [];
