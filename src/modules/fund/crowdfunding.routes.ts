import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZStationParam } from '../../shared/limits.ts';
import {
  ZClosed,
  ZCreateDrive,
  ZDonorPage,
  ZDrive,
  ZDriveHouseholdPage,
  ZDriveListQuery,
  ZDrivePage,
  ZDriveParam,
  ZHandedOver,
  ZHandover,
  ZHandoverPage,
  ZHouseholdQuery,
  ZPaid,
  ZPayment,
  ZPaymentPage,
  ZPaymentParam,
  ZPaymentQuery,
  ZPendingCash,
  ZPledge,
  ZPledged,
  ZReceipt,
} from './crowdfunding.schema.ts';
import { closeDrive, createDrive, driveDetail, listDrives } from './crowdfunding.ts';
import {
  listDonors,
  listDriveHouseholds,
  listHandovers,
  listPayments,
  paymentReceipt,
  pendingCash,
} from './crowdfunding-lists.ts';
import { confirmHandover, pledge, recordPayment } from './crowdfunding-money.ts';

const tags = ['fund'];

/** Crowdfunding 众筹: drives, pledges, payments with receipts, hand-overs of cash, progress by building. */
export const crowdfundingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/crowdfunding',
    {
      schema: {
        tags,
        summary: "A station's crowdfunding drives, newest first",
        params: ZStationParam,
        querystring: ZDriveListQuery,
        response: { 200: ZDrivePage },
      },
    },
    async (req) => listDrives(authed(req), req.params.stationId, req.query),
  );
  app.post(
    '/stations/:stationId/crowdfunding',
    {
      schema: {
        tags,
        summary: 'Open a drive with its own earmarked account',
        params: ZStationParam,
        body: ZCreateDrive,
        response: { 201: z.object({ id: z.number(), accountId: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createDrive(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/crowdfunding/:driveId',
    {
      schema: {
        tags,
        summary: 'A drive with its progress overall and by building, and the user’s own households',
        params: ZDriveParam,
        response: { 200: ZDrive },
      },
    },
    async (req) => driveDetail(authed(req), req.params.driveId),
  );
  app.post(
    '/crowdfunding/:driveId/close',
    {
      schema: {
        tags,
        summary: 'Close a drive: no more pledges or payments; returns what it raised',
        params: ZDriveParam,
        response: { 200: ZClosed },
      },
    },
    async (req) => closeDrive(authed(req), req.params.driveId),
  );
  app.post(
    '/crowdfunding/:driveId/pledges',
    {
      schema: {
        tags,
        summary: "A household's pledge (a later one replaces it): residents for their own, staff for any",
        params: ZDriveParam,
        body: ZPledge,
        response: { 201: ZPledged },
      },
    },
    async (req, reply) => reply.status(201).send(await pledge(authed(req), req.params.driveId, req.body)),
  );
  app.post(
    '/crowdfunding/:driveId/payments',
    {
      schema: {
        tags,
        summary: 'A payment with its receipt number: cash door to door, or desk / transfer posted at once',
        params: ZDriveParam,
        body: ZPayment,
        response: { 201: ZPaid },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordPayment(authed(req), req.params.driveId, req.body)),
  );
  app.get(
    '/crowdfunding/:driveId/payments',
    {
      schema: {
        tags,
        summary: 'Payments with their receipts (a collector sees his own)',
        params: ZDriveParam,
        querystring: ZPaymentQuery,
        response: { 200: ZPaymentPage },
      },
    },
    async (req) => listPayments(authed(req), req.params.driveId, req.query),
  );
  app.get(
    '/crowdfunding/:driveId/donors',
    {
      schema: {
        tags,
        summary: 'Who gave, masked (3幢1单元 王**) unless the donor agreed to show the name, or 匿名',
        params: ZDriveParam,
        querystring: ZDriveListQuery,
        response: { 200: ZDonorPage },
      },
    },
    async (req) => listDonors(authed(req), req.params.driveId, req.query),
  );
  app.get(
    '/crowdfunding/:driveId/households',
    {
      schema: {
        tags,
        summary: 'The households asked that the user may take money from, with pledges and payments',
        params: ZDriveParam,
        querystring: ZHouseholdQuery,
        response: { 200: ZDriveHouseholdPage },
      },
    },
    async (req) => listDriveHouseholds(authed(req), req.params.driveId, req.query),
  );
  app.get(
    '/crowdfunding/:driveId/cash',
    {
      schema: {
        tags,
        summary: 'Cash collected and not yet handed in, by collector',
        params: ZDriveParam,
        response: { 200: ZPendingCash },
      },
    },
    async (req) => pendingCash(authed(req), req.params.driveId),
  );
  app.get(
    '/crowdfunding/:driveId/handovers',
    {
      schema: {
        tags,
        summary: 'Confirmed hand-overs of cash, newest first',
        params: ZDriveParam,
        querystring: ZDriveListQuery,
        response: { 200: ZHandoverPage },
      },
    },
    async (req) => listHandovers(authed(req), req.params.driveId, req.query),
  );
  app.post(
    '/crowdfunding/:driveId/handovers',
    {
      schema: {
        tags,
        summary: "Confirm a collector's hand-over (not one's own): one income posting for the cash counted",
        params: ZDriveParam,
        body: ZHandover,
        response: { 201: ZHandedOver },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await confirmHandover(authed(req), req.params.driveId, req.body)),
  );
  app.get(
    '/crowdfunding-payments/:paymentId/receipt',
    {
      schema: {
        tags,
        summary: "A payment's receipt: for its collector, fund staff and the household",
        params: ZPaymentParam,
        response: { 200: ZReceipt },
      },
    },
    async (req) => paymentReceipt(authed(req), req.params.paymentId),
  );
};
