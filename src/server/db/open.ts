import path from 'node:path';
import type { Config } from '../config.ts';
import { connect, type Database, ensureDatabase, runMigrations } from './client.ts';
import { acquireDataDirLock, startEmbeddedPostgres } from './embedded.ts';

export interface OpenedDatabase extends Database {
  url: string;
  embedded: boolean;
  /** Closes the pool, then stops the embedded server and releases the data dir. */
  shutdown(): Promise<void>;
}

/** The app's database: the external server when DATABASE_URL is set, else the embedded one. */
export async function openDatabase(
  config: Config,
  log: (line: string) => void = () => {},
): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const database = connect(config.DATABASE_URL, config.DB_POOL_SIZE);
    await runMigrations(database.db);
    return { ...database, url: config.DATABASE_URL, embedded: false, shutdown: database.close };
  }
  const release = acquireDataDirLock(config.dataDir);
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  try {
    server = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
    const url = await ensureDatabase(server.url, 'linshe');
    const database = connect(url, config.DB_POOL_SIZE);
    await runMigrations(database.db);
    return {
      ...database,
      url,
      embedded: true,
      async shutdown() {
        await database.close();
        await server?.stop();
        release();
      },
    };
  } catch (err) {
    await server?.stop();
    release();
    throw err;
  }
}

export const dataPath = (config: Config, ...parts: string[]) => path.join(config.dataDir, ...parts);
