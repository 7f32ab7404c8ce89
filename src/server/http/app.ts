import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { PgBoss } from 'pg-boss';
import { MODULES } from '../../modules/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { type BlobStore, FsBlobStore } from '../storage/blob-store.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandling, validatorCompiler } from './error-handler.ts';
import { registerOps } from './ops.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  pool: import('pg').Pool;
  boss?: PgBoss | undefined;
  /** Serve the built web app from dist/web (production); tests of the API alone skip it. */
  serveWeb?: boolean;
  /** Uploaded files; by default under `<DATA_DIR>/blobs`. */
  blobs?: BlobStore;
}

/** The dependencies as handlers see them: the blob store is always there. */
type AppServices = AppDeps & { blobs: BlobStore };

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppServices;
  }
}

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.LOG_LEVEL === 'silent'
        ? false
        : { level: deps.config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', {
    ...deps,
    blobs: deps.blobs ?? new FsBlobStore(path.join(deps.config.dataDir, 'blobs')),
  });
  app.setValidatorCompiler(validatorCompiler);
  // Presenters build every response from whitelisted fields; the zod check of the output runs in tests.
  app.setSerializerCompiler(
    deps.config.VALIDATE_RESPONSES ? serializerCompiler : () => (data) => JSON.stringify(data),
  );

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Linshe 邻舍 API',
        version: '1',
        description:
          'REST JSON API of Linshe. Errors are application/problem+json with a stable `code`; ' +
          'lists use cursor pagination (`cursor`, `limit`; the response carries `nextCursor`).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linshe_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = !!deps.serveWeb && fs.existsSync(path.join(WEB_DIR, 'index.html'));
  registerErrorHandling(app, { spaFallback: serveWeb });
  registerAuth(app);
  registerOps(app);
  for (const mod of MODULES) {
    await app.register(mod.routes, { prefix: '/api/v1' });
    if (mod.rootRoutes) await app.register(mod.rootRoutes);
  }

  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIR, wildcard: false, maxAge: '1h' });
  }
  return app;
}
