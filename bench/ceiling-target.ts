// Ceilings measured in the same run as the app: what node:http and raw pg do with no framework.
import http from 'node:http';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { overdueAt } from '../src/modules/requests/overdue-job.ts';
import { QUEUE_ROW } from '../src/modules/requests/queue.ts';

const kind = process.argv[2];
const pool = new pg.Pool({ connectionString: process.env.BENCH_DB_URL, max: 10 });
let n = 0;

const stationId = Number(process.env.BENCH_STATION_ID ?? 1);
const stationPath = process.env.BENCH_STATION_PATH ?? '/';
const categoryId = Number(process.env.BENCH_CATEGORY_ID ?? 1);

/**
 * The staff queue's select as the app sends it, for the query string the app is given: status,
 * overdue=true, sort=newest|due, limit. The row's JSON and the overdue rule are the app's own SQL
 * (QUEUE_ROW, overdueAt), rendered to text once; the rest is written by hand and sent as a plain
 * parameterised query, as one writes it by hand.
 */
const render = (chunk: SQL) => new PgDialect().sqlToQuery(chunk).sql;
const R = 'requests_requests';
const OVERDUE = render(overdueAt(sql`now()`));
const QUEUE_COLUMNS = `${render(QUEUE_ROW.json)} as json, ${R}.id, ${R}.due_resolution_at::text`;

function queueQuery(query: URLSearchParams): { text: string; values: unknown[] } {
  const values: unknown[] = [stationId];
  const where = [`${R}.station_id = $1`];
  const status = query.get('status');
  if (status) {
    values.push(status);
    where.push(`${R}.status = $${values.length}`);
  }
  if (query.get('overdue') === 'true') where.push(OVERDUE);
  values.push(Number(query.get('limit') ?? 20) + 1);
  const order = query.get('sort') === 'due' ? `${R}.due_resolution_at asc, ${R}.id asc` : `${R}.id desc`;
  return {
    text: `select ${QUEUE_COLUMNS} from ${R} join requests_categories on requests_categories.id = ${R}.category_id where ${where.join(' and ')} order by ${order} limit $${values.length}`,
    values,
  };
}

/** BEGIN; the first insert (returning id); the second, given that id; COMMIT — as one writes it by hand. */
async function twoInserts(
  res: http.ServerResponse,
  first: { text: string; values: unknown[] },
  second: (id: number) => { text: string; values: unknown[] },
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(first);
    await client.query(second(rows[0].id));
    await client.query('commit');
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: rows[0].id }));
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

const handlers: Record<string, (res: http.ServerResponse, url: URL) => Promise<void> | void> = {
  hello(res) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"hello":"world"}');
  },
  /** One indexed select through raw pg, as one writes it: a parameterised query. */
  async select(res) {
    n = (n % 1000) + 1;
    const { rows } = await pool.query('select id, label, area_cm2 from places_households where id = $1', [n]);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows[0] ?? null));
  },
  /** The same select as a named prepared statement (parsed and planned once per connection). */
  async selectPrepared(res) {
    n = (n % 1000) + 1;
    const { rows } = await pool.query({
      name: 'sel',
      text: 'select id, label, area_cm2 from places_households where id = $1',
      values: [n],
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows[0] ?? null));
  },
  /** A raw two-insert transaction: a resident and its audit row. */
  async insert(res) {
    await twoInserts(
      res,
      { text: "insert into people_residents (station_id, name) values (1, '压测') returning id", values: [] },
      (id) => ({
        text: "insert into audit_events (action, subject_type, subject_id, station_id, path) values ('resident.create', 'resident', $1, 1, '/')",
        values: [String(id)],
      }),
    );
  },
  /** A raw two-insert transaction: a request and its first timeline entry. */
  async requestInsert(res) {
    await twoInserts(
      res,
      {
        text: "insert into requests_requests (station_id, category_id, channel, path, description, due_response_at, due_resolution_at) values ($1, $2, 'web', $3, '压测诉求：楼道漏水', now() + interval '4 hours', now() + interval '48 hours') returning id",
        values: [stationId, categoryId, stationPath],
      },
      (id) => ({
        text: "insert into requests_events (station_id, request_id, kind, to_status) values ($1, $2, 'submitted', 'submitted')",
        values: [stationId, id],
      }),
    );
  },
  /** The staff queue's page select through raw pg, a plain parameterised query. */
  async queue(res, url) {
    const { rows } = await pool.query<{ json: string }>(queueQuery(url.searchParams));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"items":[${rows.map((r) => r.json).join(',')}]}`);
  },
};

const handler = kind ? handlers[kind] : undefined;
if (!handler) throw new Error(`unknown ceiling ${kind}`);
const server = http.createServer((req, res) => {
  Promise.resolve(handler(res, new URL(req.url ?? '/', 'http://ceiling'))).catch(() => {
    res.writeHead(500);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
