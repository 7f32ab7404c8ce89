import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, inject } from 'vitest';
import { roleGrants, users } from '../../src/modules/accounts/accounts.tables.ts';
import { hashPassword } from '../../src/modules/accounts/password.ts';
import type { Role } from '../../src/modules/accounts/roles.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { startNotifications } from '../../src/modules/notifications/notify.ts';
import { loadConfig } from '../../src/server/config.ts';
import { loadSecretKey } from '../../src/server/crypto.ts';
import { connect, type Database, ensureDatabase } from '../../src/server/db/client.ts';
import { buildApp } from '../../src/server/http/app.ts';

export interface TestContext extends Database {
  url: string;
  app: FastifyInstance;
  /** Signs in and returns the cookie header for later requests. */
  login(phone: string, password?: string): Promise<string>;
  /** One request to the app, as the user of `cookie` when given, with a JSON body when given. */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
}

/** The password of every user `makeUser` creates. */
export const PASSWORD = 'test-password-1';

/** A fresh database for this test file (cloned from the migrated template) and an app on it. */
export async function useTestApp(options: { demo?: boolean } = {}): Promise<TestContext> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(inject('pgServerUrl'), name, 'linshe_template');
  loadSecretKey(inject('testDataDir'));
  const database = connect(url, 5);
  if (options.demo) await seedDemo(database.db);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: inject('testDataDir'),
    LOGIN_RATE_LIMIT: '1000',
    VALIDATE_RESPONSES: 'true',
  });
  await startNotifications({ db: database.db, boss: null });
  const app = await buildApp({ config, db: database.db, pool: database.pool });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return {
    ...database,
    url,
    app,
    async login(phone, password = options.demo ? 'linshe123' : PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${phone} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'linshe_session');
      return `linshe_session=${cookie!.value}`;
    },
    call(method, url, cookie, payload) {
      return app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
    },
  };
}

let passwordHash: string | null = null;

/** Creates a user with a role on a node (an area or building path, or a station). */
export async function makeUser(
  ctx: Database,
  input: { phone: string; name?: string; role?: Role; stationId?: number | null; path?: string | null },
) {
  passwordHash ??= await hashPassword(PASSWORD);
  const [user] = await ctx.db
    .insert(users)
    .values({ phone: input.phone, passwordHash, displayName: input.name ?? input.phone })
    .returning({ id: users.id });
  if (input.role) {
    await ctx.db.insert(roleGrants).values({
      userId: user!.id,
      role: input.role,
      stationId: input.stationId ?? null,
      path: input.path ?? null,
      scopeName: 'test',
    });
  }
  return user!.id;
}
