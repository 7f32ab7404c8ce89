import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '../../src/server/db/client.ts';

// The real CLI as a user runs it: one app per data dir, recovery after kill -9, clean Ctrl-C.

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linshe-life-'));
fs.chmodSync(dataDir, 0o755);
const children: ChildProcess[] = [];
// The project's Node 24 (what `npm start` uses), whatever Node runs the tests.
const NODE = fs.existsSync(path.join(ROOT, 'node_modules/.bin/node'))
  ? path.join(ROOT, 'node_modules/.bin/node')
  : process.execPath;

/** `linshe start` as a user runs it; `ready` gives the URL it prints. */
function start(
  env: Record<string, string> = {},
  ids: { uid?: number; gid?: number } = {},
): {
  child: ChildProcess;
  ready: Promise<string>;
  exited: Promise<{ code: number | null; output: string }>;
} {
  const child = spawn(NODE, [path.join(ROOT, 'bin/linshe.mjs'), 'start'], {
    ...ids,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error(`exited before ready:\n${output}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
  return { child, ready, exited };
}

const postmasterPid = () =>
  Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '13800000001', password: 'linshe123' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  try {
    const pid = postmasterPid();
    if (alive(pid)) process.kill(pid, 'SIGQUIT');
  } catch {
    // no server left
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the app on one data dir', () => {
  it('refuses a second instance, recovers after kill -9 with nothing committed lost, and stops cleanly on Ctrl-C', async () => {
    const first = start();
    const url = await first.ready;

    const second = start();
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('正被另一个 Linshe 进程');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const cookie = await login(url);
    const created = await fetch(`${url}/api/v1/areas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ parentId: null, level: 'city', name: '杀进程测试市' }),
    });
    expect(created.status).toBe(201);

    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // the database outlived the app…

    const third = start();
    const url3 = await third.ready;
    expect(alive(orphan)).toBe(false); // …until the next start stopped it
    expect((await fetch(`${url3}/healthz`)).status).toBe(200);
    const roots = await fetch(`${url3}/api/v1/places/children`, { headers: { cookie: await login(url3) } });
    const names = ((await roots.json()) as { items: { name: string }[] }).items.map((i) => i.name);
    expect(names).toContain('杀进程测试市');

    const server = postmasterPid();
    third.child.kill('SIGINT');
    const stopped = await third.exited;
    expect(stopped.code).toBe(0);
    expect(alive(server)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'linshe.lock'))).toBe(false);
  }, 120_000);
});

describe('on an external PostgreSQL (DATABASE_URL)', () => {
  it('runs the same code without starting an embedded server', async () => {
    const url = await ensureDatabase(inject('pgServerUrl'), `ext_${Date.now()}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linshe-ext-'));
    const app = start({ DATA_DIR: dir, DATABASE_URL: url });
    const base = await app.ready;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await login(base);
    expect(fs.existsSync(path.join(dir, 'pg'))).toBe(false);
    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('as a normal user', () => {
  it.runIf(process.getuid?.() === 0)(
    'starts and stops the same way when not run as root',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linshe-user-'));
      const nobody = { uid: 65534, gid: 65534 };
      fs.chownSync(dir, nobody.uid, nobody.gid);
      const app = start({ HOME: dir, DATA_DIR: path.join(dir, 'data'), SEED_DEMO: 'false' }, nobody);
      const url = await app.ready;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const owner = fs.statSync(path.join(dir, 'data', 'pg', 'PG_VERSION')).uid;
      expect(owner).toBe(nobody.uid);
      app.child.kill('SIGINT');
      expect((await app.exited).code).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );
});
