import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { households } from '../../src/modules/places/places.tables.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let t: TestContext;
let city: Awaited<ReturnType<typeof makeCity>>;
let worker: string;
let chairWest: string;
let leader: string;
let resident: string;

beforeAll(async () => {
  t = await useTestApp();
  city = await makeCity(t, 60);
  await makeUser(t, { phone: '13900000010', role: 'socialWorker', path: city.east.path });
  await makeUser(t, { phone: '13900000011', role: 'chair', stationId: city.west.compound.stationId });
  await makeUser(t, {
    phone: '13900000012',
    role: 'buildingLeader',
    stationId: city.east.compound.stationId,
    path: city.east.compound.building1Path,
  });
  await makeUser(t, { phone: '13900000013' });
  worker = await t.login('13900000010');
  chairWest = await t.login('13900000011');
  leader = await t.login('13900000012');
  resident = await t.login('13900000013');
});

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('GET /households', () => {
  it('requires authentication', async () => {
    expect((await get(`/api/v1/households?compoundId=${city.east.compound.compoundId}`)).statusCode).toBe(
      401,
    );
  });

  it('rejects bad input', async () => {
    const res = await get('/api/v1/households?compoundId=abc&limit=1000', worker);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['querystring.compoundId', 'querystring.limit']);
    expect((await get('/api/v1/households?compoundId=1&cursor=!!', worker)).statusCode).toBe(400);
    expect((await get('/api/v1/households?compoundId=1&cursor=bm90LWpzb24', worker)).json().code).toBe(
      'VALIDATION',
    );
  });

  it('pages through every household of a compound exactly once, in building order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `/api/v1/households?compoundId=${city.east.compound.compoundId}&limit=25${cursor ? `&cursor=${cursor}` : ''}`,
        worker,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      seen.push(...body.items.map((h: { label: string }) => h.label));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen.indexOf('2幢1单元101')).toBeGreaterThan(seen.indexOf('1幢2单元602'));
  });

  it("answers 404 for another station's compound, exactly like a missing one", async () => {
    const foreign = await get(`/api/v1/households?compoundId=${city.east.compound.compoundId}`, chairWest);
    const missing = await get('/api/v1/households?compoundId=999999', chairWest);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect(
      (await get(`/api/v1/households/${city.east.compound.householdIds[0]}`, chairWest)).statusCode,
    ).toBe(404);
  });

  it('lets a building leader see their building only', async () => {
    expect(
      (await get(`/api/v1/households?buildingId=${city.east.compound.building1Id}`, leader)).statusCode,
    ).toBe(200);
    expect(
      (await get(`/api/v1/households?compoundId=${city.east.compound.compoundId}`, leader)).statusCode,
    ).toBe(404);
  });

  it('gives residents without roles no household lists', async () => {
    expect(
      (await get(`/api/v1/households?compoundId=${city.east.compound.compoundId}`, resident)).statusCode,
    ).toBe(404);
  });
});

describe('GET /households/:id', () => {
  it('shows members with phones by the viewer’s rights', async () => {
    const id = city.east.compound.householdIds[0]!;
    const full = (await get(`/api/v1/households/${id}`, worker)).json();
    expect(full.members[0].phone).toMatch(/^1\d{10}$/);
    const masked = (await get(`/api/v1/households/${id}`, leader)).json();
    expect(masked.members[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(masked.abilities).not.toContain('resident.manage');
  });
});

describe('POST /households (and the tree)', () => {
  it('requires authentication and rejects bad area values', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/households', payload: {} })).statusCode).toBe(
      401,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: worker },
      payload: { unitId: 1, room: '101', areaM2: '89.355' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.areaM2');
  });

  it('creates a building, unit and household with exact area and an audit row each', async () => {
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: worker }, payload });
    const b = await post('/api/v1/buildings', { compoundId: city.east.compound.compoundId, name: '99幢' });
    expect(b.statusCode).toBe(201);
    const u = await post('/api/v1/units', { buildingId: b.json().id, name: '1单元' });
    const h = await post('/api/v1/households', { unitId: u.json().id, room: '1801', areaM2: '89.35' });
    expect(h.statusCode).toBe(201);
    const [row] = await t.db.select().from(households).where(eq(households.id, h.json().id));
    expect(row!.areaCm2).toBe(8935);
    expect(row!.label).toBe('99幢1单元1801');
    const again = await post('/api/v1/households', { unitId: u.json().id, room: '1801', areaM2: '89.35' });
    expect(again.statusCode).toBe(409);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, String(h.json().id)));
    expect(audit.map((a) => a.action)).toEqual(['household.create']);
    expect((await post('/api/v1/units', { buildingId: b.json().id + 100000, name: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('browses the tree from the nodes a role is granted on', async () => {
    const roots = (await get('/api/v1/places/children', worker)).json().items;
    expect(roots).toEqual([expect.objectContaining({ kind: 'area', name: '东社区', level: 'community' })]);
    const compounds = (await get(`/api/v1/places/children?kind=area&id=${roots[0].id}`, worker)).json().items;
    expect(compounds.map((c: { name: string }) => c.name)).toEqual(['东社区小区']);
    const residentRoots = (await get('/api/v1/places/children', resident)).json().items;
    expect(residentRoots.map((c: { name: string }) => c.name)).toEqual(['测试市']);
  });
});

describe('GET /places/compounds', () => {
  it('requires authentication', async () => {
    expect((await get('/api/v1/places/compounds?q=东')).statusCode).toBe(401);
  });

  it('rejects bad input', async () => {
    expect((await get(`/api/v1/places/compounds?q=${'长'.repeat(41)}`, resident)).statusCode).toBe(400);
  });

  it('finds compounds by part of the name and says where they are', async () => {
    const res = await get(`/api/v1/places/compounds?q=${encodeURIComponent('东社')}`, resident);
    expect(res.json().items).toEqual([
      expect.objectContaining({ name: '东社区小区', place: '测试区 测试街道 东社区' }),
    ]);
    const wildcard = await get(`/api/v1/places/compounds?q=${encodeURIComponent('%')}`, resident);
    expect(wildcard.json().items).toEqual([]);
  });
});
