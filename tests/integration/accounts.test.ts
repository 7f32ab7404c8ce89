import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { consoleChannel } from '../../src/modules/notifications/notify.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await useTestApp();
  await makeUser(t, { phone: '13900000001', name: '甲' });
});

describe('POST /auth/login', () => {
  it('rejects bad input with a localised field error and no values echoed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '12', password: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.title).toBe('输入有误，请检查后重试');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.password', 'body.phone']);
    expect(res.body).not.toContain('"12"');
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en' },
      payload: { phone: '13900000001', password: 'wrong-one' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      title: 'Wrong phone number or password',
    });
  });

  it('rejects malformed JSON as 400 and oversized bodies as 413', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone":',
    });
    expect(bad.statusCode).toBe(400);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('signs in with an httpOnly session cookie, and logout ends the session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: '13900000001', password: 'test-password-1' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'linshe_session')!;
    expect(cookie.httpOnly).toBe(true);
    const header = { cookie: `linshe_session=${cookie.value}` };
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: header })).json().displayName,
    ).toBe('甲');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: header })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: header })).statusCode).toBe(401);
  });
});

describe('GET /me', () => {
  it('requires authentication', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /me/password', () => {
  it('requires authentication', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/me/password', payload: {} })).statusCode).toBe(
      401,
    );
  });

  it('checks the current password, then changes it and ends other sessions', async () => {
    await makeUser(t, { phone: '13900000002' });
    const first = await t.login('13900000002');
    const second = await t.login('13900000002');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: first },
      payload: { currentPassword: 'nope-nope', newPassword: 'new-password-2' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('currentPassword');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: first },
      payload: { currentPassword: 'test-password-1', newPassword: 'new-password-2' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first } })).statusCode,
    ).toBe(200);
    await t.login('13900000002', 'new-password-2');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.passwordChange'));
    expect(audit).toHaveLength(1);
  });
});

describe('one-time codes', () => {
  it('sends a code through the channel, registers with it, and refuses it twice', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/code',
      payload: { phone: '13900000003', purpose: 'register' },
    });
    expect(sent.statusCode).toBe(200);
    const message = consoleChannel().sent.findLast((m) => m.to === '13900000003')!;
    const code = /\d{6}/.exec(message.text)![0];
    const payload = { phone: '13900000003', code, password: 'password-123', displayName: '新居民' };
    const reg = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
    expect(reg.statusCode).toBe(200);
    expect(reg.json().displayName).toBe('新居民');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('CODE_INVALID');
  });
});

describe('POST /auth/reset-password', () => {
  it('rejects bad input', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { phone: '139', code: 'abc', newPassword: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveLength(3);
  });

  it('sets a new password with a code and ends every session', async () => {
    await makeUser(t, { phone: '13900000004' });
    const session = await t.login('13900000004');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/code',
      payload: { phone: '13900000004', purpose: 'reset' },
    });
    const code = /\d{6}/.exec(consoleChannel().sent.findLast((m) => m.to === '13900000004')!.text)![0];
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: {
        phone: '13900000004',
        code: code === '000000' ? '111111' : '000000',
        newPassword: 'brand-new-pass',
      },
    });
    expect(wrong.json().code).toBe('CODE_INVALID');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { phone: '13900000004', code, newPassword: 'brand-new-pass' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode,
    ).toBe(401);
    await t.login('13900000004', 'brand-new-pass');
  });
});
