import i18n from '../i18n/index.ts';

/** One field-level problem from the API. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The application/problem+json body the API sends with every error. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
  /** Roster import only: every bad row with its line number. */
  rows?: { line: number; reason: string }[];
}

/** Thrown for every non-2xx answer; carries the problem body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export const API_BASE = '/api/v1';

type Json = Record<string, unknown> | unknown[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: Json | FormData;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    title: res.statusText || i18n.t('errors.network'),
    status: res.status,
    code: 'HTTP_ERROR',
  };
  const text = await res.text().catch(() => '');
  if (!text) return fallback;
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? res.status };
  } catch {
    return fallback;
  }
}

/** Calls the API: JSON in and out, the session cookie, and the UI language. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language || 'zh-CN',
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      headers,
      body: body ?? null,
      signal: options.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ title: i18n.t('errors.network'), status: 0, code: 'NETWORK' });
  }
  if (!res.ok) throw new ApiError(await readProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The problem body of an error, or a generic one for anything else. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) return err.problem;
  return {
    title: i18n.t('errors.unknown'),
    status: 0,
    code: 'UNKNOWN',
    detail: String((err as Error)?.message ?? err),
  };
}
