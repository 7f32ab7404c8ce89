import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBallotBatched } from '../../src/modules/deliberation/ballot-writer.ts';
import { recount } from '../../src/modules/deliberation/recount-file.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';
import { multipart } from '../support/multipart.ts';

let ctx: TestContext;
let city: Awaited<ReturnType<typeof makeCity>>;
let station: number;
let chair: string;
let leader: string;
let outsider: string;
/** Cookies of the owners who have accounts: owner of households 1–3 (one head), and owners of 4, 5, 6. */
const owners: string[] = [];
let member: string;
let photo: Buffer;

const future = () => new Date(Date.now() + 3600_000).toISOString();
const q = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await ctx.db.execute(query)).rows as T[];

async function account(phone: string, residentPhone: string) {
  const id = await makeUser(ctx, { phone });
  await ctx.db.execute(
    sql`update people_residents set user_id = ${id}, verified_at = now() where phone = ${residentPhone}`,
  );
  return ctx.login(phone);
}

beforeAll(async () => {
  ctx = await useTestApp();
  city = await makeCity(ctx, 30); // two buildings of 24 and 6 households
  const c = city.east.compound;
  station = c.stationId;
  await makeUser(ctx, { phone: '13700000001', role: 'chair', stationId: station });
  chair = await ctx.login('13700000001');
  await makeUser(ctx, {
    phone: '13700000002',
    role: 'buildingLeader',
    stationId: station,
    path: c.building1Path,
  });
  leader = await ctx.login('13700000002');
  await makeUser(ctx, { phone: '13700000003', role: 'chair', stationId: city.west.compound.stationId });
  outsider = await ctx.login('13700000003');
  // The owner of household 1 also owns households 2 and 3: one head, three areas.
  const [h1, h2, h3] = c.householdIds as [number, number, number];
  await ctx.db.execute(sql`update people_household_members m set resident_id =
      (select resident_id from people_household_members where household_id = ${h1} and relation = 'owner')
    where m.household_id in (${h2}, ${h3}) and m.relation = 'owner'`);
  owners.push(await account('13600000001', '13907000000'));
  for (const i of [3, 4, 5]) owners.push(await account(`1360000000${i + 1}`, `1390700000${i}`));
  const [m] = await q<{ id: number }>(sql`select r.id from people_residents r
    join people_household_members hm on hm.resident_id = r.id where hm.relation = 'member' and r.station_id = ${station} limit 1`);
  const memberId = await makeUser(ctx, { phone: '13600000009' });
  await ctx.db.execute(
    sql`update people_residents set user_id = ${memberId}, verified_at = now() where id = ${m!.id}`,
  );
  member = await ctx.login('13600000009');
  photo = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
});

const ordinary = () => ({
  title: '更换单元防盗门',
  scope: 'compounds',
  scopeIds: [city.east.compound.compoundId],
  electorate: 'owners',
  method: 'yesNo',
  rule: 'civilCode278Ordinary',
  closesAt: future(),
});

async function openVote(body: object) {
  const created = await ctx.call('POST', `/api/v1/stations/${station}/votes`, chair, body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const opened = await ctx.call('POST', `/api/v1/votes/${id}/open`, chair);
  expect(opened.statusCode, opened.body).toBe(200);
  return id;
}

const cast = (id: number, cookie: string, choices: string[], electorId?: number) =>
  ctx.call('POST', `/api/v1/votes/${id}/ballots`, cookie, { choices, ...(electorId ? { electorId } : {}) });

function entered(
  id: number,
  cookie: string,
  channel: 'paper' | 'door',
  fields: Record<string, string | number>,
  file = true,
) {
  const body = multipart(fields, file ? { name: 'ballot.jpg', type: 'image/jpeg', data: photo } : undefined);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/votes/${id}/${channel}-ballots`,
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function electorOf(id: number, householdId: number) {
  const [e] = await q<{ id: string }>(
    sql`select id from deliberation_electors where vote_id = ${id} and ${householdId}::bigint = any(household_ids)`,
  );
  return Number(e!.id);
}

describe('votes', () => {
  it('requires authentication', async () => {
    expect((await ctx.call('GET', `/api/v1/stations/${station}/votes`)).statusCode).toBe(401);
    expect((await ctx.call('POST', '/api/v1/votes/1/ballots', undefined, { choices: [] })).statusCode).toBe(
      401,
    );
  });

  it('rejects bad set-ups, naming the field, and writes nothing', async () => {
    const bad = async (patch: object, path: string) => {
      const res = await ctx.call('POST', `/api/v1/stations/${station}/votes`, chair, {
        ...ordinary(),
        ...patch,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''))).toContain(path);
    };
    await bad({ electorate: 'households' }, 'electorate');
    await bad({ closesAt: new Date(Date.now() - 1000).toISOString() }, 'closesAt');
    await bad({ options: ['甲', '乙'] }, 'options');
    await bad({ method: 'single', options: ['甲'] }, 'options');
    await bad({ method: 'multi', options: ['甲', '乙'], maxChoices: 3 }, 'maxChoices');
    await bad({ rule: 'custom' }, 'customThresholds');
    await bad({ scopeIds: [city.west.compound.compoundId] }, 'scopeIds');
    await bad({ rule: 'unanimity' }, 'rule');
    const [n] = await q<{ n: string }>(sql`select count(*) as n from deliberation_votes`);
    expect(Number(n!.n)).toBe(0);
    const resident = await ctx.call('POST', `/api/v1/stations/${station}/votes`, owners[0], ordinary());
    expect(resident.statusCode).toBe(404);
  });

  it('counts the Civil Code way: an owner of three units is one head with their areas', async () => {
    const id = await openVote(ordinary());
    const vote = (await ctx.call('GET', `/api/v1/votes/${id}`, owners[0])).json();
    expect(vote.turnout.electorate.heads).toBe(28);
    expect(vote.mine).toHaveLength(1);
    expect(vote.mine[0].label.split('、')).toHaveLength(3);
    const [area] = await q<{ a: string }>(
      sql`select sum(area_cm2) as a from places_households where compound_id = ${city.east.compound.compoundId}`,
    );
    expect(vote.turnout.electorate.areaM2).toBe((Number(area!.a) / 100).toFixed(2));
  });

  it('takes online ballots: the last one counts, an old receipt says superseded', async () => {
    const id = await openVote(ordinary());
    const first = await cast(id, owners[1]!, ['no']);
    expect(first.statusCode, first.body).toBe(201);
    const second = await cast(id, owners[1]!, ['yes']);
    expect(second.json().revision).toBe(2);
    const check = (code: string) => ctx.call('GET', `/api/v1/votes/${id}/receipts/${code}`, owners[1]);
    expect((await check(first.json().receipt)).json()).toEqual({ status: 'superseded', choices: null });
    expect((await check(second.json().receipt)).json()).toEqual({ status: 'counted', choices: ['yes'] });
    expect((await check('0000-0000-0000')).json().status).toBe('unknown');
    const vote = (await ctx.call('GET', `/api/v1/votes/${id}`, owners[1])).json();
    expect(vote.turnout.participation.heads).toBe(1);
    expect(vote.result).toBeNull(); // no interim results unless the vote says so
  });

  it('refuses bad ballots with a clear error and records nothing', async () => {
    const id = await openVote(ordinary());
    expect((await cast(id, owners[1]!, ['maybe'])).statusCode).toBe(400);
    expect((await cast(id, owners[1]!, ['yes', 'no'])).statusCode).toBe(400);
    const notOwner = await cast(id, member, ['yes']);
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.json().code).toBe('NOT_IN_ELECTORATE');
    expect((await cast(id, outsider, ['yes'])).statusCode).toBe(404);
    const e7 = await electorOf(id, city.east.compound.householdIds[6]!);
    const proxyless = await entered(id, chair, 'paper', {
      electorId: e7,
      choices: 'yes',
      proxyName: '王小明',
    });
    expect(proxyless.statusCode).toBe(400);
    expect(proxyless.json().errors[0].path).toBe('proxyAuthorisation');
    expect((await entered(id, chair, 'paper', { electorId: e7, choices: 'yes' }, false)).statusCode).toBe(
      400,
    );
    expect((await entered(id, chair, 'paper', { electorId: 999999, choices: 'yes' })).statusCode).toBe(400);
    expect((await entered(id, chair, 'paper', { electorId: 'x', choices: 'yes' })).statusCode).toBe(400);
    expect((await entered(id, owners[1]!, 'paper', { electorId: e7, choices: 'yes' })).statusCode).toBe(403);
    const [n] = await q<{ n: string }>(
      sql`select count(*) as n from deliberation_ballots where vote_id = ${id}`,
    );
    expect(Number(n!.n)).toBe(0);
  });

  it('200 concurrent ballots for one household leave exactly one counted', async () => {
    const id = await openVote(ordinary());
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => cast(id, owners[2]!, [i % 2 ? 'yes' : 'no'])),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const rows = await q<{ revision: number; replaced: number }>(
      sql`select revision, cardinality(replaced_receipts) as replaced from deliberation_ballots where vote_id = ${id}`,
    );
    expect(rows).toEqual([{ revision: 200, replaced: 199 }]);
  });

  it('final ballots cannot be replaced', async () => {
    const id = await openVote({ ...ordinary(), ballotsFinal: true });
    expect((await cast(id, owners[3]!, ['yes'])).statusCode).toBe(201);
    const again = await cast(id, owners[3]!, ['no']);
    expect(again.statusCode).toBe(409);
  });

  it('paper at the desk and door to door by the building leader, then close: frozen, checkable, recountable', async () => {
    const id = await openVote(ordinary());
    const hh = city.east.compound.householdIds;
    for (const o of owners) expect((await cast(id, o, ['yes'])).statusCode).toBe(201);
    const paper = await entered(id, chair, 'paper', {
      electorId: await electorOf(id, hh[6]!),
      choices: '',
      proxyName: '王小明',
      proxyAuthorisation: '书面委托书（2026-11-20 签字）',
    });
    expect(paper.statusCode, paper.body).toBe(201);
    // The desk sees who entered it and the photo of the signed ballot; a resident does not.
    const photoOf = (electorId: number, who: string) =>
      ctx.call('GET', `/api/v1/votes/${id}/electors/${electorId}/ballot-photo?size=full`, who);
    const paperElector = await electorOf(id, hh[6]!);
    const shown = await photoOf(paperElector, chair);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect((await photoOf(paperElector, owners[1]!)).statusCode).toBe(404);
    expect((await photoOf(await electorOf(id, hh[0]!), chair)).statusCode).toBe(404);
    const [b1] = await q<{ id: string }>(
      sql`select id from places_buildings where compound_id = ${city.east.compound.compoundId} order by id limit 1`,
    );
    const inBuilding = await electorOf(id, hh[7]!);
    const door = await entered(id, leader, 'door', { electorId: inBuilding, choices: 'no' }, false);
    expect(door.statusCode, door.body).toBe(201);
    const [other] = await q<{ id: string }>(sql`select e.id from deliberation_electors e
      where e.vote_id = ${id} and not (${Number(b1!.id)}::bigint = any(e.building_ids)) limit 1`);
    if (other)
      expect(
        (await entered(id, leader, 'door', { electorId: Number(other.id), choices: 'no' }, false)).statusCode,
      ).toBe(403);

    const seen = (await ctx.call('GET', `/api/v1/votes/${id}/electors?limit=200`, chair)).json();
    expect(seen.items.filter((e: { voted: boolean }) => e.voted)).toHaveLength(6);
    const byId = (electorId: number) => seen.items.find((e: { id: number }) => e.id === electorId);
    expect(byId(paperElector)).toMatchObject({
      channel: 'paper',
      hasPhoto: true,
      enteredBy: expect.any(String),
    });
    expect(byId(inBuilding)).toMatchObject({
      channel: 'door',
      hasPhoto: false,
      enteredBy: expect.any(String),
    });
    const leaders = (await ctx.call('GET', `/api/v1/votes/${id}/electors?limit=200`, leader)).json();
    expect(leaders.items.length).toBeLessThan(seen.items.length);

    expect((await ctx.call('POST', `/api/v1/votes/${id}/close`, owners[0])).statusCode).toBe(403);
    expect((await ctx.call('POST', `/api/v1/votes/${id}/close`, chair)).statusCode).toBe(200);
    const late = await cast(id, owners[0]!, ['no']);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('VOTE_CLOSED');

    const vote = (await ctx.call('GET', `/api/v1/votes/${id}`, owners[0])).json();
    // 6 of 28 heads took part: under 2/3, so the vote fails whatever the agreement.
    expect(vote.result.participation.heads).toBe(6);
    const heads = vote.result.checks.find(
      (c: { stage: string; dimension: string }) => c.stage === 'participation' && c.dimension === 'heads',
    );
    expect(heads.value).toMatchObject({ num: '6', den: '28' });
    expect(heads.pass).toBe(false);
    expect(vote.result.passed).toBe(false);
    expect(vote.result.abstentions.heads).toBe(1);

    const list = (await ctx.call('GET', `/api/v1/votes/${id}/ballot-list`, owners[1])).json();
    expect(list.digest).toBe(vote.digest);
    expect(list.ballots).toHaveLength(6);

    const file = await ctx.call('GET', `/api/v1/votes/${id}/recount-file`, chair);
    expect(file.statusCode, file.body).toBe(200);
    const again = recount(file.json());
    expect(again.passed).toBe(vote.result.passed);
    expect(again.participation.heads).toBe('6/28');

    // The database itself refuses to change a closed vote.
    const refused = async (statement: ReturnType<typeof sql>, code: string) => {
      await expect(ctx.db.execute(statement)).rejects.toMatchObject({ cause: { code } });
    };
    await refused(sql`update deliberation_ballots set choices = '{yes}' where vote_id = ${id}`, 'LV001');
    await refused(sql`delete from deliberation_ballots where vote_id = ${id}`, 'LV001');
    await refused(sql`update deliberation_votes set result = null where id = ${id}`, 'LV002');
    await refused(sql`update deliberation_electors set area_cm2 = 0 where vote_id = ${id}`, 'LV002');
    await refused(sql`delete from deliberation_votes where id = ${id}`, 'LV002');
  });

  it('a secret vote shows staff who took part, never how', async () => {
    const id = await openVote({ ...ordinary(), secret: true });
    const hh = city.east.compound.householdIds;
    expect((await cast(id, owners[1]!, ['yes'])).statusCode).toBe(201);
    const seen = (await ctx.call('GET', `/api/v1/votes/${id}/electors?limit=200`, chair)).json();
    const voted = seen.items.filter((e: { voted: boolean }) => e.voted);
    expect(voted).toHaveLength(1);
    expect(voted[0].choices).toBeNull();
    const desk = await entered(id, chair, 'paper', { electorId: await electorOf(id, hh[6]!), choices: 'no' });
    expect(desk.statusCode, desk.body).toBe(201);
    // Its photo would show how they voted: never served, even to the desk.
    const hidden = await ctx.call(
      'GET',
      `/api/v1/votes/${id}/electors/${await electorOf(id, hh[6]!)}/ballot-photo`,
      chair,
    );
    expect(hidden.statusCode).toBe(403);
    const audit = await q<{ summary: object }>(
      sql`select summary from audit_events where action = 'vote.ballot'`,
    );
    expect(JSON.stringify(audit)).not.toContain('yes');
  });

  it('a cancelled vote keeps its reason for voters, and takes no ballots', async () => {
    const id = await openVote({ ...ordinary(), title: '取消的表决' });
    const cancel = (who: string, reason: string) =>
      ctx.call('POST', `/api/v1/votes/${id}/cancel`, who, { reason });
    expect((await cancel(owners[1]!, '不想投了')).statusCode).toBe(403);
    expect((await cancel(chair, '   ')).statusCode).toBe(400);
    expect((await ctx.call('GET', `/api/v1/votes/${id}`, owners[1])).json().cancelReason).toBeNull();
    expect((await cancel(chair, '方案有误，修改后重新发起')).statusCode).toBe(200);
    const seen = (await ctx.call('GET', `/api/v1/votes/${id}`, owners[1])).json();
    expect(seen).toMatchObject({ status: 'cancelled', cancelReason: '方案有误，修改后重新发起' });
    expect((await cast(id, owners[1]!, ['yes'])).statusCode).toBe(409);
    expect((await cancel(chair, '再取消')).statusCode).toBe(409);
  });

  it('one of several options: only listed options count; the submission names them', async () => {
    const topic = (
      await ctx.call('POST', `/api/v1/stations/${station}/topics`, chair, { title: '单元门换什么门' })
    ).json().id as number;
    const created = await ctx.call('POST', `/api/v1/stations/${station}/votes`, chair, {
      ...ordinary(),
      topicId: topic,
      electorate: 'households',
      rule: 'simpleMajority',
      method: 'single',
      options: ['不锈钢门', '钢木门'],
    });
    const id = created.json().id as number;
    await ctx.call('POST', `/api/v1/votes/${id}/open`, chair);
    const vote = (await ctx.call('GET', `/api/v1/votes/${id}`, owners[1])).json();
    expect(vote.turnout.electorate.heads).toBe(30);
    const key = vote.options[0].key as string;
    expect((await cast(id, owners[1]!, [key])).statusCode).toBe(201);
    expect((await cast(id, owners[1]!, ['yes'])).statusCode).toBe(400); // The formal submission carries the options, so the print names them rather than their keys.
    const submission = (await ctx.call('GET', `/api/v1/topics/${topic}/submission`, chair)).json();
    expect(submission.votes).toEqual([
      expect.objectContaining({ id, method: 'single', options: vote.options }),
    ]);
  });

  it('a batch holding a ballot the database refuses is written ballot by ballot: the others still count', async () => {
    const open = await openVote(ordinary());
    const closing = await openVote(ordinary());
    const hh = city.east.compound.householdIds;
    const write = (voteId: number, electorId: number) =>
      writeBallotBatched(ctx.db, {
        stationId: station,
        voteId,
        electorId,
        choices: ['yes'],
        channel: 'paper',
        castBy: 1,
        photoKey: null,
        proxyName: null,
        proxyAuthorisation: null,
        receiptHash: `${voteId}-${electorId}-${Math.random()}`,
        onBehalfOf: null,
        ip: '127.0.0.1',
        userAgent: 'test',
        path: city.east.compound.stationPath,
      });
    const [e1, e2, e3] = [
      await electorOf(open, hh[8]!),
      await electorOf(open, hh[9]!),
      await electorOf(closing, hh[8]!),
    ];
    await ctx.call('POST', `/api/v1/votes/${closing}/close`, chair);
    // Queued together: the first goes alone, the next two share a batch that the closed vote's ballot fails.
    const results = await Promise.allSettled([write(open, e1), write(open, e2), write(closing, e3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const reason = (results[2] as PromiseRejectedResult).reason as {
      code?: string;
      cause?: { code?: string };
    };
    expect(reason.code ?? reason.cause?.code).toBe('LV001');
    const [n] = await q<{ n: string }>(
      sql`select count(*) as n from deliberation_ballots where vote_id = ${open}`,
    );
    expect(Number(n!.n)).toBe(2);
  });
});
