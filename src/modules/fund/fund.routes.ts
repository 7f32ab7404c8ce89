import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZStationParam } from '../../shared/limits.ts';
import {
  ZAccounts,
  ZExpense,
  ZIncome,
  ZOpenAccount,
  ZPostingParam,
  ZPostingQuery,
  ZPostings,
  ZRecorded,
  ZReverse,
  ZTransfer,
  ZVerification,
} from './fund.schema.ts';
import {
  fundAccess,
  listAccounts,
  listPostings,
  openAccount,
  recordExpense,
  recordIncome,
  recordTransfer,
  reversePosting,
} from './fund.ts';
import { verifyLedger } from './verify.ts';

const tags = ['fund'];

/** The self-governance fund 自治基金: accounts, the ledger and its chain check. */
export const fundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/fund',
    {
      schema: {
        tags,
        summary: "A station's fund accounts with their balances and the ledger's chain head",
        params: ZStationParam,
        response: { 200: ZAccounts },
      },
    },
    async (req) => listAccounts(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/fund/accounts',
    {
      schema: {
        tags,
        summary: 'Open an earmarked account (e.g. for one crowdfunding drive)',
        params: ZStationParam,
        body: ZOpenAccount,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await openAccount(authed(req), req.params.stationId, req.body)),
  );
  const posted = { 201: ZRecorded };
  app.post(
    '/stations/:stationId/fund/income',
    {
      schema: {
        tags,
        summary: 'Record money received, by source',
        params: ZStationParam,
        body: ZIncome,
        response: posted,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordIncome(authed(req), req.params.stationId, req.body)),
  );
  app.post(
    '/stations/:stationId/fund/expenses',
    {
      schema: {
        tags,
        summary: 'Record money paid out',
        params: ZStationParam,
        body: ZExpense,
        response: posted,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordExpense(authed(req), req.params.stationId, req.body)),
  );
  app.post(
    '/stations/:stationId/fund/transfers',
    {
      schema: {
        tags,
        summary: 'Move money between two accounts of the station',
        params: ZStationParam,
        body: ZTransfer,
        response: posted,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordTransfer(authed(req), req.params.stationId, req.body)),
  );
  app.post(
    '/fund-postings/:postingId/reverse',
    {
      schema: {
        tags,
        summary: 'Undo a posting by its mirror image (the ledger is never edited)',
        params: ZPostingParam,
        body: ZReverse,
        response: posted,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await reversePosting(authed(req), req.params.postingId, req.body.memo)),
  );
  app.get(
    '/stations/:stationId/fund/postings',
    {
      schema: {
        tags,
        summary: 'The ledger, newest first, each posting with its entries and their hashes',
        params: ZStationParam,
        querystring: ZPostingQuery,
        response: { 200: ZPostings },
      },
    },
    async (req) => listPostings(authed(req), req.params.stationId, req.query),
  );
  app.get(
    '/stations/:stationId/fund/verify',
    {
      schema: {
        tags,
        summary: "Check the ledger's hash chain, postings and balances; report the first broken link",
        params: ZStationParam,
        response: { 200: ZVerification },
      },
    },
    async (req) => {
      const ctx = authed(req);
      await fundAccess(ctx, req.params.stationId);
      return verifyLedger(ctx.db, req.params.stationId);
    },
  );
};
