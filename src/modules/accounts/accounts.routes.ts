import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed, ctxOf } from '../../server/http/context.ts';
import { ZIdParam, ZOk } from '../../shared/limits.ts';
import {
  ZChangePasswordRequest,
  ZCodeLoginRequest,
  ZCodeRequest,
  ZGrantRoleRequest,
  ZLoginRequest,
  ZMeResponse,
  ZPreferencesRequest,
  ZRegisterRequest,
  ZResetPasswordRequest,
} from './accounts.schema.ts';
import { grantRole, revokeRole } from './grant-role.ts';
import {
  changePassword,
  loginWithCode,
  loginWithPassword,
  registerUser,
  resetPassword,
  sendOneTimeCode,
} from './login.ts';
import { getMe, updatePreferences } from './me.ts';
import { deleteSession, loadSessionUser, SESSION_COOKIE } from './sessions.ts';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const loginLimit = {
    max: config.LOGIN_RATE_LIMIT,
    timeWindow: '15 minutes',
    hook: 'preHandler' as const,
    keyGenerator: (req: { ip: string; body?: unknown }) =>
      `${req.ip}|${String((req.body as { phone?: unknown } | undefined)?.phone ?? '')}`,
  };

  async function startSession(
    reply: FastifyReply,
    session: { token: string; expiresAt: Date },
    req: Parameters<typeof ctxOf>[0],
  ) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.COOKIE_SECURE,
      expires: session.expiresAt,
    });
    req.user = await loadSessionUser(app.deps.db, session.token);
    return getMe(authed(req));
  }

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with phone and password',
        security: [],
        body: ZLoginRequest,
        response: { 200: ZMeResponse },
      },
      config: { public: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const session = await loginWithPassword(ctxOf(req), {
        ...req.body,
        sessionHours: config.SESSION_HOURS,
      });
      return startSession(reply, session, req);
    },
  );

  app.post(
    '/auth/code',
    {
      schema: {
        tags,
        summary: 'Send a one-time code to a phone',
        security: [],
        body: ZCodeRequest,
        response: { 200: ZOk },
      },
      config: { public: true, rateLimit: { ...loginLimit, max: 5 } },
    },
    async (req) => {
      await sendOneTimeCode(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/login-code',
    {
      schema: {
        tags,
        summary: 'Sign in with a one-time code',
        security: [],
        body: ZCodeLoginRequest,
        response: { 200: ZMeResponse },
      },
      config: { public: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const session = await loginWithCode(ctxOf(req), { ...req.body, sessionHours: config.SESSION_HOURS });
      return startSession(reply, session, req);
    },
  );

  app.post(
    '/auth/register',
    {
      schema: {
        tags,
        summary: 'Create an account with a one-time code',
        security: [],
        body: ZRegisterRequest,
        response: { 200: ZMeResponse },
      },
      config: { public: true, rateLimit: loginLimit },
    },
    async (req, reply) => {
      const session = await registerUser(ctxOf(req), { ...req.body, sessionHours: config.SESSION_HOURS });
      return startSession(reply, session, req);
    },
  );

  app.post(
    '/auth/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password with a one-time code (ends every session)',
        security: [],
        body: ZResetPasswordRequest,
        response: { 200: ZOk },
      },
      config: { public: true, rateLimit: loginLimit },
    },
    async (req) => {
      await resetPassword(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 200: ZOk } } },
    async (req, reply) => {
      const ctx = authed(req);
      await deleteSession(ctx.db, ctx.user.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, grants, abilities and households',
        response: { 200: ZMeResponse },
      },
    },
    async (req) => getMe(authed(req)),
  );

  app.patch(
    '/me/preferences',
    {
      schema: {
        tags,
        summary: 'Large mode and language',
        body: ZPreferencesRequest,
        response: { 200: ZMeResponse },
      },
    },
    async (req) => updatePreferences(authed(req), req.body),
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change password (ends other sessions)',
        body: ZChangePasswordRequest,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await changePassword(authed(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/role-grants',
    {
      schema: {
        tags,
        summary: 'Grant a role on a node',
        body: ZGrantRoleRequest,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await grantRole(authed(req), req.body) }),
  );
  app.delete(
    '/role-grants/:id',
    { schema: { tags, summary: 'Revoke a role grant', params: ZIdParam, response: { 200: ZOk } } },
    async (req) => {
      await revokeRole(authed(req), req.params.id);
      return { ok: true as const };
    },
  );
};
