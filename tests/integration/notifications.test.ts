import { eq } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpChannel } from '../../src/modules/notifications/channels.ts';
import { deliveries } from '../../src/modules/notifications/notifications.tables.ts';
import {
  notifyUser,
  sendThroughChannel,
  startNotifications,
} from '../../src/modules/notifications/notify.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let t: TestContext;
let boss: PgBoss;
const received: { to: string; body: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let flakyCalls = 0;

beforeAll(async () => {
  t = await useTestApp();
  // A real SMTP server on loopback, speaking the protocol to nodemailer.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
  boss = new PgBoss({ connectionString: t.url, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  await startNotifications({
    db: t.db,
    boss,
    channels: [
      new SmtpChannel(`smtp://127.0.0.1:${smtpPort}`, 'Linshe <noreply@linshe.local>'),
      {
        name: 'flaky',
        async send() {
          flakyCalls += 1;
          if (flakyCalls === 1) throw new Error('gateway down');
        },
      },
    ],
  });
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function statusOf(id: number) {
  const [row] = await t.db.select().from(deliveries).where(eq(deliveries.id, id));
  return row!;
}

async function lastDeliveryId() {
  const rows = await t.db.select({ id: deliveries.id }).from(deliveries).orderBy(deliveries.id);
  return rows.at(-1)!.id;
}

describe('notification channels through pg-boss', () => {
  it('delivers e-mail over SMTP', async () => {
    await sendThroughChannel(t.db, {
      channel: 'email',
      to: 'wang@example.org',
      subject: '议事会通知',
      text: '周六上午九点在会客厅召开居民议事会。',
    });
    const id = await lastDeliveryId();
    await expect.poll(async () => (await statusOf(id)).status, { timeout: 20_000 }).toBe('sent');
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe('wang@example.org');
    expect(received[0]!.body).toContain('Subject: =?UTF-8?');
  });

  it('retries a failed delivery and records the attempts', async () => {
    await sendThroughChannel(t.db, { channel: 'flaky', to: '13900000001', subject: 's', text: 't' });
    const id = await lastDeliveryId();
    await expect
      .poll(async () => (await statusOf(id)).status, { timeout: 30_000, interval: 500 })
      .toBe('sent');
    const row = await statusOf(id);
    expect(row.attempts).toBe(2);
    expect(flakyCalls).toBe(2);
  });
});

describe('GET /inbox', () => {
  it('requires authentication and rejects bad input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inbox' })).statusCode).toBe(401);
    await makeUser(t, { phone: '13900000070' });
    const cookie = await t.login('13900000070');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/inbox?limit=0', headers: { cookie } })).statusCode,
    ).toBe(400);
  });

  it('lists, counts and marks read only the user’s own notifications', async () => {
    const me = await makeUser(t, { phone: '13900000071' });
    const other = await makeUser(t, { phone: '13900000072' });
    const mine = await notifyUser(t.db, { userId: me, kind: 'test', title: '您好', body: '欢迎使用邻舍' });
    const theirs = await notifyUser(t.db, { userId: other, kind: 'test', title: '别人的', body: '-' });
    const cookie = await t.login('13900000071');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/inbox', headers: { cookie } })).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['您好']);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/inbox/unread-count', headers: { cookie } })).json(),
    ).toEqual({ count: 1 });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/inbox/${theirs}/read`, headers: { cookie } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/inbox/${mine}/read`, headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/inbox/unread-count', headers: { cookie } })).json(),
    ).toEqual({ count: 0 });
  });
});
