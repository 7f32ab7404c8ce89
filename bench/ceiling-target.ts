// Ceilings measured in the same run as the app: what node:http and raw pg do with no framework.
import http from 'node:http';
import pg from 'pg';

const kind = process.argv[2];
const pool = new pg.Pool({ connectionString: process.env.BENCH_DB_URL, max: 10 });
let n = 0;

const handlers: Record<string, (res: http.ServerResponse) => Promise<void> | void> = {
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
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query(
        "insert into people_residents (station_id, name) values (1, '压测') returning id",
      );
      await client.query(
        "insert into audit_events (action, subject_type, subject_id, station_id, path) values ('resident.create', 'resident', $1, 1, '/')",
        [String(rows[0].id)],
      );
      await client.query('commit');
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: rows[0].id }));
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  },
};

const handler = kind ? handlers[kind] : undefined;
if (!handler) throw new Error(`unknown ceiling ${kind}`);
const server = http.createServer((_req, res) => {
  Promise.resolve(handler(res)).catch(() => {
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
