import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { invalidInput } from '../../server/http/error-handler.ts';
import { AppError } from '../../server/http/errors.ts';
import { text, ZOk, ZStationParam } from '../../shared/limits.ts';
import { readPhotoUpload, sendPhoto, ZPhotoQuery } from '../requests/index.ts';
import { castOnline, enterBallot } from './cast-ballot.ts';
import { managedVote } from './vote-access.ts';
import { ballotList, ballotPhoto, checkReceipt, listElectors, recountFile } from './vote-records.ts';
import {
  ZBallotList,
  ZCastReceipt,
  ZCreateVote,
  ZElectorParam,
  ZElectorQuery,
  ZElectors,
  ZEnteredBallot,
  ZOnlineBallot,
  ZReceiptCheck,
  ZReceiptParam,
  ZVote,
  ZVoteParam,
  ZVoteSummary,
} from './votes.schema.ts';
import { cancelVote, closeVote, createVote, getVote, listVotes, openVote } from './votes.ts';

const tags = ['deliberation'];

/** A paper or door-to-door ballot's multipart fields: electorId, choices (comma-separated), proxy fields. */
function enteredFields(fields: Record<string, string>) {
  const parsed = ZEnteredBallot.safeParse({
    electorId: fields.electorId,
    choices: fields.choices ? fields.choices.split(',').map((c) => c.trim()) : [],
    proxyName: fields.proxyName || undefined,
    proxyAuthorisation: fields.proxyAuthorisation || undefined,
  });
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  return parsed.data;
}

export const votesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/votes',
    {
      schema: {
        tags,
        summary: "A station's votes, newest first (drafts for its staff only)",
        params: ZStationParam,
        response: { 200: z.object({ items: z.array(ZVoteSummary), canCreate: z.boolean() }) },
      },
    },
    async (req) => listVotes(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/votes',
    {
      schema: {
        tags,
        summary: 'Set up a vote (a draft): scope, electorate, method, options, rule, secrecy, closing time',
        params: ZStationParam,
        body: ZCreateVote,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createVote(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/votes/:voteId',
    {
      schema: {
        tags,
        summary:
          'A vote: its rules, live turnout by heads and area, the result once closed, and what I may cast',
        params: ZVoteParam,
        response: { 200: ZVote },
      },
    },
    async (req) => getVote(authed(req), req.params.voteId),
  );
  app.post(
    '/votes/:voteId/open',
    {
      schema: {
        tags,
        summary: 'Open a draft: the electorate is frozen',
        params: ZVoteParam,
        response: { 200: ZOk },
      },
    },
    async (req) => openVote(authed(req), req.params.voteId),
  );
  app.post(
    '/votes/:voteId/close',
    {
      schema: {
        tags,
        summary: 'Close and count: the result and the digest of every ballot are frozen',
        params: ZVoteParam,
        response: { 200: ZOk },
      },
    },
    async (req) => closeVote(authed(req), req.params.voteId),
  );
  app.post(
    '/votes/:voteId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a draft or an open vote, with the reason',
        params: ZVoteParam,
        body: z.object({ reason: text(500).pipe(z.string().min(1)) }),
        response: { 200: ZOk },
      },
    },
    async (req) => cancelVote(authed(req), req.params.voteId, req.body.reason),
  );
  app.post(
    '/votes/:voteId/ballots',
    {
      schema: {
        tags,
        summary:
          'Cast my ballot online (or, with X-On-Behalf-Of, as the registered family proxy); returns the receipt code, shown once',
        params: ZVoteParam,
        body: ZOnlineBallot,
        response: { 201: ZCastReceipt },
      },
    },
    async (req, reply) => reply.status(201).send(await castOnline(authed(req), req.params.voteId, req.body)),
  );
  for (const [channel, summary] of [
    [
      'paper',
      'Enter a paper ballot at the desk (multipart: electorId, choices, proxyName, proxyAuthorisation, file = photo of the signed ballot)',
    ],
    [
      'door',
      'Enter a ballot collected door to door (multipart: electorId, choices, proxy fields, optional photo)',
    ],
  ] as const) {
    app.post(
      `/votes/:voteId/${channel}-ballots`,
      {
        schema: {
          tags,
          summary,
          params: ZVoteParam,
          consumes: ['multipart/form-data'],
          response: { 201: ZCastReceipt },
        },
      },
      async (req, reply) => {
        const ctx = authed(req);
        const { data, fields } = await readPhotoUpload(req);
        const input = enteredFields(fields);
        const receipt = await enterBallot(
          ctx,
          req.server.deps.blobs,
          req.params.voteId,
          channel,
          input,
          data,
        );
        return reply.status(201).send(receipt);
      },
    );
  }
  app.get(
    '/votes/:voteId/electors',
    {
      schema: {
        tags,
        summary:
          'The electorate and who has voted (how, only in open-ballot votes); building leaders see their buildings',
        params: ZVoteParam,
        querystring: ZElectorQuery,
        response: { 200: ZElectors },
      },
    },
    async (req) => listElectors(authed(req), req.params.voteId, req.query),
  );
  app.get(
    '/votes/:voteId/electors/:electorId/ballot-photo',
    {
      schema: {
        tags,
        summary:
          "The photo of an elector's signed paper ballot (JPEG), for desk staff; never for a secret vote",
        params: ZElectorParam,
        querystring: ZPhotoQuery,
      },
    },
    async (req, reply) => {
      const photo = await ballotPhoto(authed(req), req.server.deps.blobs, {
        ...req.params,
        size: req.query.size,
      });
      return sendPhoto(reply, photo, req.query.size);
    },
  );
  app.get(
    '/votes/:voteId/receipts/:code',
    {
      schema: {
        tags,
        summary: 'Check a receipt code: counted, superseded by a later ballot, or unknown',
        params: ZReceiptParam,
        response: { 200: ZReceiptCheck },
      },
    },
    async (req) => checkReceipt(authed(req), req.params.voteId, req.params.code),
  );
  app.get(
    '/votes/:voteId/ballot-list',
    {
      schema: {
        tags,
        summary: "A closed vote's counted ballots (receipt hash and choices, no names) and their digest",
        params: ZVoteParam,
        response: { 200: ZBallotList },
      },
    },
    async (req) => ballotList(authed(req), req.params.voteId),
  );
  app.get(
    '/votes/:voteId/recount-file',
    {
      schema: {
        tags,
        summary:
          "A closed open-ballot vote's recount file (docs/votes.md); secret votes: `linshe vote export` only",
        params: ZVoteParam,
      },
    },
    async (req, reply) => {
      const { vote } = await managedVote(authed(req), req.params.voteId);
      if (vote.status !== 'closed' || vote.secret) throw new AppError('INVALID_STATE');
      return reply
        .header('content-disposition', `attachment; filename="vote-${vote.id}-recount.json"`)
        .send(await recountFile(req.server.deps.db, vote));
    },
  );
};
