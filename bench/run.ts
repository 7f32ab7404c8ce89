// `npm run bench`: the app and its ceilings, each in its own process, driven by autocannon in this one.
// Ratios compare rps measured in the same run, so machine noise cancels out.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import { syntheticRoster } from '../src/modules/demo/seed-demo.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = fs.existsSync(path.join(ROOT, 'node_modules/.bin/node'))
  ? path.join(ROOT, 'node_modules/.bin/node')
  : process.execPath;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const children: ChildProcess[] = [];

async function spawnTarget<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  const child = spawn(NODE, [path.join(ROOT, 'bench', script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{')) return JSON.parse(line) as T;
  }
  throw new Error(`${script} exited before it was ready`);
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<Run> {
  const opts = {
    url,
    connections: CONNECTIONS,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    body: options.body,
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, pools, caches
  const result = await autocannon({ ...opts, duration: DURATION });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function rosterXlsx(households: number, badRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(['楼幢', '单元', '房号', '面积', '姓名', '手机', '关系', '投票人']);
  const rows = syntheticRoster(households, 4242);
  rows.forEach((r, i) => {
    const bad =
      badRows > 0 &&
      i % Math.floor(rows.length / badRows) === 7 &&
      i / Math.floor(rows.length / badRows) < badRows;
    sheet.addRow([
      r.building,
      r.unit,
      r.room,
      (r.areaCm2 / 100).toFixed(2),
      r.name,
      bad ? '1380' : (r.phone ?? ''),
      r.relation === 'owner' ? '业主' : '家庭成员',
      r.isVoter ? '是' : '否',
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(base: string, cookie: string, compoundId: number, data: Buffer) {
  const form = new FormData();
  form.set('compoundId', String(compoundId));
  form.set('file', new Blob([new Uint8Array(data)]), 'roster.xlsx');
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/roster-imports`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    seconds: (performance.now() - started) / 1000,
  };
}

async function login(base: string, phone: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function main() {
  console.log('Starting the app with the demo and a synthetic city…');
  const app = await spawnTarget<{
    port: number;
    dbUrl: string;
    compoundId: number;
    stationId: number;
    households: number;
  }>('app-target.ts', []);
  const base = `http://127.0.0.1:${app.port}`;
  const cookie = await login(base, '13899999999', 'bench-password');
  const ceilings: Record<string, string> = {};
  for (const kind of ['hello', 'select', 'insert']) {
    const { port } = await spawnTarget<{ port: number }>('ceiling-target.ts', [kind], {
      BENCH_DB_URL: app.dbUrl,
    });
    ceilings[kind] = `http://127.0.0.1:${port}/`;
  }

  console.log(
    `${app.households} households in the database. Each run: ${CONNECTIONS} connections, ${DURATION} s after a 2 s warm-up.`,
  );
  const hello = await load(ceilings.hello!);
  const select = await load(ceilings.select!);
  const insert = await load(ceilings.insert!, { method: 'POST' });
  const list = await load(`${base}/api/v1/households?compoundId=${app.compoundId}&limit=50`, {
    headers: { cookie },
  });
  const create = await load(`${base}/api/v1/residents`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      stationId: app.stationId,
      name: '压测居民',
      phone: '13912345678',
      tags: ['压测'],
    }),
  });

  // Roster import: 5,000 households in one XLSX, once with three bad rows (nothing imported), once clean.
  const admin = await login(base, '13800000001', 'linshe123');
  const created = await fetch(`${base}/api/v1/compounds`, {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ communityId: await communityId(base, admin), name: '名册压测小区' }),
  });
  const target = ((await created.json()) as { id: number }).id;
  const bad = await upload(base, admin, target, await rosterXlsx(5000, 3));
  const good = await upload(base, admin, target, await rosterXlsx(5000, 0));

  const scenarios = [
    { name: 'ceiling: node:http hello', run: hello, ceiling: null, ceilingRps: null },
    { name: 'ceiling: raw pg indexed select', run: select, ceiling: null, ceilingRps: null },
    { name: 'ceiling: raw pg two-insert transaction', run: insert, ceiling: null, ceilingRps: null },
    {
      name: 'household list page (50 rows, permission check)',
      run: list,
      ceiling: 'raw pg indexed select',
      ceilingRps: select.rps,
    },
    {
      name: 'create resident (with audit)',
      run: create,
      ceiling: 'raw pg two-insert transaction',
      ceilingRps: insert.rps,
    },
  ].map((s) => ({
    name: s.name,
    rps: Math.round(s.run.rps),
    p50_ms: s.run.p50,
    p99_ms: s.run.p99,
    errors: s.run.errors,
    ceiling: s.ceiling,
    ratio: s.ceilingRps ? Number((s.run.rps / s.ceilingRps).toFixed(3)) : null,
  }));
  const timings = [
    {
      name: 'roster import, 5,000 households XLSX',
      seconds: Number(good.seconds.toFixed(2)),
      limit_seconds: 10,
      status: good.status,
      rows: good.body.rows,
    },
    {
      name: 'roster import, same with 3 bad rows (nothing imported)',
      seconds: Number(bad.seconds.toFixed(2)),
      status: bad.status,
      bad_lines: (bad.body.rows as { line: number }[] | undefined)?.map((r) => r.line),
    },
  ];
  const listRow = scenarios[3]!;
  const createRow = scenarios[4]!;
  const bars = [
    { bar: 'household list ratio ≥ 0.40', value: listRow.ratio, pass: (listRow.ratio ?? 0) >= 0.4 },
    { bar: 'resident creation ratio ≥ 0.30', value: createRow.ratio, pass: (createRow.ratio ?? 0) >= 0.3 },
    { bar: 'household list p99 < 60 ms at 50 connections', value: listRow.p99_ms, pass: listRow.p99_ms < 60 },
    {
      bar: '5,000-household XLSX imports in < 10 s',
      value: timings[0]!.seconds,
      pass: good.status === 200 && good.seconds < 10,
    },
    {
      bar: 'three bad rows: nothing imported, three lines named',
      value: timings[1]!.bad_lines,
      pass: bad.status === 422 && timings[1]!.bad_lines?.length === 3,
    },
  ];

  console.table(scenarios);
  console.table(timings);
  console.table(bars);
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ at: new Date().toISOString(), scenarios, timings, bars }, null, 2)}\n`,
  );
  console.log('Wrote bench/results/latest.json');
  if (bars.some((b) => !b.pass)) process.exitCode = 1;
}

async function communityId(base: string, cookie: string): Promise<number> {
  // The first community of the first synthetic district: 合成市1 → 第1区 → 第1街道 → 第1社区.
  let kind = '';
  let id = 0;
  for (const name of ['合成市1', '第1区', '第1街道', '第1社区']) {
    const url = kind
      ? `${base}/api/v1/places/children?kind=${kind}&id=${id}`
      : `${base}/api/v1/places/children`;
    const items = (
      (await (await fetch(url, { headers: { cookie } })).json()) as {
        items: { kind: string; id: number; name: string }[];
      }
    ).items;
    const found = items.find((i) => i.name === name)!;
    kind = found.kind;
    id = found.id;
  }
  return id;
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
}
