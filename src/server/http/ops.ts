import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const httpRequests = new client.Counter({
  name: 'linshe_http_requests_total',
  help: 'HTTP requests by method, route and status class',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});
const httpDuration = new client.Histogram({
  name: 'linshe_http_request_duration_seconds',
  help: 'HTTP request duration by route',
  labelNames: ['route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

/** /healthz (the process is up), /readyz (the database answers), /metrics (Prometheus). */
export function registerOps(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    httpRequests.inc({ method: req.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` });
    httpDuration.observe({ route }, reply.elapsedTime / 1000);
  });
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await app.deps.db.execute(sql`select 1`);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    const pool = app.deps.pool;
    const text = await registry.metrics();
    const poolLines = [
      '# HELP linshe_db_pool_connections Database pool connections by state',
      '# TYPE linshe_db_pool_connections gauge',
      `linshe_db_pool_connections{state="total"} ${pool.totalCount}`,
      `linshe_db_pool_connections{state="idle"} ${pool.idleCount}`,
      `linshe_db_pool_connections{state="waiting"} ${pool.waitingCount}`,
    ].join('\n');
    return reply.type(registry.contentType).send(`${text}\n${poolLines}\n`);
  });
}
