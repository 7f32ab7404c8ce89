// The Linshe app as a benchmark target, in its own process: embedded database, demo plus a
// synthetic city, a chair on one synthetic station, a verified resident of it, and 100,000 requests
// in that station's history. Prints one JSON line with what the driver needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, like } from 'drizzle-orm';
import { roleGrants, users } from '../src/modules/accounts/accounts.tables.ts';
import { hashPassword } from '../src/modules/accounts/password.ts';
import { seedDemo } from '../src/modules/demo/seed-demo.ts';
import { householdMembers, residents } from '../src/modules/people/people.tables.ts';
import { stationPlace } from '../src/modules/places/find-place.ts';
import { compounds } from '../src/modules/places/places.tables.ts';
import { stationCategories } from '../src/modules/requests/file-request.ts';
import { categories } from '../src/modules/requests/requests.tables.ts';
import { loadConfig } from '../src/server/config.ts';
import { loadSecretKey } from '../src/server/crypto.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { buildApp } from '../src/server/http/app.ts';
import { synthesizeCity } from '../src/server/tools.ts';

const stations = Number(process.env.BENCH_STATIONS ?? 20);
const householdsPer = Number(process.env.BENCH_HOUSEHOLDS ?? 500);
const requestHistory = Number(process.env.BENCH_REQUESTS ?? 100_000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linshe-bench-'));
fs.chmodSync(dataDir, 0o755);
const config = loadConfig({
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'silent',
  LOGIN_RATE_LIMIT: '1000',
  DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10',
});
loadSecretKey(dataDir);
const database = await openDatabase(config);
await seedDemo(database.db);
await synthesizeCity(database.db, { stations, households: householdsPer, seed: 1 });
const [compound] = await database.db.select().from(compounds).where(eq(compounds.name, '合成小区1'));
const passwordHash = await hashPassword('bench-password');
/** A bench user (password `bench-password`), with a role on the synthetic station when given. */
async function benchUser(
  phone: string,
  displayName: string,
  role?: 'chair' | 'councilMember',
  stationId = compound!.stationId,
) {
  const [user] = await database.db
    .insert(users)
    .values({ phone, passwordHash, displayName })
    .returning({ id: users.id });
  if (role) {
    await database.db.insert(roleGrants).values({
      userId: user!.id,
      role,
      stationId,
      path: null,
      scopeName: 'bench',
    });
  }
  return user!.id;
}
await benchUser('13899999999', '压测理事长', 'chair');

// Requests: a council member handles leaks (so filing one routes it and writes a notification), and a
// verified resident of a household on the station files them on the web.
const councilId = await benchUser('13899999997', '压测委员', 'councilMember');
const stationCats = await stationCategories(database.db, compound!.stationId);
const leak = stationCats.find((c) => c.code === 'leak')!;
await database.db
  .update(categories)
  .set({ handlerKind: 'member', handlerUserId: councilId })
  .where(eq(categories.id, leak.id));
const [member] = await database.db
  .select({ residentId: residents.id, householdId: householdMembers.householdId })
  .from(residents)
  .innerJoin(householdMembers, eq(householdMembers.residentId, residents.id))
  .where(eq(residents.stationId, compound!.stationId))
  .orderBy(residents.id)
  .limit(1);
await database.db
  .update(residents)
  .set({ userId: await benchUser('13899999998', '压测居民'), verifiedAt: new Date() })
  .where(eq(residents.id, member!.residentId));
const station = await stationPlace(database.db, compound!.stationId);

// Votes: a compound of `voters` households (5,000) whose named voters each have a verified account and a
// session (cookie `linshe_session=bench-voter-<i>`), and a chair on its station (13899999996).
const voters = Number(process.env.BENCH_VOTERS ?? 5000);
const ballotCity = await synthesizeCity(database.db, { stations: 1, households: voters, seed: 2 });
const [ballotCompound] = await database.db
  .select()
  .from(compounds)
  .where(like(compounds.path, `/${ballotCity.cityId}/%`));
const ballots = { stationId: ballotCompound!.stationId, compoundId: ballotCompound!.id };
await benchUser('13899999996', '表决压测理事长', 'chair', ballots.stationId);
async function seedVoters() {
  await database.pool.query(
    `with o as (
       select r.id, (row_number() over (order by r.id) - 1)::int as i from people_residents r
       join people_household_members m on m.resident_id = r.id and m.is_voter where r.station_id = $1
     ), u as (
       insert into accounts_users (phone, password_hash, display_name)
       select '170' || lpad(i::text, 8, '0'), $2, '压测业主' || i from o returning id, phone
     ), linked as (
       update people_residents r set user_id = u.id, verified_at = now()
       from o join u on u.phone = '170' || lpad(o.i::text, 8, '0') where r.id = o.id returning u.id, o.i
     )
     insert into accounts_sessions (id, user_id, expires_at)
     select translate(rtrim(encode(sha256(convert_to('bench-voter-' || i, 'UTF8')), 'base64'), '='), '+/', '-_'),
       id, now() + interval '1 day' from linked`,
    [ballots.stationId, passwordHash],
  );
}
await seedRequestHistory(compound!.stationId, councilId, requestHistory);
await seedVoters();
// To try a schema change (an index) before writing its migration: BENCH_EXTRA_SQL='create index …'.
if (process.env.BENCH_EXTRA_SQL) await database.pool.query(process.env.BENCH_EXTRA_SQL);

// A settled database, as autovacuum leaves it a minute after the bulk load: statistics and the
// visibility map current (index-only scans need the latter).
await database.pool.query('vacuum analyze');

const [{ n: totalHouseholds }] = (
  await database.pool.query('select count(*)::int as n from places_households')
).rows as [{ n: number }];

const app = await buildApp({ config, db: database.db, pool: database.pool });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(
  JSON.stringify({
    port,
    dbUrl: database.url,
    compoundId: compound!.id,
    stationId: compound!.stationId,
    households: totalHouseholds,
    stationPath: station.path,
    requestCategoryId: leak.id,
    residentHouseholdId: member!.householdId,
    requests: requestHistory,
    ballotStationId: ballots.stationId,
    ballotCompoundId: ballots.compoundId,
    voters,
  }),
);

const stop = async () => {
  await app.close();
  await database.shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

/**
 * A station's request history in one statement: one request every 15 minutes for the last
 * `count` quarter-hours (100,000 ≈ 2.9 years), over the station's categories and units. Older than a
 * month: mostly closed and rated, some rejected, duplicate or withdrawn, and a few left open long past
 * their deadlines; the last month: the open ones, more of them the newer they are.
 */
async function seedRequestHistory(stationId: number, handlerUserId: number, count: number) {
  await database.pool.query(
    `with u as (
       select array_agg(u.path order by u.id) as paths, array_agg(b.name || u.name order by u.id) as labels
       from places_units u join places_buildings b on b.id = u.building_id where u.station_id = $1
     ), c as (
       select array_agg(id order by id) as ids, array_agg(response_hours order by id) as rh,
              array_agg(resolution_hours order by id) as sh
       from requests_categories where station_id = $1
     ), base as (
       select n, now() - (($2::int - n) * interval '15 minutes') as created,
              ($2::int - n) / 96.0 as days,
              abs(hashint4(n)) % 1000 as r1, abs(hashint4(n + 7777777)) % 1000 as r2,
              1 + abs(hashint4(n + 3333333)) % array_length(c.ids, 1) as ci,
              1 + abs(hashint4(n + 5555555)) % array_length(u.paths, 1) as ui,
              c.ids, c.rh, c.sh, u.paths, u.labels
       from generate_series(1, $2::int) n, u, c
     ), s as (
       select *,
         (case
            when days <= 2 then case when r1 < 400 then 'submitted' when r1 < 650 then 'accepted'
              when r1 < 800 then 'assigned' when r1 < 950 then 'inProgress' else 'withdrawn' end
            when days <= 9 then case when r1 < 50 then 'submitted' when r1 < 150 then 'accepted'
              when r1 < 300 then 'assigned' when r1 < 550 then 'inProgress' when r1 < 850 then 'resolved'
              when r1 < 950 then 'closed' else 'rejected' end
            when days <= 30 then case when r1 < 30 then 'accepted' when r1 < 70 then 'assigned'
              when r1 < 150 then 'inProgress' when r1 < 200 then 'resolved' when r1 < 900 then 'closed'
              when r1 < 950 then 'rejected' when r1 < 980 then 'duplicate' else 'withdrawn' end
            else case when r1 < 3 then 'accepted' when r1 < 5 then 'assigned' when r1 < 8 then 'inProgress'
              when r1 < 60 then 'rejected' when r1 < 100 then 'duplicate' when r1 < 160 then 'withdrawn'
              else 'closed' end
          end)::request_status as status,
         created + rh[ci] * interval '1 hour' as due_response,
         created + sh[ci] * interval '1 hour' as due_resolution
       from base
     ), t as (
       select *,
         status in ('assigned', 'inProgress', 'resolved', 'closed') as handled,
         case when status <> 'submitted' then least(now(), created + (due_response - created) * 0.5) end
           as responded,
         case when status in ('resolved', 'closed') then least(now(), created + (due_resolution - created) * 0.6) end
           as resolved,
         case when status = 'closed' then least(now(), created + (due_resolution - created) * 0.6 + interval '3 days')
              when status in ('rejected', 'duplicate', 'withdrawn') then least(now(), created + interval '1 day') end
           as closed
       from s
     )
     insert into requests_requests (station_id, category_id, channel, status, level, holder, held_since,
       handler_user_id, path, place_label, description, is_public, is_anonymous, supporters, rating,
       created_at, updated_at, responded_at, resolved_at, closed_at, due_response_at, due_resolution_at,
       overdue_notified_at)
     select $1, ids[ci],
       (case when r2 < 800 then 'web' when r2 < 900 then 'desk' when r2 < 950 then 'phone'
             else 'wechat' end)::request_channel,
       status,
       (case when r2 % 50 = 0 and status <> 'submitted' then 'community' else 'station' end)::escalation_level,
       case when handled then '压测委员' end,
       case when handled then responded end,
       case when handled then $3::bigint end,
       paths[ui], labels[ui],
       '第' || n || '号：' || (array['楼道灯不亮了，晚上回家很不方便，请尽快修理',
         '地下车库入口有积水，车辆进出困难', '楼上漏水到我家卫生间天花板，已经好几天了',
         '小区东门垃圾桶满了没人清理，气味很大', '有人在消防通道停车，堵住了路',
         '健身器材坏了一个，小孩玩的时候有危险', '晚上十一点以后还有装修噪音'])[1 + r2 % 7],
       r2 < 700, r2 % 3 <> 0, (r2 % 10) / 7,
       case when status = 'closed' and r2 % 4 <> 0 then 3 + r2 % 3 end,
       created, greatest(created, responded, resolved, closed), responded, resolved, closed,
       due_response, due_resolution,
       case when status in ('accepted', 'assigned', 'inProgress') and due_resolution < now()
            then due_resolution end
     from t order by n`,
    [stationId, count, handlerUserId],
  );
}
