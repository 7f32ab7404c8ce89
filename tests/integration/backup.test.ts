import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyLedger } from '../../src/modules/fund/index.ts';
import { writePosting } from '../../src/modules/fund/ledger.ts';
import { chinaDate } from '../../src/modules/stations/index.ts';
import { connect, type Db, ensureDatabase } from '../../src/server/db/client.ts';
import { backup, restore } from '../../src/server/tools.ts';
import { makeCity } from '../support/factories.ts';
import { useTestApp } from '../support/harness.ts';

const TABLES = [
  'places_areas',
  'places_households',
  'people_residents',
  'people_household_members',
  'accounts_users',
  'audit_events',
  // Every module's tables are in a backup (tools.ts takes them from the schema), the stations' too.
  'stations_council_members',
  'stations_duty_shifts',
  // The demo's closed vote: its electors and ballots are inserted under the restore's own setting, which the
  // closed-vote guard lets through (migration 0013); nothing else may write them.
  'deliberation_votes',
  'deliberation_electors',
  'deliberation_ballots',
  // The fund's append-only ledger: the restore's truncate passes its guard (migration 0020) under the same setting.
  'fund_accounts',
  'fund_postings',
  'fund_entries',
  'fund_chains',
];
const file = path.join(os.tmpdir(), `linshe-backup-${randomBytes(4).toString('hex')}.gz`);
afterAll(() => fs.rmSync(file, { force: true }));

/** A few postings at a station: income into the general fund, an earmarked account, a transfer, an expense. */
async function somePostings(db: Db, stationId: number) {
  await db.transaction(async (tx) => {
    const open = async (kind: 'general' | 'earmarked' | 'income' | 'expense', name: string) => {
      const source = kind === 'income' ? 'donation' : null;
      const rows = await tx.execute<{ id: number }>(
        sql`insert into fund_accounts (station_id, kind, name, source) values (${stationId}, ${kind}, ${name}, ${source}) returning id`,
      );
      return rows.rows[0]!.id;
    };
    const [general, doors, donations, spent] = [
      await open('general', '自治基金'),
      await open('earmarked', '防盗门'),
      await open('income', '收入：个人捐赠'),
      await open('expense', '支出'),
    ];
    const posting = (kind: 'income' | 'expense' | 'transfer', entries: [number, bigint][]) =>
      writePosting(tx, stationId, null, {
        kind,
        memo: `备份测试 ${kind}`,
        occurredOn: chinaDate(),
        entries: entries.map(([accountId, amountFen]) => ({ accountId, amountFen })),
      });
    await posting('income', [
      [general, 123_456n],
      [donations, -123_456n],
    ]);
    await posting('transfer', [
      [general, -23_456n],
      [doors, 23_456n],
    ]);
    await posting('expense', [
      [doors, -3_456n],
      [spent, 3_456n],
    ]);
  });
}

async function counts(db: ReturnType<typeof connect>['db']) {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const rows = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
    out[table] = (rows.rows[0] as { n: number }).n;
  }
  return out;
}

describe('backup and restore', () => {
  it('restores the whole database into another one, ids and all, and new rows continue after them', async () => {
    const source = await useTestApp({ demo: true });
    const city = await makeCity(source, 30);
    const fundStation = city.east.compound.stationId;
    await somePostings(source.db, fundStation);
    const ledger = await verifyLedger(source.db, fundStation);
    expect(ledger).toMatchObject({ ok: true, entries: 6 });
    const before = await counts(source.db);
    expect(before.places_households!).toBeGreaterThan(1500);
    expect(before.deliberation_ballots!).toBeGreaterThan(0);
    expect(before.stations_duty_shifts!).toBeGreaterThan(0);
    const written = await backup(source.db, file);
    expect(written).toBeGreaterThan(before.places_households!);

    const url = await ensureDatabase(
      inject('pgServerUrl'),
      `r_${randomBytes(6).toString('hex')}`,
      'linshe_template',
    );
    const target = connect(url, 2);
    try {
      expect(await restore(target.db, file)).toBe(written);
      expect(await counts(target.db)).toEqual(before);
      const sample = await target.db.execute(
        sql`select label, area_cm2, path from places_households order by id limit 3`,
      );
      const original = await source.db.execute(
        sql`select label, area_cm2, path from places_households order by id limit 3`,
      );
      expect(sample.rows).toEqual(original.rows);
      const digest = sql`select digest from deliberation_votes where status = 'closed' order by id`;
      expect((await target.db.execute(digest)).rows).toEqual((await source.db.execute(digest)).rows);
      // Restored, the closed vote is as frozen as before.
      await expect(target.db.execute(sql`delete from deliberation_ballots`)).rejects.toMatchObject({
        cause: { code: 'LV001' },
      });
      // The fund's ledger comes back whole: balances, entries and chain head verify, to the same head.
      expect(await verifyLedger(target.db, fundStation)).toEqual(ledger);
      const balances = sql`select id, balance_fen::text as b from fund_accounts order by id`;
      expect((await target.db.execute(balances)).rows).toEqual((await source.db.execute(balances)).rows);
      const stations = await source.db.execute<{ id: number }>(sql`select station_id as id from fund_chains`);
      for (const { id } of stations.rows) {
        expect(await verifyLedger(target.db, id)).toEqual(await verifyLedger(source.db, id));
      }
      // The restore's setting ended with its transaction: the ledger is append-only again.
      await expect(target.db.execute(sql`truncate fund_entries`)).rejects.toMatchObject({
        cause: { code: 'LF001' },
      });
      await expect(target.db.execute(sql`delete from fund_postings`)).rejects.toMatchObject({
        cause: { code: 'LF001' },
      });
      // Identity sequences continue after the restored ids.
      const next = await target.db.execute(
        sql`insert into places_areas (level, name, path) values ('city', '恢复后新建', '') returning id`,
      );
      const maxId = await source.db.execute(sql`select max(id)::int as m from places_areas`);
      expect((next.rows[0] as { id: number }).id).toBeGreaterThan((maxId.rows[0] as { m: number }).m);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const bogus = `${file}.bogus`;
    fs.writeFileSync(bogus, Buffer.from('1f8b0800000000000003', 'hex'));
    const url = await ensureDatabase(
      inject('pgServerUrl'),
      `r_${randomBytes(6).toString('hex')}`,
      'linshe_template',
    );
    const target = connect(url, 1);
    try {
      await expect(restore(target.db, bogus)).rejects.toThrow();
    } finally {
      await target.close();
      fs.rmSync(bogus, { force: true });
    }
  });
});
