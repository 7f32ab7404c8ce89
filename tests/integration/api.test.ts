import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, useTestApp } from '../support/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await useTestApp();
});

describe('API conventions', () => {
  it('publishes OpenAPI 3.1 with every route and a docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/households',
        '/api/v1/auth/login',
        '/api/v1/roster-imports',
        '/api/v1/audit',
      ]),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', title: '找不到该内容' });
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('linshe_http_requests_total');
    expect(metrics.body).toContain('linshe_db_pool_connections{state="total"}');
  });
});

describe('audit rows', () => {
  it('are append-only: the database refuses to change or delete them', async () => {
    await t.db.execute(
      sql`insert into audit_events (action, subject_type, path) values ('test.write', 'test', '/')`,
    );
    await expect(t.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });
});
