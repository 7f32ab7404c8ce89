import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam } from '../../shared/limits.ts';
import { requestFiguresAt } from './figures.ts';
import {
  ZFiguresQuery,
  ZFiguresResponse,
  ZPublicParams,
  ZPublicQuery,
  ZPublicRequestDetail,
  ZPublicRequestPage,
  ZRequestSettings,
  ZSimilarQuery,
  ZSimilarResponse,
  ZSupportResponse,
  ZUpdateRequestSettings,
} from './insights.schema.ts';
import { getPublicRequest, listPublicRequests } from './public-requests.ts';
import { getRequestSettings, updateRequestSettings } from './request-settings.ts';
import { ZStationParam } from './requests.schema.ts';
import { similarRequests, supportRequest } from './similar-requests.ts';

const tags = ['requests'];

/** Figures, the public view, "+1" and the station's request settings. */
export const insightsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/figures/requests',
    {
      schema: {
        tags,
        summary:
          'Requests figures of a station or an area for a period, and of each child node (docs/figures-requests.md)',
        querystring: ZFiguresQuery,
        response: { 200: ZFiguresResponse },
      },
    },
    async (req) => requestFiguresAt(authed(req), req.query),
  );
  app.get(
    '/requests/similar',
    {
      schema: {
        tags,
        summary: 'Open public requests like the one being filed (to "+1" instead of filing a duplicate)',
        querystring: ZSimilarQuery,
        response: { 200: ZSimilarResponse },
      },
    },
    async (req) => ({ items: await similarRequests(authed(req), req.query) }),
  );
  app.post(
    '/requests/:id/support',
    {
      schema: {
        tags,
        summary: '"+1" an open public request of one\'s compound (idempotent)',
        params: ZIdParam,
        response: { 200: ZSupportResponse },
      },
    },
    async (req) => supportRequest(authed(req), req.params.id, true),
  );
  app.delete(
    '/requests/:id/support',
    {
      schema: {
        tags,
        summary: 'Take back one\'s "+1" (idempotent)',
        params: ZIdParam,
        response: { 200: ZSupportResponse },
      },
    },
    async (req) => supportRequest(authed(req), req.params.id, false),
  );
  app.get(
    '/stations/:stationId/public-requests',
    {
      schema: {
        tags,
        summary: "A station's public requests as its residents see them (no names, phones or rooms)",
        params: ZStationParam,
        querystring: ZPublicQuery,
        response: { 200: ZPublicRequestPage },
      },
    },
    async (req) => listPublicRequests(authed(req), req.params.stationId, req.query),
  );
  app.get(
    '/stations/:stationId/public-requests/:id',
    {
      schema: {
        tags,
        summary: 'A public request with its public timeline',
        params: ZPublicParams,
        response: { 200: ZPublicRequestDetail },
      },
    },
    async (req) => getPublicRequest(authed(req), req.params.stationId, req.params.id),
  );
  app.get(
    '/stations/:stationId/request-settings',
    {
      schema: {
        tags,
        summary: "A station's request settings (auto-close days)",
        params: ZStationParam,
        response: { 200: ZRequestSettings },
      },
    },
    async (req) => getRequestSettings(authed(req), req.params.stationId),
  );
  app.put(
    '/stations/:stationId/request-settings',
    {
      schema: {
        tags,
        summary: "Set a station's request settings",
        params: ZStationParam,
        body: ZUpdateRequestSettings,
        response: { 200: ZRequestSettings },
      },
    },
    async (req) => updateRequestSettings(authed(req), req.params.stationId, req.body),
  );
};
