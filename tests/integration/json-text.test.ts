import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, jsonObject } from '../../src/server/db/json-text.ts';
import { type TestContext, useTestApp } from '../support/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await useTestApp();
});

async function rowOf(fields: Parameters<typeof jsonObject>[0], timeZone = 'UTC') {
  const { rows } = await t.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('timezone', ${timeZone}, true)`);
    return tx.execute<{ json: string }>(sql`select ${jsonObject(fields)} as json`);
  });
  return JSON.parse(rows[0]!.json) as Record<string, unknown>;
}

describe('JSON built in SQL', () => {
  it('escapes every kind of text and keeps nulls, numbers and booleans', async () => {
    const tricky = '引号"反斜杠\\换行\n制表\t控制\u0001 emoji 🏠 </script>';
    expect(
      await rowOf({
        text: json.string(sql`${tricky}::text`),
        none: json.string(sql`null::text`),
        int: json.scalar(sql`-42::int`),
        big: json.scalar(sql`9007199254740991::int8`),
        noNumber: json.scalar(sql`null::int`),
        yes: json.scalar(sql`true`),
        no: json.scalar(sql`1 > 2`),
        label: json.label(sql`'inProgress'::request_status`),
      }),
    ).toEqual({
      text: tricky,
      none: null,
      int: -42,
      big: 9007199254740991,
      noNumber: null,
      yes: true,
      no: false,
      label: 'inProgress',
    });
  });

  it('writes times exactly as Date#toISOString does, whatever the session time zone', async () => {
    const row = await rowOf(
      {
        at: json.time(sql`'2026-11-22 08:09:05.356789+08'::timestamptz`),
        none: json.time(sql`null::timestamptz`),
      },
      'Asia/Shanghai',
    );
    expect(row).toEqual({ at: '2026-11-22T00:09:05.356Z', none: null });
  });

  it('refuses a key that is not an identifier', () => {
    expect(() => jsonObject({ "a'b": json.scalar(sql`1`) })).toThrow(/not an identifier/);
  });
});
