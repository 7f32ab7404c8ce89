import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pgErrorCode } from '../../server/db/client.ts';
import { ctxOf } from '../../server/http/context.ts';
import { validationErrors } from '../../server/http/error-handler.ts';
import { AppError, type Lang, pickLang, say } from '../../server/http/errors.ts';
import { ERRORS } from '../../shared/errors.ts';
import { discovery } from './discovery.ts';
import {
  CONTENT_TYPES,
  type Format,
  formatOfUrl,
  list,
  open311Status,
  render,
  type Value,
} from './format.ts';
import { jurisdictionOf, resolveJurisdiction } from './jurisdiction.ts';
import { liveKey } from './keys.ts';
import {
  ZFormatParam,
  ZJurisdictionQuery,
  ZPostRequestBody,
  ZRequestParam,
  ZRequestsQuery,
  ZServiceParam,
  ZUpdatesQuery,
} from './open311.schema.ts';
import type { open311Keys } from './open311.tables.ts';
import { type PostBody, postServiceRequest } from './post-request.ts';
import { requestsFilter, updatesRange } from './queries.ts';
import { getServiceRequest, listServiceRequests, listUpdates } from './service-requests.ts';
import { listServices, serviceDefinition } from './services.ts';

const tags = ['open311'];
// GeoReport v2 answers without a session; POST requests carry the client's api_key instead.
const config = { public: true };
const langOf = (req: FastifyRequest): Lang => pickLang(req.headers['accept-language']);

function send(reply: FastifyReply, format: Format, root: string, value: Value) {
  return reply.type(CONTENT_TYPES[format]).send(render(format, root, value));
}

/**
 * The spec's errors body. Its HTTP status is 404 for what does not exist, 403 for a missing or wrong
 * api_key, and 400 for anything else the request got wrong; `code` repeats the status as a string.
 */
function sendErrors(reply: FastifyReply, format: Format, status: number, descriptions: readonly string[]) {
  const errors = descriptions.map((description) => ({ code: String(status), description }));
  return send(reply.status(status), format, 'errors', list('error', errors));
}

/** The format an answer (or an error) is in: the path's extension, XML when it has none. */
function formatOf(req: FastifyRequest): Format {
  const asked = (req.params as { format?: unknown } | undefined)?.format;
  return asked === 'json' || asked === 'xml' ? asked : formatOfUrl(req.url);
}

/** Errors leave as the spec's errors body: 404 missing, 403 api_key, 400 anything else; never a stack. */
function sendError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  let status: number;
  let descriptions: string[];
  const fields = validationErrors(err, lang);
  if (err instanceof AppError) {
    status = open311Status(err.code);
    descriptions = err.errors?.length
      ? err.errors.map((e) => `${e.path}: ${say(e.message, lang)}`)
      : [say(err.detail ?? ERRORS[err.code], lang)];
  } else if (fields) {
    // A bad path parameter (format, code, id) names a resource that does not exist.
    status = err.validationContext === 'params' ? 404 : 400;
    descriptions =
      status === 404
        ? [say(ERRORS.NOT_FOUND, lang)]
        : fields.map((f) => {
            const path = f.path.replace(/^(body|querystring)\.?/, '');
            return path ? `${path}: ${f.message}` : f.message;
          });
  } else {
    const pg = pgErrorCode(err);
    const code = err.statusCode ?? 500;
    status = pg ? (pg === '23503' ? 404 : 400) : code === 404 ? 404 : code >= 400 && code < 500 ? 400 : 500;
    descriptions = [
      say(status === 404 ? ERRORS.NOT_FOUND : status === 400 ? ERRORS.BAD_REQUEST : ERRORS.INTERNAL, lang),
    ];
    if (status === 500) req.log.error({ err }, 'unhandled error');
  }
  return sendErrors(reply, formatOf(req), status, descriptions);
}

const keys = new WeakMap<FastifyRequest, typeof open311Keys.$inferSelect>();

/** GeoReport v2 under /open311: discovery, services, service definitions, requests, updates. */
const georeport: FastifyPluginAsyncZod = async (app) => {
  await app.register(formbody);
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((req, reply) => {
    const text = say(
      { zh: '没有这个资源，见 /open311/discovery.xml', en: 'No such resource; see /open311/discovery.xml' },
      langOf(req),
    );
    return sendErrors(reply, formatOfUrl(req.url), 404, [text]);
  });
  const db = app.deps.db;

  app.get(
    '/discovery.:format',
    { schema: { tags, summary: 'Open311 service discovery', params: ZFormatParam, security: [] }, config },
    async (req, reply) =>
      send(reply, req.params.format, 'discovery', discovery(`${req.protocol}://${req.host}`, langOf(req))),
  );
  app.get(
    '/v2/services.:format',
    {
      schema: {
        tags,
        summary: 'GeoReport v2: GET services',
        params: ZFormatParam,
        querystring: ZJurisdictionQuery,
        security: [],
      },
      config,
    },
    async (req, reply) => {
      const station = await resolveJurisdiction(db, req.query.jurisdiction_id);
      return send(reply, req.params.format, 'services', await listServices(db, station));
    },
  );
  app.get(
    '/v2/services/:service_code.:format',
    {
      schema: {
        tags,
        summary: 'GeoReport v2: GET a service definition (the category’s questions as attributes)',
        params: ZServiceParam,
        querystring: ZJurisdictionQuery,
        security: [],
      },
      config,
    },
    async (req, reply) => {
      const station = await resolveJurisdiction(db, req.query.jurisdiction_id);
      const definition = await serviceDefinition(db, station, req.params.service_code, langOf(req));
      return send(reply, req.params.format, 'service_definition', definition);
    },
  );
  app.post(
    '/v2/requests.:format',
    {
      schema: {
        tags,
        summary: 'GeoReport v2: POST a service request (api_key required)',
        consumes: ['application/x-www-form-urlencoded'],
        params: ZFormatParam,
        body: ZPostRequestBody,
        security: [],
      },
      config,
      // The key is checked before the input, as sessions are elsewhere: no key, no further answer.
      preValidation: async (req) => {
        const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
        const key = typeof body.api_key === 'string' ? await liveKey(db, body.api_key.trim()) : null;
        if (!key) {
          throw new AppError('FORBIDDEN', {
            detail: { zh: '缺少 api_key 或 api_key 无效', en: 'Missing or invalid api_key' },
          });
        }
        const jurisdiction = body.jurisdiction_id;
        if (
          jurisdiction !== undefined &&
          jurisdiction !== '' &&
          jurisdiction !== jurisdictionOf(key.stationId)
        ) {
          throw new AppError('FORBIDDEN', {
            detail: {
              zh: '该 api_key 不属于此 jurisdiction_id',
              en: 'This api_key is not valid for this jurisdiction_id',
            },
          });
        }
        keys.set(req, key);
      },
    },
    async (req, reply) => {
      const created = await postServiceRequest(ctxOf(req), keys.get(req)!, req.body as PostBody, langOf(req));
      return send(reply, req.params.format, 'service_requests', created);
    },
  );
  app.get(
    '/v2/requests.:format',
    {
      schema: {
        tags,
        summary: 'GeoReport v2: GET service requests (public ones; nothing personal)',
        params: ZFormatParam,
        querystring: ZRequestsQuery,
        security: [],
      },
      config,
    },
    async (req, reply) => {
      const station = await resolveJurisdiction(db, req.query.jurisdiction_id);
      const found = await listServiceRequests(db, station, requestsFilter(req.query), langOf(req));
      return send(reply, req.params.format, 'service_requests', found);
    },
  );
  app.get(
    '/v2/requests/:service_request_id.:format',
    {
      schema: {
        tags,
        summary: 'GeoReport v2: GET a service request (jurisdiction_id optional: the id names it)',
        params: ZRequestParam,
        querystring: ZJurisdictionQuery,
        security: [],
      },
      config,
    },
    async (req, reply) => {
      const id = Number(req.params.service_request_id);
      const found = await getServiceRequest(db, req.query.jurisdiction_id, id, langOf(req));
      return send(reply, req.params.format, 'service_requests', found);
    },
  );
  app.get(
    '/v2/servicerequestupdates.:format',
    {
      schema: {
        tags,
        summary: 'GET service request updates (status changes; default: the last 24 hours)',
        params: ZFormatParam,
        querystring: ZUpdatesQuery,
        security: [],
      },
      config,
    },
    async (req, reply) => {
      const station = await resolveJurisdiction(db, req.query.jurisdiction_id);
      const updates = await listUpdates(db, station, updatesRange(req.query));
      return send(reply, req.params.format, 'service_request_updates', updates);
    },
  );
};

export const georeportRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(georeport, { prefix: '/open311' });
};
