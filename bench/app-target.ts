// The Linshe app as a benchmark target, in its own process: embedded database, demo plus a
// synthetic city, a chair on one synthetic station. Prints one JSON line with what the driver needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { roleGrants, users } from '../src/modules/accounts/accounts.tables.ts';
import { hashPassword } from '../src/modules/accounts/password.ts';
import { seedDemo } from '../src/modules/demo/seed-demo.ts';
import { compounds } from '../src/modules/places/places.tables.ts';
import { loadConfig } from '../src/server/config.ts';
import { loadSecretKey } from '../src/server/crypto.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { buildApp } from '../src/server/http/app.ts';
import { synthesizeCity } from '../src/server/tools.ts';

const stations = Number(process.env.BENCH_STATIONS ?? 20);
const householdsPer = Number(process.env.BENCH_HOUSEHOLDS ?? 500);
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
const [user] = await database.db
  .insert(users)
  .values({
    phone: '13899999999',
    passwordHash: await hashPassword('bench-password'),
    displayName: '压测理事长',
  })
  .returning({ id: users.id });
await database.db.insert(roleGrants).values({
  userId: user!.id,
  role: 'chair',
  stationId: compound!.stationId,
  path: null,
  scopeName: '合成小区1自治站',
});

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
