import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZOk, ZStationParam } from '../../shared/limits.ts';
import { photoRequired, readPhotoUpload } from '../requests/index.ts';
import { ZRecorded } from './fund.schema.ts';
import { getProject } from './project-detail.ts';
import { addExpense, requestOverBudget } from './project-expenses.ts';
import { moveProject } from './project-moves.ts';
import { readReceipt, uploadReceipt } from './project-receipts.ts';
import { answerObjection, evaluateProject, giveAcceptance, raiseObjection } from './project-residents.ts';
import {
  ZAcceptanceInput,
  ZAnswerInput,
  ZCreated,
  ZEvaluationInput,
  ZExpenseInput,
  ZMove,
  ZObjectionInput,
  ZOverBudgetInput,
  ZPeople,
  ZPeopleQuery,
  ZProject,
  ZProjectInput,
  ZProjectList,
  ZProjectQuery,
  ZReceiptAdded,
} from './projects.schema.ts';
import { PROJECT_STAGES } from './projects.tables.ts';
import { createProject, editProject, listProjects, projectPeople } from './projects.ts';

const tags = ['fund projects'];

/** Self-governance projects 自治项目: applications, moves, money, and what residents say. */
export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/fund-projects',
    {
      schema: {
        tags,
        summary: "A station's projects, newest first (residents: from the approved budget on)",
        params: ZStationParam,
        querystring: ZProjectQuery,
        response: { 200: ZProjectList },
      },
    },
    async (req) => listProjects(authed(req), req.params.stationId, req.query),
  );
  app.post(
    '/stations/:stationId/fund-projects',
    {
      schema: {
        tags,
        summary:
          'Apply for a project (fund.post): origin, people, budget lines with their sources, milestones',
        params: ZStationParam,
        body: ZProjectInput,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createProject(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/stations/:stationId/fund-project-people',
    {
      schema: {
        tags,
        summary: 'Whom a project may name: the station’s staff, council and verified residents with accounts',
        params: ZStationParam,
        querystring: ZPeopleQuery,
        response: { 200: ZPeople },
      },
    },
    async (req) => projectPeople(authed(req), req.params.stationId, req.query.q),
  );
  app.get(
    '/fund-projects/:id',
    {
      schema: {
        tags,
        summary: 'One project: budget against actual per line, work, money, residents’ say, abilities',
        params: ZIdParam,
        response: { 200: ZProject },
      },
    },
    async (req) => getProject(authed(req), req.params.id),
  );
  app.put(
    '/fund-projects/:id',
    {
      schema: {
        tags,
        summary: 'Revise an application (all of it)',
        params: ZIdParam,
        body: ZProjectInput,
        response: { 200: ZCreated },
      },
    },
    async (req) => editProject(authed(req), req.params.id, req.body),
  );
  app.post(
    '/fund-projects/:id/move',
    {
      schema: {
        tags,
        summary:
          'Move the project on: submit (asks for approval), withdraw, toAcceptance, rework, toSettlement, settle, toEvaluation, close',
        params: ZIdParam,
        body: ZMove,
        response: { 200: z.object({ stage: z.enum(PROJECT_STAGES) }) },
      },
    },
    async (req) => moveProject(authed(req), req.params.id, req.body),
  );
  app.post(
    '/fund-projects/:id/over-budget',
    {
      schema: {
        tags,
        summary: 'Ask to spend beyond a budget line (approved by the fund rules’ levels)',
        params: ZIdParam,
        body: ZOverBudgetInput,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestOverBudget(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/fund-projects/:id/expenses',
    {
      schema: {
        tags,
        summary: 'An expense against a budget line, from the project’s account, with its receipts',
        params: ZIdParam,
        body: ZExpenseInput,
        response: { 201: ZRecorded },
      },
    },
    async (req, reply) => reply.status(201).send(await addExpense(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/fund-projects/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Upload a receipt (multipart: file; an image or a PDF up to 10 MB, checked by its bytes)',
        params: ZIdParam,
        consumes: ['multipart/form-data'],
        response: { 201: ZReceiptAdded },
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      const { data, name } = await readPhotoUpload(req);
      if (!data) throw photoRequired();
      return reply
        .status(201)
        .send(await uploadReceipt(ctx, req.server.deps.blobs, req.params.id, { data, name }));
    },
  );
  app.get(
    '/fund-receipts/:id',
    { schema: { tags, summary: 'A receipt’s file (an image or a PDF)', params: ZIdParam } },
    async (req, reply) => {
      const receipt = await readReceipt(authed(req), req.server.deps.blobs, req.params.id);
      const pdf = receipt.mime === 'application/pdf';
      return reply
        .header('content-type', receipt.mime)
        .header(
          'content-disposition',
          `${pdf ? 'attachment' : 'inline'}; filename="receipt"; filename*=UTF-8''${encodeURIComponent(receipt.name)}`,
        )
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(receipt.data);
    },
  );
  app.post(
    '/fund-projects/:id/acceptance',
    {
      schema: {
        tags,
        summary: 'A resident accepts or rejects the finished work (one verdict, changeable until closed)',
        params: ZIdParam,
        body: ZAcceptanceInput,
        response: { 200: ZOk },
      },
    },
    async (req) => giveAcceptance(authed(req), req.params.id, req.body),
  );
  app.post(
    '/fund-projects/:id/objections',
    {
      schema: {
        tags,
        summary: 'A resident objects during the disclosure period',
        params: ZIdParam,
        body: ZObjectionInput,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await raiseObjection(authed(req), req.params.id, req.body.text)),
  );
  app.post(
    '/fund-objections/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer an objection on the disclosure page (fund.post)',
        params: ZIdParam,
        body: ZAnswerInput,
        response: { 200: ZOk },
      },
    },
    async (req) => answerObjection(authed(req), req.params.id, req.body.answer),
  );
  app.post(
    '/fund-projects/:id/evaluation',
    {
      schema: {
        tags,
        summary: 'A resident rates the project 1–5 during its evaluation',
        params: ZIdParam,
        body: ZEvaluationInput,
        response: { 200: ZOk },
      },
    },
    async (req) => evaluateProject(authed(req), req.params.id, req.body),
  );
};
