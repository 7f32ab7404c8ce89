import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, useTestApp } from '../support/harness.ts';

// Sends malformed input to every route of the OpenAPI document, signed out and as the platform admin
// (so requests get past permission checks into the use cases), and asserts no answer is a 5xx.

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
}

let t: TestContext;
let operations: Operation[];

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  const doc = t.app.swagger() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
});

const weird = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e309',
    '9007199254740993',
    'NaN',
    'null',
    '%00',
    '../../etc',
    "' or 1=1 --",
    '😀',
    'a'.repeat(5000),
  ),
  fc.integer().map(String),
);
const body = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'phone',
      'password',
      'name',
      'stationId',
      'compoundId',
      'householdId',
      'areaM2',
      'role',
      'decision',
      'households',
      'level',
      'parentId',
      'tags',
    ),
    fc.anything({ maxDepth: 2 }),
  ),
);

function asText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '{"x":';
  }
}

describe('every route in the OpenAPI document', () => {
  it('lists the routes', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('never answers malformed input with a 5xx', async () => {
    const admin = await t.login('13800000001');
    for (const op of operations) {
      if (op.path.includes('logout') || op.path.includes('password')) continue;
      await fc.assert(
        fc.asyncProperty(
          fc.array(weird, { minLength: op.params.length, maxLength: op.params.length }),
          fc.array(fc.tuple(fc.constantFrom(...op.query, 'cursor', 'x'), weird), { maxLength: 4 }),
          body,
          fc.boolean(),
          fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          ),
          async (params, query, payload, signedIn, contentType) => {
            let url = op.path;
            op.params.forEach((name, i) => {
              url = url.replace(`{${name}}`, encodeURIComponent(params[i] ?? ''));
            });
            const qs = new URLSearchParams(query).toString();
            const res = await t.app.inject({
              method: op.method as 'GET',
              url: `${url}${qs ? `?${qs}` : ''}`,
              headers: { ...(signedIn ? { cookie: admin } : {}), 'content-type': contentType },
              ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: asText(payload) }),
            });
            if (res.statusCode >= 500)
              throw new Error(`${op.method} ${url}?${qs} → ${res.statusCode} ${res.body}`);
            expect(res.body).not.toMatch(/at \S+\.ts:\d+|select .* from|violates/i);
          },
        ),
        { numRuns: 25, seed: 42 },
      );
    }
  }, 300_000);
});
