import type { Ctx } from '../../server/http/context.ts';
import { AppError, type Lang, type Text } from '../../server/http/errors.ts';
import { locatePlace } from '../places/index.ts';
import { fileFromClient } from '../requests/index.ts';
import { list, type Value } from './format.ts';
import type { open311Keys } from './open311.tables.ts';
import { serviceNotice } from './service-requests.ts';

/** A form-encoded POST body: every field a string, repeated fields a list of strings. */
export type PostBody = Readonly<Record<string, string | readonly string[] | undefined>>;

const CONTACT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'device_id', 'account_id'] as const;
const DEGREES = /^[-+]?\d{1,3}(\.\d{1,15})?$/;
const ATTRIBUTE = /^attribute\[([^[\]]{1,40})\](\[\])?$/;
const ADDRESS_ID = /^([bu])([1-9]\d{0,14})$/;
const hasControl = (text: string) =>
  [...text].some((c) => c.charCodeAt(0) < 32 && c !== '\t' && c !== '\n' && c !== '\r');

/**
 * POST requests: files the request at the key's station (the caller checked the key and that any
 * jurisdiction_id given is that station's). A location is required: lat & long, address_string or
 * address_id (a building `b<id>` or unit `u<id>` of the station). Contact fields are kept for the
 * station's staff and never published.
 */
export async function postServiceRequest(
  ctx: Ctx,
  key: typeof open311Keys.$inferSelect,
  body: PostBody,
  lang: Lang,
): Promise<Value> {
  const field = (name: string) => {
    const value = body[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  const errors: { path: string; message: Text }[] = [];
  const fail = (path: string, zh: string, en: string) => errors.push({ path, message: { zh, en } });

  // PostgreSQL text cannot hold NUL, and no field has a use for control characters.
  for (const [name, value] of Object.entries(body)) {
    if ([value ?? []].flat().some(hasControl)) {
      fail(name.slice(0, 60), '含有控制字符', 'Contains control characters');
    }
  }
  const serviceCode = field('service_code');
  if (!serviceCode) fail('service_code', 'service_code 未提供', 'service_code was not provided');

  const latText = field('lat');
  const longText = field('long');
  let lat: number | undefined;
  let lng: number | undefined;
  if (latText || longText) {
    lat = Number(latText);
    lng = Number(longText);
    if (!DEGREES.test(latText) || !DEGREES.test(longText) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      fail(
        'lat',
        'lat 与 long 须同时提供，为 WGS-84 经纬度',
        'lat and long must both be sent, in WGS-84 degrees',
      );
    }
  }
  const addressString = field('address_string');
  const addressId = field('address_id');
  const place: { buildingId?: number; unitId?: number } = {};
  if (addressId) {
    const match = ADDRESS_ID.exec(addressId);
    const kind = match?.[1] === 'b' ? 'building' : 'unit';
    const found = match ? await locatePlace(ctx.db, kind, Number(match[2])) : null;
    if (!found || found.stationId !== key.stationId) {
      fail('address_id', '该辖区没有这个 address_id', 'address_id not found in this jurisdiction');
    } else if (kind === 'building') place.buildingId = found.id;
    else place.unitId = found.id;
  }
  if (lat === undefined && !addressString && !addressId) {
    fail(
      'address_string',
      '须提供位置：lat 与 long、address_string 或 address_id',
      'A location is required: lat & long, address_string or address_id',
    );
  }

  const mediaUrl = field('media_url');
  if (mediaUrl && !(/^https?:\/\/\S+$/i.test(mediaUrl) && URL.canParse(mediaUrl))) {
    fail('media_url', 'media_url 须为 http(s) 网址', 'media_url must be an http(s) URL');
  }
  const email = field('email');
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) fail('email', '邮箱格式不正确', 'Not an email address');

  const attributes: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!name.startsWith('attribute') || value === undefined) continue;
    const match = ATTRIBUTE.exec(name);
    if (!match) {
      fail(
        name.slice(0, 60),
        '应写作 attribute[代码] 或 attribute[代码][]',
        'Write attribute[code] or attribute[code][]',
      );
      continue;
    }
    const code = match[1]!;
    attributes[code] = [...(attributes[code] ?? []), ...(typeof value === 'string' ? [value] : value)];
  }
  if (errors.length > 0) throw new AppError('VALIDATION', { errors });

  const contact = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, field(f)]).filter(([, v]) => v !== ''));
  const { request, category } = await fileFromClient(ctx, {
    stationId: key.stationId,
    serviceCode,
    description: field('description') || undefined,
    lat,
    lng,
    placeText: addressString || undefined,
    ...place,
    attributes,
    contact: Object.keys(contact).length > 0 ? contact : null,
    mediaUrl: mediaUrl || undefined,
    client: { keyId: key.id, name: key.name },
  });
  return list('request', [
    {
      service_request_id: String(request.id),
      service_notice: serviceNotice(category, lang),
      account_id: null,
    },
  ]);
}
