import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZStationParam } from '../../shared/limits.ts';
import {
  ZApproval,
  ZApprovalQuery,
  ZApprovals,
  ZAreaParam,
  ZDecide,
  ZFundRules,
  ZSetRules,
} from './approvals.schema.ts';
import { decideApproval, getApproval, listApprovals, withdrawApproval } from './approvals.ts';
import { getAreaRules, getStationRules, setAreaRules, setStationRules } from './fund-rules.ts';

const tags = ['fund'];

/** The fund rules' approval levels by amount, and the approvals they call for. */
export const approvalsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/fund/rules',
    {
      schema: {
        tags,
        summary: "A station's approval levels by amount, and where each limit comes from",
        params: ZStationParam,
        response: { 200: ZFundRules },
      },
    },
    async (req) => getStationRules(authed(req), req.params.stationId),
  );
  app.put(
    '/stations/:stationId/fund/rules',
    {
      schema: {
        tags,
        summary: "Set (stricter than the district's) or remove a station's own limits",
        params: ZStationParam,
        body: ZSetRules,
        response: { 200: ZFundRules },
      },
    },
    async (req) => setStationRules(authed(req), req.params.stationId, req.body.bands),
  );
  app.get(
    '/areas/:areaId/fund/rules',
    {
      schema: {
        tags,
        summary: "An area's (e.g. a district's) approval levels by amount",
        params: ZAreaParam,
        response: { 200: ZFundRules },
      },
    },
    async (req) => getAreaRules(authed(req), req.params.areaId),
  );
  app.put(
    '/areas/:areaId/fund/rules',
    {
      schema: {
        tags,
        summary: "Set or remove an area's limits (station.policy)",
        params: ZAreaParam,
        body: ZSetRules,
        response: { 200: ZFundRules },
      },
    },
    async (req) => setAreaRules(authed(req), req.params.areaId, req.body.bands),
  );
  app.get(
    '/stations/:stationId/fund/approvals',
    {
      schema: {
        tags,
        summary: "A station's approval requests, newest first",
        params: ZStationParam,
        querystring: ZApprovalQuery,
        response: { 200: ZApprovals },
      },
    },
    async (req) => listApprovals(authed(req), req.params.stationId, req.query),
  );
  app.get(
    '/fund-approvals/:id',
    {
      schema: { tags, summary: 'One approval request', params: ZIdParam, response: { 200: ZApproval } },
    },
    async (req) => getApproval(authed(req), req.params.id),
  );
  app.post(
    '/fund-approvals/:id/decide',
    {
      schema: {
        tags,
        summary: 'Approve or reject at the level that decides next (never one’s own request)',
        params: ZIdParam,
        body: ZDecide,
        response: { 200: ZApproval },
      },
    },
    async (req) => decideApproval(authed(req), req.params.id, req.body),
  );
  app.post(
    '/fund-approvals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my pending request',
        params: ZIdParam,
        response: { 200: ZApproval },
      },
    },
    async (req) => withdrawApproval(authed(req), req.params.id),
  );
};
