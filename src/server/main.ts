import { PgBoss } from 'pg-boss';
import { DEMO_PASSWORD, type DemoAccount, isEmpty, seedDemo } from '../modules/demo/seed-demo.ts';
import { MODULES } from '../modules/index.ts';
import { type Channel, SmtpChannel, startNotifications } from '../modules/notifications/index.ts';
import type { Config } from './config.ts';
import { loadSecretKey } from './crypto.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './http/app.ts';

export interface RunningApp {
  url: string;
  accounts: DemoAccount[] | null;
  stop(): Promise<void>;
}

/** Starts everything: database (embedded unless DATABASE_URL), jobs, demo data, HTTP server. */
export async function startServer(
  config: Config,
  options: { serveWeb: boolean; log?: (line: string) => void },
): Promise<RunningApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  loadSecretKey(config.dataDir);
  const database = await openDatabase(config, log);
  let boss: PgBoss | null = null;
  try {
    boss = new PgBoss({ connectionString: database.url, max: 3 });
    boss.on('error', (err) => log(`[jobs] ${String((err as Error).message)}`));
    await boss.start();
    const channels: Channel[] = config.SMTP_URL ? [new SmtpChannel(config.SMTP_URL, config.MAIL_FROM)] : [];
    await startNotifications({ db: database.db, boss, channels });
    for (const mod of MODULES) await mod.jobs?.({ boss, db: database.db });
    let accounts: DemoAccount[] | null = null;
    if (config.SEED_DEMO && (await isEmpty(database.db))) {
      log('Seeding the demo (宁波市 → 鄞州区 → 石碶街道 → 汪源社区 …)');
      accounts = await seedDemo(database.db);
    }
    const app = await buildApp({
      config,
      db: database.db,
      pool: database.pool,
      boss,
      serveWeb: options.serveWeb,
    });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      accounts,
      stop() {
        stopping ??= (async () => {
          await app.close();
          await boss?.stop({ graceful: true, timeout: 5000 }).catch(() => {});
          await database.shutdown();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await boss?.stop({ graceful: false }).catch(() => {});
    await database.shutdown();
    throw err;
  }
}

export function describeAccounts(accounts: DemoAccount[] | null): string {
  const rows = accounts ?? DEMO_ACCOUNTS_SUMMARY;
  return [
    `Demo accounts (password ${DEMO_PASSWORD}):`,
    ...rows.map((a) => `  ${a.phone}  ${a.name.padEnd(8, '　')} ${a.role ?? '-'} @ ${a.scope}`),
  ].join('\n');
}

/** Printed on later starts too, when the demo already exists. */
const DEMO_ACCOUNTS_SUMMARY: DemoAccount[] = [
  { phone: '13800000001', name: '平台管理员', role: 'platformAdmin', scope: '全平台' },
  { phone: '13800000002', name: '陈诗园', role: 'socialWorker', scope: '汪源社区' },
  { phone: '13800000003', name: '王建国', role: 'chair', scope: '南江绿苑小区自治站' },
  { phone: '13800000010', name: '林阿姨', role: 'resident', scope: '南江绿苑 1幢1单元101（已认证）' },
  { phone: '13800000011', name: '新住户小马', role: null, scope: '未认证居民' },
  { phone: '(more)', name: 'README.md', role: null, scope: 'lists every role' },
];
