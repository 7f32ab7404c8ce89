import { AppError } from '../../server/http/errors.ts';
import { parseW3 } from './format.ts';
import { MAX_ROWS, type RequestsFilter } from './service-requests.ts';

/** The query arguments of GET requests and GET servicerequestupdates, read as the spec says. */

const DAY_MS = 24 * 3600_000;
const MAX_SPAN_DAYS = 90;

const csv = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '') ?? [];

const invalid = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION', { errors: [{ path, message: { zh, en } }] });

function dateArg(name: string, value: string | undefined): Date | null {
  if (!value?.trim()) return null;
  const at = parseW3(value);
  if (!at) {
    throw invalid(
      name,
      '须为 W3C 日期时间，如 2026-01-01T00:00:00+08:00',
      'Must be a W3C datetime, e.g. 2026-01-01T00:00:00Z',
    );
  }
  return at;
}

/** The [from, to] a query asks for: `to` defaults to now, `from` to `defaultDays` before it; ≤ 90 days. */
function dateRange(
  query: { start_date?: string | undefined; end_date?: string | undefined },
  defaultDays: number,
) {
  const from = dateArg('start_date', query.start_date);
  const end = dateArg('end_date', query.end_date) ?? new Date();
  const start = from ?? new Date(end.getTime() - defaultDays * DAY_MS);
  if (start > end) throw invalid('start_date', '不能晚于 end_date', 'Must not be after end_date');
  if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY_MS) {
    throw invalid(
      'start_date',
      `start_date 到 end_date 不能超过 ${MAX_SPAN_DAYS} 天`,
      `start_date to end_date may not span more than ${MAX_SPAN_DAYS} days`,
    );
  }
  return { from: start, to: end };
}

export function requestsFilter(query: {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
}): RequestsFilter {
  const ids = csv(query.service_request_id);
  if (ids.length > 0) {
    // service_request_id overrides every other argument, so they are not even read.
    if (ids.length > MAX_ROWS || ids.some((id) => !/^\d{1,15}$/.test(id))) {
      throw invalid('service_request_id', '须为逗号分隔的编号', 'Must be request ids, comma separated');
    }
    return { ids: ids.map(Number) };
  }
  const statuses = csv(query.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) {
    throw invalid('status', 'status 只能是 open 或 closed', 'status is open or closed');
  }
  const codes = csv(query.service_code);
  const range = dateRange(query, MAX_SPAN_DAYS);
  // Both open and closed is no filter at all.
  const wanted = new Set(statuses as ('open' | 'closed')[]);
  return {
    serviceCodes: codes.length > 0 ? codes.slice(0, 200) : undefined,
    status: wanted.size === 1 ? [...wanted][0] : undefined,
    ...range,
  };
}

export function updatesRange(query: { start_date?: string | undefined; end_date?: string | undefined }) {
  return dateRange(query, 1);
}
