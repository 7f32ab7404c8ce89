import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSecretKey } from '../../src/server/crypto.ts';
import { connect, ensureDatabase, runMigrations } from '../../src/server/db/client.ts';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    testDataDir: string;
  }
}

/** One embedded server for the whole run, and a migrated template database to clone per file. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linshe-test-'));
  fs.chmodSync(dataDir, 0o755);
  loadSecretKey(dataDir); // once, before the workers share the directory
  const server = await startEmbeddedPostgres({
    dataDir,
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  const templateUrl = await ensureDatabase(server.url, 'linshe_template');
  const template = connect(templateUrl, 1);
  await runMigrations(template.db);
  await template.close();
  project.provide('pgServerUrl', server.url);
  project.provide('testDataDir', dataDir);
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
