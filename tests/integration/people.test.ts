import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { residents } from '../../src/modules/people/people.tables.ts';
import { households } from '../../src/modules/places/places.tables.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';
import { multipart } from '../support/multipart.ts';

let t: TestContext;
let city: Awaited<ReturnType<typeof makeCity>>;
let chair: string;
let council: string;

beforeAll(async () => {
  t = await useTestApp();
  city = await makeCity(t, 24);
  await makeUser(t, { phone: '13900000020', role: 'chair', stationId: city.east.compound.stationId });
  await makeUser(t, { phone: '13900000021', role: 'councilMember', stationId: city.east.compound.stationId });
  chair = await t.login('13900000020');
  council = await t.login('13900000021');
});

function upload(cookie: string | undefined, compoundId: number | string, name: string, data: Buffer) {
  const body = multipart({ compoundId }, { name, data });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/roster-imports',
    headers: { ...(cookie ? { cookie } : {}), 'content-type': body.contentType },
    payload: body.payload,
  });
}

const csv = (lines: string[]) =>
  Buffer.from(`\uFEFF楼幢,单元,房号,面积,姓名,手机,关系,投票人\n${lines.join('\n')}\n`);

describe('POST /residents', () => {
  it('requires authentication', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/residents', payload: {} })).statusCode).toBe(
      401,
    );
  });

  it('rejects bad input', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: { cookie: chair },
      payload: { stationId: city.east.compound.stationId, name: '', phone: '123', idNumber: 'abc' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.idNumber', 'body.name', 'body.phone']);
  });

  it('creates a resident with an encrypted ID number and an audit row, in one transaction', async () => {
    const householdId = city.east.compound.householdIds[3]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: { cookie: chair },
      payload: {
        stationId: city.east.compound.stationId,
        name: '赵六',
        phone: '13700000001',
        idNumber: '33020319800101123x',
        households: [{ householdId, relation: 'tenant' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.idNumber).toBe('33020319800101123X');
    const [row] = await t.db.select().from(residents).where(eq(residents.id, body.id));
    expect(row!.idNumberEnc).not.toContain('3302');
    expect(row!.idNumberTail).toBe('123X');
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, String(body.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain('13700000001');
    // A council member sees the resident with phone and ID masked.
    const seen = (
      await t.app.inject({ method: 'GET', url: `/api/v1/residents/${body.id}`, headers: { cookie: council } })
    ).json();
    expect(seen.phone).toBe('137****0001');
    expect(seen.idNumber).toBe('**************123X');
  });

  it('writes nothing when a linked household is not in the station', async () => {
    const before = await t.db.select().from(residents);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: { cookie: chair },
      payload: {
        stationId: city.east.compound.stationId,
        name: '孙七',
        households: [{ householdId: city.west.compound.householdIds[0], relation: 'owner' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(await t.db.select().from(residents)).toHaveLength(before.length);
  });

  it('is forbidden to a council member', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: { cookie: council },
      payload: { stationId: city.east.compound.stationId, name: '周八' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('POST /roster-imports', () => {
  it('requires authentication', async () => {
    expect((await upload(undefined, city.east.compound.compoundId, 'r.csv', csv([]))).statusCode).toBe(401);
  });

  it('rejects a file with bad rows, names every bad line, and imports nothing', async () => {
    const before = await t.db.select().from(households);
    const res = await upload(
      chair,
      city.east.compound.compoundId,
      'roster.csv',
      csv([
        '20幢,1单元,101,89.35,张三,13900000101,业主,是',
        '20幢,1单元,102,abc,李四,13900000102,业主,是',
        '20幢,1单元,103,90,王五,1390000,业主,是',
        '20幢,1单元,104,90,赵六,13900000104,邻居,否',
        '20幢,1单元,105,90,钱七,13900000105,业主,是',
      ]),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.rows.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    expect(body.rows[1].reason).toContain('手机号');
    expect(await t.db.select().from(households)).toHaveLength(before.length);
  });

  it('imports an XLSX roster with co-owners and one named voter', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['楼幢', '单元', '房号', '面积', '姓名', '手机', '关系', '投票人']);
    sheet.addRow(['21幢', '1单元', '101', 89.35, '张三', '13900000201', '业主', '是']);
    sheet.addRow(['21幢', '1单元', '101', 89.35, '张三妻', '13900000202', '业主', '否']);
    sheet.addRow(['21幢', '1单元', '102', '120.5', '李四', '13900000203', '租户', '否']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(chair, city.east.compound.compoundId, 'roster.xlsx', data);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, householdsCreated: 2, residentsCreated: 3, linksCreated: 3 });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/households?compoundId=${city.east.compound.compoundId}&q=21幢`,
      headers: { cookie: chair },
    });
    const items = list.json().items;
    expect(items.map((h: { areaM2: string }) => h.areaM2)).toEqual(['89.35', '120.50']);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/households/${items[0].id}`,
        headers: { cookie: chair },
      })
    ).json();
    expect(
      detail.members.filter((m: { isVoter: boolean }) => m.isVoter).map((m: { name: string }) => m.name),
    ).toEqual(['张三']);
    // Importing the same file again adds nothing.
    const again = await upload(chair, city.east.compound.compoundId, 'roster.xlsx', data);
    expect(again.json()).toMatchObject({ householdsCreated: 0, residentsCreated: 0, linksCreated: 0 });
  });

  it('refuses files that are neither CSV nor XLSX, and a council member', async () => {
    const res = await upload(chair, city.east.compound.compoundId, 'roster.pdf', Buffer.from('%PDF'));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('CSV');
    const broken = await upload(
      chair,
      city.east.compound.compoundId,
      'roster.xlsx',
      Buffer.from('not a zip'),
    );
    expect(broken.statusCode).toBe(400);
    expect(
      (await upload(council, city.east.compound.compoundId, 'r.csv', csv(['1幢,1单元,101,80,甲,,业主,是'])))
        .statusCode,
    ).toBe(403);
  });
});
