import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as places from '../../src/modules/places/places.tables.ts';
import { stationCategories } from '../../src/modules/requests/file-request.ts';
import { requestsModule } from '../../src/modules/requests/index.ts';
import type { Status } from '../../src/modules/requests/lifecycle.ts';
import { requests } from '../../src/modules/requests/requests.tables.ts';
import { type TestContext, useTestApp } from '../support/harness.ts';

// The figures of docs/figures-requests.md on 35 requests whose every answer is worked out by hand
// below. Demo tree: 汪源社区 holds 南江绿苑 (station A) and 旺源雅苑 (station B); 工农小区 (station C)
// sits in another district. Period: March 2025 in China Standard Time, [2025-03-01, 2025-04-01).

let t: TestContext;
let stationA: number;
let stationB: number;
let stationC: number;
let communityId: number;
let streetId: number;
let cityId: number;

const FROM = new Date('2025-03-01T00:00:00+08:00');
const TO = new Date('2025-04-01T00:00:00+08:00');
const MIN = 60_000;

/** handedBack: escalated to the community once, now back with the station (still counts as escalated). */
type Level = 'station' | 'community' | 'street' | 'district' | 'handedBack';
/** [status, level, minutes to respond, minutes to resolve, minutes to the resolution deadline, rating, reopens] */
type Spec = [Status, Level, number | null, number | null, number, number | null, number];

// Station A: 18 requests, created hourly from 2025-03-02 00:00 (+08:00).
const A: Spec[] = [
  ['closed', 'station', 10, 100, 200, 5, 0], //        a1  on time
  ['closed', 'station', 20, 300, 200, 4, 0], //        a2  late
  ['closed', 'station', 30, 150, 200, 3, 1], //        a3  on time, reopened once
  ['closed', 'station', 40, 500, 600, 2, 0], //        a4  on time
  ['closed', 'community', 50, 1000, 600, 1, 0], //     a5  late, escalated
  ['closed', 'station', 60, 120, 200, null, 0], //     a6  on time, closed unrated
  ['resolved', 'station', 70, 180, 200, null, 0], //   a7  on time, not rated yet
  ['resolved', 'station', 80, 240, 200, null, 2], //   a8  late, reopened twice
  ['inProgress', 'station', 90, null, 200, null, 1], // a9 reopened, being handled again
  ['accepted', 'street', 100, null, 200, null, 0], //  a10 escalated
  ['submitted', 'station', null, null, 200, null, 0], // a11
  ['submitted', 'station', null, null, 200, null, 0], // a12
  ['rejected', 'station', 15, null, 200, null, 0], //  a13
  ['duplicate', 'station', 5, null, 200, null, 0], //  a14 not in the population
  ['withdrawn', 'station', null, null, 200, null, 0], // a15 not in the population
  ['closed', 'station', 25, 60, 200, 5, 0], //         a16 on time
  ['assigned', 'district', 35, null, 200, null, 0], // a17 escalated
  ['closed', 'station', 45, 200, 200, 4, 0], //        a18 resolved exactly at the deadline: on time
];
// Station B: 14 requests, created hourly from 2025-03-01 00:00 (+08:00): b1 at the very start of the period.
const B: Spec[] = [
  ['closed', 'station', 30, 400, 300, 5, 0], //        b1  late
  ['closed', 'station', 60, 200, 300, 5, 0], //        b2  on time
  ['closed', 'station', 90, 250, 300, 4, 0], //        b3  on time
  ['closed', 'station', 120, 700, 300, 1, 1], //       b4  late, reopened
  ['closed', 'community', 150, 290, 300, null, 0], //  b5  on time, escalated, closed unrated
  ['resolved', 'station', 180, 310, 300, null, 0], //  b6  late
  ['inProgress', 'station', 210, null, 300, null, 0], // b7
  ['accepted', 'handedBack', 240, null, 300, null, 0], // b8 escalated, handed back to the station
  ['submitted', 'station', null, null, 300, null, 0], // b9
  ['submitted', 'station', null, null, 300, null, 0], // b10
  ['submitted', 'station', null, null, 300, null, 0], // b11
  ['rejected', 'station', 20, null, 300, null, 0], //  b12
  ['duplicate', 'station', 10, null, 300, null, 0], // b13 not in the population
  ['closed', 'station', 300, 600, 300, 3, 2], //       b14 late, reopened twice
];

// Worked out by hand.
// Station A: filed 18; duplicate 1 (a14), withdrawn 1 (a15); population 16.
//   responded: all but a11, a12 (and a14, a15 outside the population) = 14 → 14/16 = 87.5 %
//   resolved: a1–a8, a16, a18 = 10 → 10/16 = 62.5 %
//   on time: a1 a3 a4 a6 a7 a16 a18 = 7 → 7/10 = 70 %
//   rated: a1 a2 a3 a4 a5 a16 a18 = 7 → 7/10 = 70 %; ratings 5:2 4:2 3:1 2:1 1:1
//   satisfied (rating ≥ 3): a1 a2 a3 a16 a18 = 5 → 5/7 = 71.43 → 71.4 %
//   ever resolved: the 10 resolved + a9 (reopened, open again) = 11; reopened a3 a8 a9 = 3 → 3/11 = 27.27 → 27.3 %
//   escalated: a5 a10 a17 = 3 → 3/16 = 18.75 → 18.8 %
//   respond (min), sorted: 10 15 20 25 30 35 40 45 50 60 70 80 90 100 (n = 14)
//     median = ceil(0.5 × 14) = 7th = 40 min = 2400 s; p90 = ceil(0.9 × 14 = 12.6) = 13th = 90 min = 5400 s
//   resolve (min), sorted: 60 100 120 150 180 200 240 300 500 1000 (n = 10)
//     median = 5th = 180 min = 10800 s; p90 = ceil(9) = 9th = 500 min = 30000 s
// Station B: filed 14; duplicate 1 (b13); population 13.
//   responded: all but b9 b10 b11 = 10 → 10/13 = 76.92 → 76.9 %
//   resolved: b1–b6, b14 = 7 → 7/13 = 53.85 → 53.8 %
//   on time: b2 b3 b5 = 3 → 3/7 = 42.86 → 42.9 %
//   rated: b1 b2 b3 b4 b14 = 5 → 5/7 = 71.43 → 71.4 %; ratings 5:2 4:1 3:1 2:0 1:1
//   satisfied: b1 b2 b3 b14 = 4 → 4/5 = 80 %
//   ever resolved 7; reopened b4 b14 = 2 → 2/7 = 28.57 → 28.6 %
//   escalated (ever): b5, b8 (handed back since) = 2 → 2/13 = 15.38 → 15.4 %
//   respond (min), sorted: 20 30 60 90 120 150 180 210 240 300 (n = 10): median 5th = 120 min = 7200 s;
//     p90 9th = 240 min = 14400 s
//   resolve (min), sorted: 200 250 290 310 400 600 700 (n = 7): median ceil(3.5) = 4th = 310 min = 18600 s;
//     p90 ceil(6.3) = 7th = 700 min = 42000 s
// 汪源社区 = A + B: filed 32, duplicate 2, withdrawn 1, population 29, responded 24, resolved 17, on time 10,
//   rated 12, satisfied 9, ever resolved 18, reopened 5, escalated 5; ratings 5:4 4:3 3:2 2:1 1:2.
//   rates: 24/29 = 82.76 → 82.8; 17/29 = 58.62 → 58.6; 10/17 = 58.82 → 58.8; 9/12 = 75; 12/17 = 70.59 → 70.6;
//   5/18 = 27.78 → 27.8; 5/29 = 17.24 → 17.2.
//   respond, merged (n = 24): 10 15 20 20 25 30 30 35 40 45 50 60 | 60 70 80 90 90 100 120 150 180 210 240 300
//     median = 12th = 60 min = 3600 s; p90 = ceil(21.6) = 22nd = 210 min = 12600 s
//   resolve, merged (n = 17): 60 100 120 150 180 200 200 240 250 290 300 310 400 500 600 700 1000
//     median = ceil(8.5) = 9th = 250 min = 15000 s; p90 = ceil(15.3) = 16th = 700 min = 42000 s
// Outside: a request of A created one minute before the period, one at its end (excluded: [from, to)),
// and one of station C inside the period (in the city's figures, not the community's).

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  const [a] = await t.db.select().from(places.compounds).where(eq(places.compounds.name, '南江绿苑'));
  const [b] = await t.db.select().from(places.compounds).where(eq(places.compounds.name, '旺源雅苑'));
  const [c] = await t.db.select().from(places.compounds).where(eq(places.compounds.name, '工农小区'));
  stationA = a!.stationId;
  stationB = b!.stationId;
  stationC = c!.stationId;
  communityId = a!.areaId;
  const [community] = await t.db.select().from(places.areas).where(eq(places.areas.id, communityId));
  streetId = community!.parentId!;
  const [city] = await t.db.select().from(places.areas).where(eq(places.areas.name, '宁波市'));
  cityId = city!.id;

  const rows: (typeof requests.$inferInsert)[] = [];
  const add = async (stationId: number, start: Date, specs: Spec[]) => {
    const [station] = await t.db.select().from(places.stations).where(eq(places.stations.id, stationId));
    const [household] = await t.db
      .select()
      .from(places.households)
      .where(eq(places.households.stationId, stationId))
      .limit(1);
    const [category] = await stationCategories(t.db, stationId);
    specs.forEach(([status, level, respond, resolve, due, rating, reopens], i) => {
      const createdAt = new Date(start.getTime() + i * 60 * MIN);
      const at = (m: number | null) => (m === null ? null : new Date(createdAt.getTime() + m * MIN));
      rows.push({
        stationId,
        categoryId: category!.id,
        channel: 'web',
        status,
        level: level === 'handedBack' ? 'station' : level,
        escalatedAt: level === 'station' ? null : at(respond ?? 1),
        // Half at the household (…/c7/b31/u5/h99/), half at the station's own path (…/s9/).
        path: i % 2 === 0 ? household!.path : station!.path,
        description: `fixture ${stationId}-${i + 1}`,
        createdAt,
        respondedAt: at(respond),
        resolvedAt: at(resolve),
        closedAt: status === 'closed' ? at((resolve ?? 0) + 60) : null,
        dueResponseAt: at(24 * 60)!,
        dueResolutionAt: at(due)!,
        rating,
        reopenCount: reopens,
      });
    });
  };
  await add(stationA, new Date('2025-03-02T00:00:00+08:00'), A);
  await add(stationB, FROM, B);
  await add(stationA, new Date(FROM.getTime() - MIN), [['closed', 'community', 1, 2, 3, 1, 1]]);
  await add(stationA, TO, [['closed', 'community', 1, 2, 3, 1, 1]]);
  await add(stationC, new Date('2025-03-15T00:00:00+08:00'), [['resolved', 'station', 30, 60, 120, null, 0]]);
  await t.db.insert(requests).values(rows);
});

const get = (cookie: string | undefined, query: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/figures/requests?${query}`,
    headers: cookie ? { cookie } : {},
  });
const march = 'from=2025-03-01&to=2025-04-01';
const rate = (numerator: number, denominator: number, percent: number | null) => ({
  numerator,
  denominator,
  percent,
});

const STATION_A = {
  counts: {
    filed: 18,
    duplicate: 1,
    withdrawn: 1,
    population: 16,
    responded: 14,
    resolved: 10,
    onTime: 7,
    rated: 7,
    satisfied: 5,
    everResolved: 11,
    reopened: 3,
    escalated: 3,
  },
  ratings: { '5': 2, '4': 2, '3': 1, '2': 1, '1': 1 },
  rates: {
    response: rate(14, 16, 87.5),
    resolution: rate(10, 16, 62.5),
    onTime: rate(7, 10, 70),
    satisfaction: rate(5, 7, 71.4),
    rating: rate(7, 10, 70),
    reopen: rate(3, 11, 27.3),
    escalation: rate(3, 16, 18.8),
  },
  times: {
    toRespond: { count: 14, medianSeconds: 2400, p90Seconds: 5400 },
    toResolve: { count: 10, medianSeconds: 10800, p90Seconds: 30000 },
  },
};
const STATION_B = {
  counts: {
    filed: 14,
    duplicate: 1,
    withdrawn: 0,
    population: 13,
    responded: 10,
    resolved: 7,
    onTime: 3,
    rated: 5,
    satisfied: 4,
    everResolved: 7,
    reopened: 2,
    escalated: 2,
  },
  ratings: { '5': 2, '4': 1, '3': 1, '2': 0, '1': 1 },
  rates: {
    response: rate(10, 13, 76.9),
    resolution: rate(7, 13, 53.8),
    onTime: rate(3, 7, 42.9),
    satisfaction: rate(4, 5, 80),
    rating: rate(5, 7, 71.4),
    reopen: rate(2, 7, 28.6),
    escalation: rate(2, 13, 15.4),
  },
  times: {
    toRespond: { count: 10, medianSeconds: 7200, p90Seconds: 14400 },
    toResolve: { count: 7, medianSeconds: 18600, p90Seconds: 42000 },
  },
};
const COMMUNITY = {
  counts: {
    filed: 32,
    duplicate: 2,
    withdrawn: 1,
    population: 29,
    responded: 24,
    resolved: 17,
    onTime: 10,
    rated: 12,
    satisfied: 9,
    everResolved: 18,
    reopened: 5,
    escalated: 5,
  },
  ratings: { '5': 4, '4': 3, '3': 2, '2': 1, '1': 2 },
  rates: {
    response: rate(24, 29, 82.8),
    resolution: rate(17, 29, 58.6),
    onTime: rate(10, 17, 58.8),
    satisfaction: rate(9, 12, 75),
    rating: rate(12, 17, 70.6),
    reopen: rate(5, 18, 27.8),
    escalation: rate(5, 29, 17.2),
  },
  times: {
    toRespond: { count: 24, medianSeconds: 3600, p90Seconds: 12600 },
    toResolve: { count: 17, medianSeconds: 15000, p90Seconds: 42000 },
  },
};

describe('requests figures', () => {
  it('require authentication and reject bad input, never with a 500', async () => {
    expect((await get(undefined, `kind=station&id=${stationA}`)).statusCode).toBe(401);
    const admin = await t.login('13800000001');
    for (const query of [
      'kind=compound&id=1',
      'kind=station&id=0',
      'kind=station&id=abc',
      `kind=station&id=${stationA}&from=2025-02-30`,
      `kind=station&id=${stationA}&from=yesterday`,
      `kind=station&id=${stationA}&from=2025-03-01T00:00:00`,
    ]) {
      expect((await get(admin, query)).statusCode, query).toBe(400);
    }
    const backwards = await t.app.inject({
      method: 'GET',
      url: `/api/v1/figures/requests?kind=station&id=${stationA}&from=2025-04-01&to=2025-03-01`,
      headers: { cookie: admin, 'accept-language': 'en' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ path: 'to', message: 'to must be after from' }]);
    const tooLong = await get(admin, `kind=station&id=${stationA}&from=2023-01-01&to=2025-03-01`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].message).toBe('统计区间不能超过两年（731 天）');
    // Exactly 731 days is allowed.
    expect((await get(admin, `kind=station&id=${stationA}&from=2023-03-01&to=2025-03-01`)).statusCode).toBe(
      200,
    );
  });

  it('answer 404 for a node the user may not read, or that does not exist', async () => {
    const chair = await t.login('13800000003');
    const resident = await t.login('13800000010');
    expect((await get(chair, `kind=station&id=${stationB}&${march}`)).statusCode).toBe(404);
    expect((await get(chair, `kind=area&id=${communityId}&${march}`)).statusCode).toBe(404);
    expect((await get(resident, `kind=station&id=${stationA}&${march}`)).statusCode).toBe(404);
    expect((await get(chair, `kind=station&id=99999999&${march}`)).statusCode).toBe(404);
  });

  it('match the hand-worked figures of each station', async () => {
    const chair = await t.login('13800000003');
    const a = (await get(chair, `kind=station&id=${stationA}&${march}`)).json();
    expect(a.node).toEqual({ kind: 'station', id: stationA, name: '南江绿苑小区自治站', level: null });
    expect(a.from).toBe('2025-02-28T16:00:00.000Z');
    expect(a.to).toBe('2025-03-31T16:00:00.000Z');
    expect(a.figures).toEqual(STATION_A);
    expect(a.children).toEqual([]);
    const admin = await t.login('13800000001');
    expect((await get(admin, `kind=station&id=${stationB}&${march}`)).json().figures).toEqual(STATION_B);
  });

  it('aggregate up the tree: the community is its stations taken together', async () => {
    const socialWorker = await t.login('13800000002');
    const res = await get(socialWorker, `kind=area&id=${communityId}&${march}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.node).toMatchObject({ kind: 'area', id: communityId, name: '汪源社区', level: 'community' });
    expect(body.figures).toEqual(COMMUNITY);
    // Every station of the community is a child, those without requests with empty figures.
    expect(body.children).toHaveLength(4);
    const child = (id: number) => body.children.find((c: { id: number }) => c.id === id);
    expect(child(stationA)).toMatchObject({ kind: 'station', figures: STATION_A });
    expect(child(stationB)).toMatchObject({ kind: 'station', figures: STATION_B });
    const empty = body.children.find((c: { id: number }) => c.id !== stationA && c.id !== stationB);
    expect(empty.figures.counts.population).toBe(0);
    expect(empty.figures.rates.response).toEqual(rate(0, 0, null));
    expect(empty.figures.times.toRespond).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
    // The counts (not the percentiles) of a node are the sums of its children's.
    for (const key of Object.keys(COMMUNITY.counts) as (keyof typeof COMMUNITY.counts)[]) {
      const sum = body.children.reduce(
        (n: number, c: { figures: typeof COMMUNITY }) => n + c.figures.counts[key],
        0,
      );
      expect(sum, key).toBe(COMMUNITY.counts[key]);
    }

    const street = (await get(await t.login('13800000009'), `kind=area&id=${streetId}&${march}`)).json();
    expect(street.figures).toEqual(COMMUNITY);
    expect(street.children).toEqual([
      { kind: 'area', id: communityId, name: '汪源社区', level: 'community', figures: COMMUNITY },
    ]);
    const city = (await get(await t.login('13800000013'), `kind=area&id=${cityId}&${march}`)).json();
    expect(city.figures.counts.population).toBe(30);
    expect(city.children.map((c: { figures: typeof COMMUNITY }) => c.figures.counts.population)).toEqual([
      29, 1, 0,
    ]);
  });

  it('are published through the manifest for dashboards', async () => {
    const set = requestsModule.figures?.handling;
    expect(set?.title).toEqual({ zh: '诉求办理', en: 'Request handling' });
    expect(set?.action).toBe('request.read');
    const [station] = await t.db.select().from(places.stations).where(eq(places.stations.id, stationB));
    const figures = await set!.compute(t.db, {
      stationId: stationB,
      path: station!.path,
      from: FROM,
      to: TO,
    });
    expect(set!.schema.parse(figures)).toEqual(STATION_B);
    const [community] = await t.db.select().from(places.areas).where(eq(places.areas.id, communityId));
    expect(await set!.compute(t.db, { stationId: null, path: community!.path, from: FROM, to: TO })).toEqual(
      COMMUNITY,
    );
  });
});
