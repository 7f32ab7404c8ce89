import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { eq, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { recountFile, votes } from '../modules/deliberation/index.ts';
import { syntheticRoster } from '../modules/demo/seed-demo.ts';
import { publishedHeadSeq, type Verification, verifyLedger } from '../modules/fund/index.ts';
import { parseRoster, writeRoster } from '../modules/people/index.ts';
import { readCells } from '../modules/people/roster-parse.ts';
import {
  areas,
  compounds,
  insertArea,
  insertCompound,
  insertStation,
  locatePlace,
} from '../modules/places/index.ts';
import type { Config } from './config.ts';
import { loadSecretKey } from './crypto.ts';
import type { Db } from './db/client.ts';
import { openDatabase } from './db/open.ts';
import * as schema from './db/schema.ts';

const CLI_ACTOR = { user: null, ip: '127.0.0.1', userAgent: 'linshe cli' };

/** Tables in an order that satisfies foreign keys on restore. */
/**
 * Every table of the schema, each after the tables its foreign keys point at (so a restore inserts
 * parents first). Built from the schema, so a module's new tables are in every backup without a list to keep.
 */
const TABLES: PgTable[] = (() => {
  const all = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
  const byName = new Map(all.map((t) => [getTableConfig(t).name, t]));
  const ordered: PgTable[] = [];
  const placed = new Set<string>();
  const visit = (t: PgTable, path: Set<string>) => {
    const { name, foreignKeys } = getTableConfig(t);
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const fk of foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(byName.get(parent) as PgTable, path);
    }
    placed.add(name);
    ordered.push(t);
  };
  for (const t of all) visit(t, new Set());
  return ordered;
})();

/** Tables whose rows are keyed by an identity `id` (paged by it, their sequence set after a restore). */
const hasIdentityId = (t: PgTable) =>
  getTableConfig(t).columns.some(
    (c) => c.name === 'id' && (c as { generatedIdentity?: unknown }).generatedIdentity,
  );

export async function runTool(command: string, args: string[], config: Config): Promise<void> {
  loadSecretKey(config.dataDir);
  const database = await openDatabase(config);
  try {
    switch (command) {
      case 'synth': {
        const { values } = parseArgs({
          args,
          options: {
            stations: { type: 'string', default: '10' },
            households: { type: 'string', default: '500' },
            seed: { type: 'string', default: '1' },
          },
        });
        const result = await synthesizeCity(database.db, {
          stations: Number(values.stations),
          households: Number(values.households),
          seed: Number(values.seed),
        });
        console.log(
          `Synthetic city ${result.cityName}: ${result.stations} stations, ${result.households} households.`,
        );
        break;
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args,
          allowPositionals: true,
          options: { compound: { type: 'string' } },
        });
        const file = positionals[0];
        if (!file || !values.compound) throw new Error('usage: linshe import --compound ID FILE');
        const [compound] = await database.db
          .select()
          .from(compounds)
          .where(eq(compounds.id, Number(values.compound)));
        if (!compound) throw new Error(`no compound ${values.compound}`);
        const { rows, problems } = parseRoster(await readCells(file, fs.readFileSync(file)));
        if (problems.length > 0) {
          console.error(`Nothing imported; ${problems.length} bad rows:`);
          for (const p of problems) console.error(`  line ${p.line}: ${p.reason}`);
          process.exitCode = 1;
          break;
        }
        const result = await database.db.transaction((tx) =>
          writeRoster(tx, CLI_ACTOR, { compound, fileName: path.basename(file), rows, importedBy: 0 }),
        );
        console.log(
          `Imported ${result.rows} rows: ${result.householdsCreated} new households, ${result.residentsCreated} new residents.`,
        );
        break;
      }
      case 'backup': {
        const file = args[0];
        if (!file) throw new Error('usage: linshe backup FILE');
        const count = await backup(database.db, file);
        console.log(`Backed up ${count} rows to ${file}.`);
        break;
      }
      case 'vote-export': {
        const [id, file] = args;
        const [vote] = await database.db
          .select()
          .from(votes)
          .where(eq(votes.id, Number(id)));
        if (vote?.status !== 'closed') throw new Error(`no closed vote ${id}`);
        fs.writeFileSync(
          file as string,
          `${JSON.stringify(await recountFile(database.db, vote), null, 2)}\n`,
        );
        console.log(`Wrote the recount file of vote ${id} to ${file}.`);
        break;
      }
      case 'fund-verify': {
        const { values, positionals } = parseArgs({
          args,
          allowPositionals: true,
          options: { head: { type: 'string' } },
        });
        const station = positionals[0] ?? '';
        if (!/^[1-9]\d{0,14}$/.test(station))
          throw new Error('usage: linshe fund verify STATION_ID [--head HASH]');
        const report = await fundVerify(database.db, Number(station), values.head);
        console.log(JSON.stringify(report, null, 2));
        process.exitCode = report.ok ? 0 : 1;
        break;
      }
      case 'restore': {
        const file = args[0];
        if (!file) throw new Error('usage: linshe restore FILE');
        const count = await restore(database.db, file);
        console.log(`Restored ${count} rows from ${file}.`);
        break;
      }
    }
  } finally {
    await database.shutdown();
  }
}

export interface FundVerifyReport extends Verification {
  stationId: number;
  /** With `--head`: the published head and where it sits in the chain (null: nowhere, a failure). */
  published?: { head: string; seq: number | null };
}

/**
 * `linshe fund verify`: the station's ledger re-hashed and re-added (verifyLedger); with a published
 * head, also where that head sits in the chain — found in a chain that verifies, it proves every entry up
 * to it is as it was when the statement was printed. `ok` is false when either check fails.
 */
export async function fundVerify(db: Db, stationId: number, head?: string): Promise<FundVerifyReport> {
  if (!(await locatePlace(db, 'station', stationId))) throw new Error(`no station ${stationId}`);
  const result = await verifyLedger(db, stationId);
  if (head === undefined) return { stationId, ...result };
  const seq = await publishedHeadSeq(db, stationId, head.trim().toLowerCase());
  return { stationId, ...result, ok: result.ok && seq !== null, published: { head, seq } };
}

/** A deterministic city of `stations` compounds with `households` households each. */
export async function synthesizeCity(db: Db, input: { stations: number; households: number; seed: number }) {
  const cityName = `合成市${input.seed}`;
  const existing = await db.select({ id: areas.id }).from(areas).where(eq(areas.name, cityName));
  if (existing.length > 0) throw new Error(`${cityName} exists already`);
  const perCommunity = 4;
  const perStreet = 5;
  const perDistrict = 6;
  return db.transaction(async (tx) => {
    const cityId = await insertArea(tx, {
      parentId: null,
      parentPath: '/',
      level: 'city',
      name: cityName,
      code: null,
    });
    const path = { city: `/${cityId}/`, district: '', street: '', community: '' };
    const ids = { district: 0, street: 0, community: 0 };
    let households = 0;
    for (let s = 0; s < input.stations; s++) {
      if (s % (perCommunity * perStreet * perDistrict) === 0) {
        ids.district = await insertArea(tx, {
          parentId: cityId,
          parentPath: path.city,
          level: 'district',
          name: `第${s / (perCommunity * perStreet * perDistrict) + 1}区`,
          code: null,
        });
        path.district = `${path.city}${ids.district}/`;
      }
      if (s % (perCommunity * perStreet) === 0) {
        ids.street = await insertArea(tx, {
          parentId: ids.district,
          parentPath: path.district,
          level: 'street',
          name: `第${s / (perCommunity * perStreet) + 1}街道`,
          code: null,
        });
        path.street = `${path.district}${ids.street}/`;
      }
      if (s % perCommunity === 0) {
        ids.community = await insertArea(tx, {
          parentId: ids.street,
          parentPath: path.street,
          level: 'community',
          name: `第${s / perCommunity + 1}社区`,
          code: null,
        });
        path.community = `${path.street}${ids.community}/`;
      }
      const stationId = await insertStation(tx, {
        areaId: ids.community,
        areaPath: path.community,
        name: `合成小区${s + 1}自治站`,
        kind: 'service',
        stage: 'operating',
      });
      const compoundId = await insertCompound(tx, {
        stationId,
        areaId: ids.community,
        areaPath: path.community,
        name: `合成小区${s + 1}`,
        address: null,
      });
      const rows = syntheticRoster(input.households, input.seed * 100_000 + s);
      await writeRoster(tx, CLI_ACTOR, {
        compound: { id: compoundId, stationId, path: `${path.community}c${compoundId}/` },
        fileName: 'synth',
        rows,
        importedBy: 0,
      });
      households += input.households;
    }
    return { cityName, cityId, stations: input.stations, households };
  });
}

export async function backup(db: Db, file: string): Promise<number> {
  const out = zlib.createGzip();
  const stream = out.pipe(fs.createWriteStream(file));
  const write = (line: unknown) =>
    out.write(`${JSON.stringify(line)}\n`)
      ? Promise.resolve()
      : new Promise<void>((r) => out.once('drain', () => r()));
  let count = 0;
  await db.transaction(
    async (tx) => {
      await write({
        format: 'linshe-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        tables: TABLES.map((t) => getTableConfig(t).name),
      });
      for (const table of TABLES) {
        const name = getTableConfig(table).name;
        if (!hasIdentityId(table)) {
          // Keyed otherwise (sessions by a hash, supports and dots by their pair): few rows, one batch.
          const rows = (await tx.execute(sql`select row_to_json(t) as r from ${sql.identifier(name)} t`))
            .rows as {
            r: unknown;
          }[];
          for (const row of rows) await write({ t: name, r: row.r });
          count += rows.length;
          continue;
        }
        let lastId = 0;
        for (;;) {
          const rows = (
            await tx.execute(
              sql`select row_to_json(t) as r, t.id as id from ${sql.identifier(name)} t where t.id > ${lastId} order by t.id limit 5000`,
            )
          ).rows as { r: unknown; id: unknown }[];
          if (rows.length === 0) break;
          for (const row of rows) await write({ t: name, r: row.r });
          count += rows.length;
          lastId = rows.at(-1)!.id as number;
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  out.end();
  await new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  return count;
}

/** The lines of a gzip'ed file; a read or decompression error ends the loop with that error. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  pipeline(fs.createReadStream(file), gunzip, () => {});
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip) {
    rest += decoder.write(chunk as Buffer);
    let end = rest.indexOf('\n');
    while (end >= 0) {
      yield rest.slice(0, end);
      rest = rest.slice(end + 1);
      end = rest.indexOf('\n');
    }
  }
  rest += decoder.end();
  if (rest) yield rest;
}

export async function restore(db: Db, file: string): Promise<number> {
  let header: { format?: string; tables?: string[] } | null = null;
  let count = 0;
  await db.transaction(async (tx) => {
    // Closed votes refuse new ballots and electors (migration 0013) except in a restore's transaction.
    await tx.execute(sql`select set_config('linshe.restore', 'on', true)`);
    const batch = new Map<string, unknown[]>();
    let current: string | null = null;
    const flush = async (name: string) => {
      const rows = batch.get(name);
      if (!rows || rows.length === 0) return;
      const table = TABLES.find((t) => getTableConfig(t).name === name);
      const identity = table && hasIdentityId(table) ? sql.raw(' overriding system value') : sql.raw('');
      await tx.execute(
        sql`insert into ${sql.identifier(name)}${identity} select * from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(rows)}::json)`,
      );
      count += rows.length;
      batch.set(name, []);
    };
    for await (const line of readLines(file)) {
      if (!line) continue;
      const item = JSON.parse(line) as { t: string; r: unknown } & { format?: string; tables?: string[] };
      if (!header) {
        if (item.format !== 'linshe-backup') throw new Error('not a Linshe backup file');
        header = item;
        const names = TABLES.map((t) => getTableConfig(t).name);
        await tx.execute(
          sql.raw(`truncate ${names.map((n) => `"${n}"`).join(', ')} restart identity cascade`),
        );
        continue;
      }
      if (current !== null && current !== item.t) await flush(current);
      current = item.t;
      const rows = batch.get(item.t) ?? [];
      rows.push(item.r);
      batch.set(item.t, rows);
      if (rows.length >= 2000) await flush(item.t);
    }
    for (const table of TABLES) await flush(getTableConfig(table).name);
    for (const table of TABLES) {
      if (!hasIdentityId(table)) continue;
      const name = getTableConfig(table).name;
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${sql.identifier(name)}), 0) + 1, false)`,
      );
    }
  });
  if (!header) throw new Error('empty backup file');
  return count;
}
