import type { FastifyRequest } from 'fastify';
import type { Grant } from '../../modules/accounts/policy.ts';
import type { Db } from '../db/client.ts';
import { AppError, type Lang, pickLang } from './errors.ts';

/** The signed-in person behind a request, with everything permission checks need. */
export interface CurrentUser {
  userId: number;
  displayName: string;
  phone: string;
  largeMode: boolean;
  locale: string;
  grants: Grant[];
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}

/** What every use case receives: the database, who acts, from where, in which language. */
export interface Ctx {
  db: Db;
  user: CurrentUser | null;
  ip: string;
  userAgent: string | null;
  lang: Lang;
  /** The resident a staff member or family proxy says they act for (header `X-On-Behalf-Of`). */
  onBehalfOf: number | null;
}

export function ctxOf(req: FastifyRequest): Ctx {
  const header = req.headers['x-on-behalf-of'];
  const onBehalfOf = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : null;
  if (typeof header === 'string' && onBehalfOf === null) {
    throw new AppError('VALIDATION', {
      detail: { zh: 'X-On-Behalf-Of 必须是居民编号', en: 'X-On-Behalf-Of must be a resident id' },
    });
  }
  return {
    db: req.server.deps.db,
    user: req.user,
    ip: req.ip,
    userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
    lang: pickLang(req.headers['accept-language']),
    onBehalfOf,
  };
}

export interface AuthedCtx extends Ctx {
  user: CurrentUser;
}

export function authed(req: FastifyRequest): AuthedCtx {
  const ctx = ctxOf(req);
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx as AuthedCtx;
}
