import { z } from 'zod';
import { ZId } from '../../shared/limits.ts';
import { FORMATS } from './format.ts';

/* Client keys (the station admins' REST API under /api/v1). */

export const ZOpen311Key = z.object({
  id: z.number(),
  name: z.string(),
  /** The last four characters, to tell keys apart. */
  keyTail: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const ZOpen311KeyList = z.object({
  /** The station's Open311 jurisdiction_id, to hand to the client with its key. */
  jurisdictionId: z.string(),
  items: z.array(ZOpen311Key),
});
export const ZCreateOpen311Key = z.object({ name: z.string().trim().min(1).max(40) });
/** The key itself is in this answer only; it is stored as a hash. */
export const ZCreatedOpen311Key = ZOpen311Key.extend({ key: z.string() });
export const ZStationParam = z.object({ stationId: ZId });

/* GeoReport v2 (public, under /open311). Every field is text, as the spec sends it. */

const text = (max: number) => z.string().max(max).optional();
const ZFormat = z.enum(FORMATS);

export const ZFormatParam = z.object({ format: ZFormat });
export const ZServiceParam = z.object({
  service_code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  format: ZFormat,
});
export const ZRequestParam = z.object({
  service_request_id: z.string().regex(/^\d{1,15}$/),
  format: ZFormat,
});

export const ZJurisdictionQuery = z.object({ jurisdiction_id: text(100) });
export const ZRequestsQuery = ZJurisdictionQuery.extend({
  /** Comma separated; overrides every other filter. */
  service_request_id: text(20_000),
  /** Comma separated. */
  service_code: text(2000),
  /** W3C datetimes; at most 90 days apart (default: the last 90 days). */
  start_date: text(40),
  end_date: text(40),
  /** open, closed, or both comma separated. */
  status: text(40),
});
export const ZUpdatesQuery = ZJurisdictionQuery.extend({
  /** W3C datetimes; at most 90 days apart (default: the last 24 hours). */
  start_date: text(40),
  end_date: text(40),
});

/** POST requests (application/x-www-form-urlencoded). Any other field: attribute[code] or attribute[code][]. */
export const ZPostRequestBody = z
  .object({
    api_key: text(200),
    jurisdiction_id: text(100),
    service_code: text(100),
    lat: text(40),
    long: text(40),
    address_string: text(200),
    address_id: text(40),
    email: text(254),
    device_id: text(100),
    account_id: text(100),
    first_name: text(60),
    last_name: text(60),
    phone: text(40),
    /** Up to 4,000 characters, as the spec allows. */
    description: text(4000),
    media_url: text(1000),
  })
  .catchall(z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]));
