import { AppError } from '../../server/http/errors.ts';
import { parseW3 } from './format.ts';
import { dateRange, MAX_ROWS, type RequestsFilter } from './service-requests.ts';

/** The query arguments of GET requests and GET servicerequestupdates, read as the spec says. */

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
    return { ids: ids.map(Number), from: new Date(0), to: new Date() };
  }
  const statuses = csv(query.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) {
    throw invalid('status', 'status 只能是 open 或 closed', 'status is open or closed');
  }
  const codes = csv(query.service_code);
  const range = dateRange(dateArg('start_date', query.start_date), dateArg('end_date', query.end_date), 90);
  return {
    serviceCodes: codes.length > 0 ? codes.slice(0, 200) : undefined,
    statuses: statuses.length > 0 ? ([...new Set(statuses)] as ('open' | 'closed')[]) : undefined,
    ...range,
  };
}

export function updatesRange(query: { start_date?: string | undefined; end_date?: string | undefined }) {
  return dateRange(dateArg('start_date', query.start_date), dateArg('end_date', query.end_date), 1);
}
