import { createHash, randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sendThroughChannel } from '../notifications/notify.ts';
import { oneTimeCodes, sessions, users } from './accounts.tables.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, forgetCachedUser } from './sessions.ts';

const CODE_MINUTES = 10;
const CODE_ATTEMPTS = 5;
const hashCode = (phone: string, code: string) =>
  createHash('sha256').update(`${phone}:${code}`).digest('hex');

export async function loginWithPassword(
  ctx: Ctx,
  input: { phone: string; password: string; sessionHours: number },
) {
  const [user] = await ctx.db.select().from(users).where(eq(users.phone, input.phone));
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
  return await ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, {
      userId: user.id,
      hours: input.sessionHours,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await recordAudit(
      tx,
      { ...ctx, user: { userId: user.id } },
      { action: 'session.login', subjectType: 'user', subjectId: user.id, path: '/' },
    );
    return session;
  });
}

/** Sends a six-digit one-time code through the notification channel (console in development). */
export async function sendOneTimeCode(
  ctx: Ctx,
  input: { phone: string; purpose: 'login' | 'register' | 'reset' },
): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.insert(oneTimeCodes).values({
    phone: input.phone,
    purpose: input.purpose,
    codeHash: hashCode(input.phone, code),
    expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
  });
  await sendThroughChannel(ctx.db, {
    channel: 'console',
    to: input.phone,
    subject: '邻舍验证码',
    text: `您的验证码是 ${code}，${CODE_MINUTES} 分钟内有效。`,
  });
}

async function consumeCode(ctx: Ctx, phone: string, purpose: string, code: string): Promise<void> {
  const ok = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(oneTimeCodes)
      .where(
        and(
          eq(oneTimeCodes.phone, phone),
          eq(oneTimeCodes.purpose, purpose),
          isNull(oneTimeCodes.usedAt),
          gt(oneTimeCodes.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(oneTimeCodes.id))
      .limit(1)
      .for('update');
    if (!row || row.attempts >= CODE_ATTEMPTS) return false;
    if (row.codeHash !== hashCode(phone, code)) {
      await tx
        .update(oneTimeCodes)
        .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
        .where(eq(oneTimeCodes.id, row.id));
      return false;
    }
    await tx.update(oneTimeCodes).set({ usedAt: new Date() }).where(eq(oneTimeCodes.id, row.id));
    return true;
  });
  if (!ok) throw new AppError('CODE_INVALID');
}

export async function loginWithCode(ctx: Ctx, input: { phone: string; code: string; sessionHours: number }) {
  await consumeCode(ctx, input.phone, 'login', input.code);
  const [user] = await ctx.db.select().from(users).where(eq(users.phone, input.phone));
  if (!user || user.disabledAt) throw new AppError('CODE_INVALID');
  return await createSession(ctx.db, {
    userId: user.id,
    hours: input.sessionHours,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
}

/** A resident signs up with a code sent to their phone; verification of a household comes after. */
export async function registerUser(
  ctx: Ctx,
  input: { phone: string; code: string; password: string; displayName: string; sessionHours: number },
) {
  await consumeCode(ctx, input.phone, 'register', input.code);
  const passwordHash = await hashPassword(input.password);
  return await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
    if (existing)
      throw new AppError('CONFLICT', {
        detail: { zh: '该手机号已注册，请直接登录', en: 'This phone is already registered; sign in instead' },
      });
    const [user] = await tx
      .insert(users)
      .values({ phone: input.phone, passwordHash, displayName: input.displayName })
      .returning({ id: users.id });
    const userId = user!.id;
    await recordAudit(
      tx,
      { ...ctx, user: { userId } },
      { action: 'user.register', subjectType: 'user', subjectId: userId, path: '/' },
    );
    return await createSession(tx, {
      userId,
      hours: input.sessionHours,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
}

export async function changePassword(
  ctx: Ctx & { user: NonNullable<Ctx['user']> },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', {
      errors: [
        { path: 'currentPassword', message: { zh: '当前密码不正确', en: 'The current password is wrong' } },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    // Other sessions end: a changed password should lock out whoever else had it.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, ctx.user.sessionId)));
    await recordAudit(tx, ctx, {
      action: 'user.passwordChange',
      subjectType: 'user',
      subjectId: user.id,
      path: '/',
    });
  });
  forgetCachedUser(user.id);
}

/** A forgotten password: a code sent to the phone sets a new one and ends every session. */
export async function resetPassword(ctx: Ctx, input: { phone: string; code: string; newPassword: string }) {
  await consumeCode(ctx, input.phone, 'reset', input.code);
  const [user] = await ctx.db.select().from(users).where(eq(users.phone, input.phone));
  if (!user || user.disabledAt) throw new AppError('CODE_INVALID');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(
      tx,
      { ...ctx, user: { userId: user.id } },
      { action: 'user.passwordReset', subjectType: 'user', subjectId: user.id, path: '/' },
    );
  });
  forgetCachedUser(user.id);
}
