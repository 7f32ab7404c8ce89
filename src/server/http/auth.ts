import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (sign-in, codes, registration). */
    public?: boolean;
  }
}

import { loadSessionUser, SESSION_COOKIE } from '../../modules/accounts/index.ts';

/** Loads the signed-in user (if any) from the session cookie before API handlers run. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.user = await loadSessionUser(app.deps.db, token);
  });
  // Authentication is checked before input validation, so a signed-out caller learns nothing more.
  app.addHook('preValidation', async (req) => {
    if (!req.user && !req.is404 && req.url.startsWith('/api/v1/') && !req.routeOptions.config.public)
      throw new AppError('UNAUTHENTICATED');
  });
}
