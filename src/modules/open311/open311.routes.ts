import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZOk } from '../../shared/limits.ts';
import { createKey, listKeys, revokeKey } from './keys.ts';
import { ZCreatedOpen311Key, ZCreateOpen311Key, ZOpen311KeyList, ZStationParam } from './open311.schema.ts';

const tags = ['open311'];

/** Station admins manage the client keys Open311 clients post requests with. */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/open311-keys',
    {
      schema: {
        tags,
        summary: "A station's Open311 client keys (never the keys themselves) and its jurisdiction_id",
        params: ZStationParam,
        response: { 200: ZOpen311KeyList },
      },
    },
    async (req) => listKeys(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/open311-keys',
    {
      schema: {
        tags,
        summary: 'Make an Open311 client key; the answer is the only time the key is shown',
        params: ZStationParam,
        body: ZCreateOpen311Key,
        response: { 201: ZCreatedOpen311Key },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createKey(authed(req), req.params.stationId, req.body)),
  );
  app.delete(
    '/open311-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an Open311 client key (posts with it are refused from then on)',
        params: ZIdParam,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await revokeKey(authed(req), req.params.id);
      return { ok: true as const };
    },
  );
};
