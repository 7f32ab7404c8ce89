import { and, eq, sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/accounts.tables.ts';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { open311Keys } from '../../src/modules/open311/open311.tables.ts';
import { categories, requestEvents, requests } from '../../src/modules/requests/requests.tables.ts';
import { stationOf } from '../support/factories.ts';
import { type TestContext, useTestApp } from '../support/harness.ts';

// Conformance with GeoReport v2 (wiki.open311.org/GeoReport_v2), its Service Discovery page and the
// servicerequestupdates extension, on the demo: 南江绿苑's station holds the demo key.

const DEMO_KEY = 'demo-open311-key';
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/;
// Containers of one repeated element (the Spark convention's arrays), always lists when parsed.
const REPEATED = new Set([
  'service',
  'request',
  'attribute',
  'value',
  'error',
  'endpoint',
  'format',
  'request_update',
]);
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => REPEATED.has(name) });

let t: TestContext;
let chair: string;
let council: string;
let resident: string;
let admin: string;
let stationId: number;
let otherStationId: number;
let councilId: number;
let jur: string;

/** The Open311 endpoints are public: no session. */
const get = (url: string) => t.call('GET', url);
const postForm = (format: 'xml' | 'json', form: string) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: form,
  });
const form = (fields: Record<string, string | string[]>) => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) out.append(k, one);
  return out.toString();
};
const valid = (extra: Record<string, string | string[]> = {}) =>
  form({
    api_key: DEMO_KEY,
    jurisdiction_id: jur,
    service_code: 'leak',
    address_string: '南江绿苑 3幢 楼道',
    description: '3幢楼道顶上漏水',
    ...extra,
  });
// biome-ignore lint/suspicious/noExplicitAny: a parsed document; the assertions check its shape
const xml = (body: string): any => parser.parse(body);

async function counts() {
  const n = async (table: typeof requests | typeof requestEvents | typeof auditEvents) =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return { requests: await n(requests), events: await n(requestEvents), audit: await n(auditEvents) };
}

function expectErrors(res: Awaited<ReturnType<typeof get>>, status: number, format: 'xml' | 'json') {
  expect(res.statusCode).toBe(status);
  if (format === 'xml') {
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(res.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const errors = xml(res.body).errors.error as { code: string; description: string }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.code).toBe(String(status));
      expect(e.description.length).toBeGreaterThan(0);
    }
    return errors;
  }
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const errors = res.json() as { code: string; description: string }[];
  expect(Array.isArray(errors)).toBe(true);
  for (const e of errors) expect(e).toEqual({ code: String(status), description: expect.any(String) });
  return errors;
}

/** Every *_datetime and changeset in a JSON answer carries its offset; ids and codes are strings. */
function checkJsonConventions(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) checkJsonConventions(item);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if ((k.endsWith('_datetime') || k === 'changeset') && v !== null) expect(v).toMatch(W3C_DATETIME);
    if ((k.endsWith('_id') || k.endsWith('code') || k === 'key') && v !== null)
      expect(typeof v).toBe('string');
    checkJsonConventions(v);
  }
}

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  chair = await t.login('13800000003');
  council = await t.login('13800000004');
  resident = await t.login('13800000010');
  admin = await t.login('13800000001');
  stationId = await stationOf(t, '南江绿苑');
  otherStationId = await stationOf(t, '恒业小区');
  jur = `linshe-s${stationId}`;
  const [member] = await t.db.select().from(users).where(eq(users.phone, '13800000004'));
  councilId = member!.id;
  // The station's default categories exist once anyone lists them; then give 设施维修 questions.
  expect((await get(`/open311/v2/services.json?jurisdiction_id=${jur}`)).statusCode).toBe(200);
  await t.db
    .update(categories)
    .set({
      description: '公共设施损坏',
      questions: [
        { code: 'floor', label: '几楼', datatype: 'number', required: true },
        {
          code: 'kinds',
          label: '损坏的设施',
          datatype: 'multivaluelist',
          required: false,
          values: [
            { key: 'light', name: '楼道灯' },
            { key: 'door', name: '单元门' },
            { key: 'lift', name: '电梯' },
          ],
        },
        {
          code: 'urgency',
          label: '紧急程度',
          datatype: 'singlevaluelist',
          required: false,
          values: [
            { key: 'high', name: '紧急' },
            { key: 'low', name: '不急' },
          ],
        },
      ],
    })
    .where(and(eq(categories.stationId, stationId), eq(categories.code, 'repair')));
});

describe('Open311 discovery', () => {
  it('is served in XML and JSON with the GeoReport v2 endpoint, formats, changeset, contact and key service', async () => {
    const asXml = await get('/open311/discovery.xml');
    expect(asXml.statusCode).toBe(200);
    expect(asXml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(asXml.body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = xml(asXml.body).discovery;
    expect(Object.keys(doc)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const [endpoint] = doc.endpoints.endpoint;
    expect(endpoint).toMatchObject({ specification: SPEC, type: 'production' });
    expect(endpoint.url).toMatch(/\/open311\/v2$/);
    expect(endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    expect(doc.key_service).toContain('jurisdiction_id');

    const asJson = await get('/open311/discovery.json');
    expect(asJson.headers['content-type']).toBe('application/json; charset=utf-8');
    const json = asJson.json();
    expect(json.endpoints).toEqual([
      {
        specification: SPEC,
        url: endpoint.url,
        changeset: endpoint.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    checkJsonConventions(json);
  });

  it('answers unknown resources and formats with a 404 errors body in the format asked', async () => {
    expectErrors(await get('/open311/v2/nothing.json'), 404, 'json');
    expectErrors(await get('/open311/v2/services.html'), 404, 'xml');
    expectErrors(await get('/open311/v2/services'), 404, 'xml');
  });
});

describe('GET services and service definitions', () => {
  it('need a jurisdiction_id when the install serves several stations, and know only real ones', async () => {
    const missing = expectErrors(await get('/open311/v2/services.xml'), 400, 'xml');
    expect(missing[0]!.description).toContain('jurisdiction_id');
    expectErrors(await get('/open311/v2/services.json?jurisdiction_id=sfgov.org'), 404, 'json');
    expectErrors(await get('/open311/v2/services.json?jurisdiction_id=linshe-s999999'), 404, 'json');
    expectErrors(await get('/open311/v2/services.json?jurisdiction_id=a&jurisdiction_id=b'), 400, 'json');
  });

  it('list the station’s categories as services, in XML and JSON', async () => {
    const asXml = await get(`/open311/v2/services.xml?jurisdiction_id=${jur}`);
    expect(asXml.statusCode).toBe(200);
    const services = xml(asXml.body).services.service as Record<string, string>[];
    const leak = services.find((s) => s.service_code === 'leak')!;
    expect(leak).toMatchObject({ service_name: '漏水/管道', metadata: 'false', type: 'realtime' });
    expect(Object.keys(leak)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(services.find((s) => s.service_code === 'repair')).toMatchObject({
      metadata: 'true',
      description: '公共设施损坏',
    });

    const json = (await get(`/open311/v2/services.json?jurisdiction_id=${jur}`)).json();
    expect(json).toHaveLength(services.length);
    expect(json.find((s: { service_code: string }) => s.service_code === 'leak')).toEqual({
      service_code: 'leak',
      service_name: '漏水/管道',
      description: null,
      metadata: false,
      type: 'realtime',
      keywords: null,
      group: null,
    });
    checkJsonConventions(json);
  });

  it('give a category’s questions as attributes, and 404 for an unknown code', async () => {
    const asXml = await get(`/open311/v2/services/repair.xml?jurisdiction_id=${jur}`);
    expect(asXml.statusCode).toBe(200);
    const def = xml(asXml.body).service_definition;
    expect(def.service_code).toBe('repair');
    const attrs = def.attributes.attribute as (Record<string, string> & { values: { value: unknown[] } })[];
    expect(attrs.map((a) => [a.code, a.datatype, a.required, a.order, a.variable])).toEqual([
      ['floor', 'number', 'true', '1', 'true'],
      ['kinds', 'multivaluelist', 'false', '2', 'true'],
      ['urgency', 'singlevaluelist', 'false', '3', 'true'],
    ]);
    expect(Object.keys(attrs[1]!)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect(attrs[1]!.values.value).toEqual([
      { key: 'light', name: '楼道灯' },
      { key: 'door', name: '单元门' },
      { key: 'lift', name: '电梯' },
    ]);

    const json = (await get(`/open311/v2/services/repair.json?jurisdiction_id=${jur}`)).json();
    expect(json.service_code).toBe('repair');
    expect(json.attributes[0]).toMatchObject({ variable: true, code: 'floor', required: true, order: 1 });
    expect(json.attributes[2].values).toEqual([
      { key: 'high', name: '紧急' },
      { key: 'low', name: '不急' },
    ]);
    checkJsonConventions(json);
    expect((await get(`/open311/v2/services/leak.json?jurisdiction_id=${jur}`)).json()).toEqual({
      service_code: 'leak',
      attributes: [],
    });
    expectErrors(await get(`/open311/v2/services/nosuch.xml?jurisdiction_id=${jur}`), 404, 'xml');
    expectErrors(await get(`/open311/v2/services/nosuch.json?jurisdiction_id=${jur}`), 404, 'json');
  });
});

describe('POST requests', () => {
  it('refuses a missing, unknown, revoked or other station’s api_key with 403, and changes nothing', async () => {
    // A key of another station, even with that station's jurisdiction_id, is not this one's.
    const other = await t.call('POST', `/api/v1/stations/${otherStationId}/open311-keys`, admin, {
      name: '恒业对接',
    });
    expect(other.statusCode).toBe(201);
    const before = await counts();
    const noKey = form({
      jurisdiction_id: jur,
      service_code: 'leak',
      address_string: '3幢',
      description: '漏水',
    });
    expect(expectErrors(await postForm('xml', noKey), 403, 'xml')[0]!.description).toContain('api_key');
    expectErrors(await postForm('json', noKey), 403, 'json');
    expectErrors(await postForm('json', valid({ api_key: 'not-a-key-at-all' })), 403, 'json');
    expectErrors(await postForm('json', valid({ api_key: [DEMO_KEY, DEMO_KEY] })), 403, 'json');
    expectErrors(await postForm('xml', valid({ api_key: other.json().key })), 403, 'xml');
    expectErrors(await postForm('xml', valid({ jurisdiction_id: `linshe-s${otherStationId}` })), 403, 'xml');
    // No body at all, or one that is not a form.
    expectErrors(await t.call('POST', '/open311/v2/requests.json'), 403, 'json');
    const plain = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'text/plain' },
      payload: `api_key=${DEMO_KEY}`,
    });
    expectErrors(plain, 403, 'xml');
    expect(await counts()).toEqual(before);
  });

  it('rejects bad input of every kind with 400 or 404 and changes nothing', async () => {
    const before = await counts();
    const { service_code: _drop, ...noCode } = Object.fromEntries(new URLSearchParams(valid()));
    const cases: [string, number, string][] = [
      [form(noCode), 400, 'service_code'],
      [valid({ service_code: 'nosuch' }), 404, 'service_code'],
      [
        form({ api_key: DEMO_KEY, jurisdiction_id: jur, service_code: 'leak', description: '漏水' }),
        400,
        'location',
      ],
      [valid({ lat: '29.8' }), 400, 'lat'],
      [valid({ lat: '91', long: '121.5' }), 400, 'lat'],
      [valid({ lat: 'north', long: '121.5' }), 400, 'lat'],
      [valid({ address_id: 'h12' }), 400, 'address_id'],
      [valid({ address_id: 'b999999' }), 400, 'address_id'],
      [valid({ media_url: 'javascript:alert(1)' }), 400, 'media_url'],
      [valid({ email: 'not-mail' }), 400, 'email'],
      [valid({ description: 'x'.repeat(4001) }), 400, 'description'],
      [valid({ description: '漏水\u0000' }), 400, 'description'],
      [valid({ service_code: 'repair' }), 400, 'floor'],
      [valid({ service_code: 'repair', 'attribute[floor]': '三楼' }), 400, 'floor'],
      [valid({ service_code: 'repair', 'attribute[floor]': ['3', '4'] }), 400, 'floor'],
      [
        valid({ service_code: 'repair', 'attribute[floor]': '3', 'attribute[kinds][]': ['light', 'roof'] }),
        400,
        'kinds',
      ],
      [
        valid({ service_code: 'repair', 'attribute[floor]': '3', 'attribute[urgency]': 'soon' }),
        400,
        'urgency',
      ],
      [valid({ service_code: 'repair', 'attribute[floor]': '3', 'attribute[colour]': 'red' }), 400, 'colour'],
      [valid({ service_code: 'repair', 'attribute[floor': '3' }), 400, 'attribute'],
      [valid({ service_code: ['leak', 'repair'] }), 400, 'service_code'],
    ];
    for (const [body, status, says] of cases) {
      for (const format of ['xml', 'json'] as const) {
        const errors = expectErrors(await postForm(format, body), status, format);
        expect(errors.map((e) => e.description).join(' | ')).toMatch(
          new RegExp(says === 'location' ? 'lat|address' : says),
        );
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('files the request at the key’s station: the staff queue shows it, routed and recorded', async () => {
    const res = await postForm(
      'xml',
      form({
        api_key: DEMO_KEY,
        service_code: 'repair',
        lat: '29.80712',
        long: '121.55210',
        address_string: '南江绿苑 2幢2单元 楼道',
        description: '2幢2单元楼道灯和单元门坏了',
        first_name: '小明',
        last_name: '欧阳',
        email: 'ouyang@example.com',
        phone: '13912345678',
        device_id: 'device-77',
        account_id: 'acct-9',
        media_url: 'https://img.example.com/p/1.jpg',
        'attribute[floor]': '3',
        'attribute[kinds][]': ['light', 'door'],
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [created] = xml(res.body).service_requests.request;
    expect(created.service_request_id).toMatch(/^\d+$/);
    expect(created.service_notice).toContain('小时');
    expect(created.account_id).toBe('');
    const id = Number(created.service_request_id);

    const [row] = await t.db.select().from(requests).where(eq(requests.id, id));
    expect(row).toMatchObject({
      stationId,
      channel: 'open311',
      status: 'submitted',
      reporterUserId: null,
      isPublic: true,
      isAnonymous: true,
      placeText: '南江绿苑 2幢2单元 楼道',
      lat: 29.80712,
      lng: 121.5521,
      attributes: { floor: 3, kinds: ['light', 'door'] },
      contact: {
        first_name: '小明',
        last_name: '欧阳',
        email: 'ouyang@example.com',
        phone: '13912345678',
        device_id: 'device-77',
        account_id: 'acct-9',
      },
    });
    const [key] = await t.db.select().from(open311Keys).where(eq(open311Keys.id, row!.clientKeyId!));
    expect(key).toMatchObject({ stationId, name: '演示客户端' });

    const queue = (await t.call('GET', `/api/v1/requests?stationId=${stationId}`, chair)).json();
    expect(queue.items.find((r: { id: number }) => r.id === id)).toMatchObject({
      channel: 'open311',
      status: 'submitted',
    });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'request'), eq(auditEvents.subjectId, String(id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'request.file', actorUserId: null, stationId });
    expect(audit[0]!.summary).toMatchObject({
      channel: 'open311',
      client: '演示客户端',
      clientKeyId: key!.id,
    });
    expect(JSON.stringify(audit[0]!.summary)).not.toContain('13912345678');

    // A JSON post answers in JSON; ids are strings.
    const asJson = await postForm('json', valid());
    expect(asJson.statusCode).toBe(200);
    expect(asJson.json()).toEqual([
      {
        service_request_id: expect.stringMatching(/^\d+$/),
        service_notice: expect.any(String),
        account_id: null,
      },
    ]);
  });

  it('shows staff moves through GET requests, in both formats, and through servicerequestupdates', async () => {
    const id = (await postForm('json', valid({ description: '地下车库入口积水漏水' }))).json()[0]
      .service_request_id;
    // Back-date it an hour, so its updated_datetime visibly moves when staff act.
    await t.db
      .update(requests)
      .set({ createdAt: sql`created_at - interval '1 hour'`, updatedAt: sql`updated_at - interval '1 hour'` })
      .where(eq(requests.id, Number(id)));
    const one = async () => (await get(`/open311/v2/requests/${id}.json`)).json()[0];
    const first = await one();
    expect(first).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'leak',
      service_name: '漏水/管道',
    });
    expect(first.agency_responsible).toBe('南江绿苑小区自治站');

    const move = (payload: object) => t.call('POST', `/api/v1/requests/${id}/transitions`, chair, payload);
    expect((await move({ action: 'accept' })).statusCode).toBe(200);
    expect((await move({ action: 'assign', handlerUserId: councilId })).statusCode).toBe(200);
    const assigned = await one();
    expect(assigned.status).toBe('open');
    expect(assigned.updated_datetime).not.toBe(first.updated_datetime);
    expect(JSON.stringify(assigned)).not.toContain('李秀英');
    expect((await move({ action: 'resolve', note: '已疏通排水沟' })).statusCode).toBe(200);

    const closed = await one();
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已疏通排水沟' });
    expect(Date.parse(closed.updated_datetime)).toBeGreaterThan(Date.parse(first.updated_datetime));
    const asXml = await get(`/open311/v2/requests/${id}.xml?jurisdiction_id=${jur}`);
    const [viaXml] = xml(asXml.body).service_requests.request;
    expect(viaXml).toMatchObject({ service_request_id: id, status: 'closed', status_notes: '已疏通排水沟' });
    expect(viaXml.updated_datetime).toBe(closed.updated_datetime);

    const updates = (await get(`/open311/v2/servicerequestupdates.json?jurisdiction_id=${jur}`)).json();
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(mine.map((u: { status: string }) => u.status)).toEqual(['open', 'open', 'open', 'closed']);
    expect(mine[3]).toMatchObject({ description: '已疏通排水沟', update_id: expect.stringMatching(/^\d+$/) });
    expect(Object.keys(mine[0])).toEqual([
      'update_id',
      'service_request_id',
      'status',
      'updated_datetime',
      'description',
      'media_url',
    ]);
    checkJsonConventions(updates);
    const updatesXml = xml((await get(`/open311/v2/servicerequestupdates.xml?jurisdiction_id=${jur}`)).body);
    expect(
      updatesXml.service_request_updates.request_update.filter(
        (u: { service_request_id: string }) => u.service_request_id === id,
      ),
    ).toHaveLength(4);
    // Other stations' updates are not this jurisdiction's.
    const elsewhere = (
      await get(`/open311/v2/servicerequestupdates.json?jurisdiction_id=linshe-s${otherStationId}`)
    ).json();
    expect(elsewhere).toEqual([]);
    expectErrors(
      await get(
        `/open311/v2/servicerequestupdates.json?jurisdiction_id=${jur}&start_date=2020-01-01T00:00:00Z`,
      ),
      400,
      'json',
    );
    expectErrors(
      await get(`/open311/v2/requests/${id}.xml?jurisdiction_id=linshe-s${otherStationId}`),
      404,
      'xml',
    );
  });
});

describe('GET requests', () => {
  it('filter by service_request_id (overriding the rest), status, service_code and dates', async () => {
    const leak = (await postForm('json', valid())).json()[0].service_request_id;
    const repair = (
      await postForm(
        'json',
        valid({ service_code: 'repair', 'attribute[floor]': '2', 'attribute[urgency]': 'high' }),
      )
    ).json()[0].service_request_id;
    const list = async (query: string) => {
      const res = await get(`/open311/v2/requests.json?jurisdiction_id=${jur}&${query}`);
      expect(res.statusCode).toBe(200);
      checkJsonConventions(res.json());
      return res.json() as { service_request_id: string; status: string; service_code: string }[];
    };
    const all = await list('');
    expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([leak, repair]));
    expect(all[0]!.service_request_id).toBe(repair);
    expect((await list('service_code=repair')).every((r) => r.service_code === 'repair')).toBe(true);
    expect((await list('service_code=repair,leak')).length).toBe(all.length);
    expect((await list('status=closed')).every((r) => r.status === 'closed')).toBe(true);
    expect((await list('status=open')).map((r) => r.service_request_id)).toContain(leak);
    expect((await list('status=open,closed')).length).toBe(all.length);
    // service_request_id overrides every other argument, even ones that would exclude them.
    const picked = await list(
      `service_request_id=${leak},${repair}&status=closed&service_code=parking&start_date=2001-01-01`,
    );
    expect(picked.map((r) => r.service_request_id).sort()).toEqual([leak, repair].sort());
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(await list(`start_date=${iso(now - 86_400_000)}&end_date=${iso(now + 60_000)}`)).toHaveLength(
      all.length,
    );
    expect(
      await list(`start_date=${iso(now - 3 * 86_400_000)}&end_date=${iso(now - 2 * 86_400_000)}`),
    ).toEqual([]);
    // A + left unencoded in the offset still reads.
    expect(await list('start_date=2026-01-01T00:00:00+08:00&end_date=2026-03-01T00:00:00+08:00')).toEqual([]);

    const asXml = xml((await get(`/open311/v2/requests.xml?jurisdiction_id=${jur}`)).body);
    const first = asXml.service_requests.request[0];
    expect(Object.keys(first)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
      expect(first[k]).toMatch(/\+08:00$/);
    }
  });

  it('refuse spans over 90 days, bad dates and statuses with a 400 errors body', async () => {
    const bad = [
      'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
      'start_date=2020-01-01T00:00:00Z',
      'start_date=yesterday',
      'end_date=2026-13-01T00:00:00Z',
      'start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z',
      'status=pending',
      'service_request_id=12,abc',
      'status=open&status=closed',
    ];
    for (const query of bad) {
      expectErrors(await get(`/open311/v2/requests.json?jurisdiction_id=${jur}&${query}`), 400, 'json');
      expectErrors(await get(`/open311/v2/requests.xml?jurisdiction_id=${jur}&${query}`), 400, 'xml');
    }
    expectErrors(await get('/open311/v2/requests.json'), 400, 'json');
    expectErrors(await get('/open311/v2/requests/abc.json'), 404, 'json');
    expectErrors(await get('/open311/v2/requests/99999999.xml'), 404, 'xml');
  });

  it('never show private requests or anything personal', async () => {
    const me = (await t.call('GET', '/api/v1/me', resident)).json();
    const household = me.households[0].householdId;
    const filed = (body: object) => t.call('POST', '/api/v1/requests', resident, body);
    const cats = (await t.call('GET', `/api/v1/stations/${stationId}/request-categories`, resident)).json()
      .items;
    const categoryId = cats.find((c: { code: string }) => c.code === 'sanitation').id;
    const priv = await filed({ stationId, categoryId, description: '楼下垃圾桶满了', isPublic: false });
    expect(priv.statusCode).toBe(201);
    const pub = await filed({
      stationId,
      categoryId,
      householdId: household,
      description: '单元门口垃圾没人清',
      isPublic: true,
      isAnonymous: false,
    });
    expect(pub.statusCode).toBe(201);
    const privId = priv.json().id;
    const pubId = String(pub.json().id);

    expectErrors(await get(`/open311/v2/requests/${privId}.json`), 404, 'json');
    expectErrors(await get(`/open311/v2/requests/${privId}.xml?jurisdiction_id=${jur}`), 404, 'xml');
    const picked = (
      await get(`/open311/v2/requests.json?jurisdiction_id=${jur}&service_request_id=${privId},${pubId}`)
    ).json();
    expect(picked.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([pubId]);
    expect(picked[0]).toMatchObject({
      address: '南江绿苑 1幢 1单元',
      address_id: expect.stringMatching(/^u\d+$/),
    });

    const bodies = [
      (await get(`/open311/v2/requests.json?jurisdiction_id=${jur}`)).body,
      (await get(`/open311/v2/requests.xml?jurisdiction_id=${jur}`)).body,
      (await get(`/open311/v2/requests/${pubId}.xml`)).body,
      (await get(`/open311/v2/servicerequestupdates.json?jurisdiction_id=${jur}`)).body,
      (await get(`/open311/v2/servicerequestupdates.xml?jurisdiction_id=${jur}`)).body,
    ];
    for (const body of bodies) {
      for (const secret of ['小明', '欧阳', 'ouyang@example.com', '13912345678', 'device-77', 'acct-9']) {
        expect(body).not.toContain(secret);
      }
      for (const secret of [
        '林阿姨',
        '13800000010',
        '1单元101',
        '楼下垃圾桶满了',
        '演示客户端',
        '2幢2单元 楼道',
      ]) {
        expect(body).not.toContain(secret);
      }
    }
  });
});

describe('client key management', () => {
  const keysUrl = () => `/api/v1/stations/${stationId}/open311-keys`;

  it('requires authentication', async () => {
    expect((await t.call('GET', keysUrl())).statusCode).toBe(401);
    expect((await t.call('POST', keysUrl(), undefined, { name: 'x' })).statusCode).toBe(401);
    expect((await t.call('DELETE', '/api/v1/open311-keys/1')).statusCode).toBe(401);
  });

  it('rejects bad input', async () => {
    expect((await t.call('POST', keysUrl(), chair, { name: '' })).statusCode).toBe(400);
    expect((await t.call('POST', keysUrl(), chair, { name: 'x'.repeat(41) })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/v1/stations/abc/open311-keys', chair, { name: 'x' })).statusCode).toBe(
      400,
    );
    expect((await t.call('DELETE', '/api/v1/open311-keys/abc', chair)).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/stations/999999/open311-keys', chair)).statusCode).toBe(404);
  });

  it('are for the station’s admins: residents see nothing, members who only handle requests are refused', async () => {
    expect((await t.call('GET', keysUrl(), resident)).statusCode).toBe(404);
    expect((await t.call('POST', keysUrl(), resident, { name: 'x' })).statusCode).toBe(404);
    expect((await t.call('GET', keysUrl(), council)).statusCode).toBe(403);
    expect((await t.call('POST', keysUrl(), council, { name: 'x' })).statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/stations/${otherStationId}/open311-keys`, chair)).statusCode).toBe(
      404,
    );
  });

  it('show a new key once, list keys without them, and a revoked key stops working at once', async () => {
    const made = await t.call('POST', keysUrl(), chair, { name: '12345 热线对接' });
    expect(made.statusCode).toBe(201);
    const { key, id, keyTail } = made.json();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(keyTail).toBe(key.slice(-4));
    const listed = (await t.call('GET', keysUrl(), chair)).json();
    expect(listed.jurisdictionId).toBe(jur);
    expect(listed.items.map((k: { name: string }) => k.name)).toEqual(['12345 热线对接', '演示客户端']);
    expect(JSON.stringify(listed)).not.toContain(key);
    const [stored] = await t.db.select().from(open311Keys).where(eq(open311Keys.id, id));
    expect(stored!.keyHash).not.toContain(key);

    const withKey = valid({ api_key: key });
    expect((await postForm('json', withKey)).statusCode).toBe(200);

    const otherKey = (
      await t.call('POST', `/api/v1/stations/${otherStationId}/open311-keys`, admin, { name: '别处' })
    ).json();
    expect((await t.call('DELETE', `/api/v1/open311-keys/${otherKey.id}`, chair)).statusCode).toBe(404);
    expect((await t.call('DELETE', `/api/v1/open311-keys/${id}`, council)).statusCode).toBe(403);
    expect((await t.call('DELETE', `/api/v1/open311-keys/${id}`, chair)).json()).toEqual({ ok: true });
    expect((await t.call('DELETE', `/api/v1/open311-keys/${id}`, chair)).json()).toEqual({ ok: true });
    const before = await counts();
    expectErrors(await postForm('json', withKey), 403, 'json');
    expect(await counts()).toEqual(before);
    const after = (await t.call('GET', keysUrl(), chair)).json();
    expect(after.items.find((k: { id: number }) => k.id === id).revokedAt).toMatch(W3C_DATETIME);

    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'open311Key'), eq(auditEvents.subjectId, String(id))));
    expect(audit.map((a) => a.action).sort()).toEqual(['open311Key.create', 'open311Key.revoke']);
  });
});
