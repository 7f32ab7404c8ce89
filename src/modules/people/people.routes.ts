import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { ZId, ZIdParam, ZOk } from '../../shared/limits.ts';
import { addProxy } from './acting-for.ts';
import { importRosterFile } from './import-roster-file.ts';
import {
  ZAddMemberRequest,
  ZClaim,
  ZClaimPage,
  ZClaimQuery,
  ZClaimRequest,
  ZCreateResidentRequest,
  ZDecideClaimRequest,
  ZProxyRequest,
  ZResident,
  ZResidentPage,
  ZResidentQuery,
  ZResidentRow,
  ZRosterResult,
  ZUpdateResidentRequest,
} from './people.schema.ts';
import {
  addMember,
  createResident,
  getResident,
  listResidents,
  removeMember,
  updateResident,
} from './residents.ts';
import { claimHousehold, decideClaim, listClaims, listMyClaims } from './verification.ts';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/residents',
    {
      schema: {
        tags,
        summary: 'Residents of a station',
        querystring: ZResidentQuery,
        response: { 200: ZResidentPage },
      },
    },
    async (req) => listResidents(authed(req), req.query),
  );
  app.post(
    '/residents',
    {
      schema: {
        tags,
        summary: 'Create a resident and link households',
        body: ZCreateResidentRequest,
        response: { 201: ZResidentRow },
      },
    },
    async (req, reply) => reply.status(201).send(await createResident(authed(req), req.body)),
  );
  app.get(
    '/residents/:id',
    { schema: { tags, summary: 'A resident', params: ZIdParam, response: { 200: ZResident } } },
    async (req) => getResident(authed(req), req.params.id),
  );
  app.patch(
    '/residents/:id',
    {
      schema: {
        tags,
        summary: 'Edit a resident',
        params: ZIdParam,
        body: ZUpdateResidentRequest,
        response: { 200: ZResidentRow },
      },
    },
    async (req) => updateResident(authed(req), req.params.id, req.body),
  );
  app.post(
    '/residents/:id/proxies',
    {
      schema: {
        tags,
        summary: 'Register a family proxy 代办人 for a resident',
        params: ZIdParam,
        body: ZProxyRequest,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await addProxy(authed(req), req.params.id, req.body) }),
  );
  app.post(
    '/households/:id/members',
    {
      schema: {
        tags,
        summary: 'Link a resident to a household',
        params: ZIdParam,
        body: ZAddMemberRequest,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await addMember(authed(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.delete(
    '/households/:id/members/:residentId',
    {
      schema: {
        tags,
        summary: 'Unlink a resident from a household',
        params: z.object({ id: ZId, residentId: ZId }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await removeMember(authed(req), req.params.id, req.params.residentId);
      return { ok: true as const };
    },
  );

  app.post(
    '/roster-imports',
    {
      schema: {
        tags,
        summary: 'Import a roster (multipart: compoundId, file as CSV or XLSX); all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: ZRosterResult },
      },
    },
    async (req) => {
      const ctx = authed(req);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      let compoundId: number | null = null;
      let file: { name: string; data: Buffer } | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
              part.file.resume();
              continue;
            }
            file = { name: part.filename ?? 'roster', data: await part.toBuffer() };
          } else if (part.fieldname === 'compoundId') {
            const parsed = ZId.safeParse(part.value);
            compoundId = parsed.success ? parsed.data : null;
          }
        }
      } catch (err) {
        if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
        // A malformed multipart body (cut short, bad part headers) is the sender's fault.
        throw new AppError('BAD_REQUEST');
      }
      if (compoundId === null)
        throw new AppError('VALIDATION', {
          errors: [{ path: 'compoundId', message: { zh: '请选择小区', en: 'Choose a compound' } }],
        });
      if (!file)
        throw new AppError('VALIDATION', {
          errors: [{ path: 'file', message: { zh: '请选择名册文件', en: 'Choose a roster file' } }],
        });
      return importRosterFile(ctx, { compoundId, fileName: file.name, data: file.data });
    },
  );

  app.post(
    '/verification-claims',
    {
      schema: {
        tags,
        summary: 'Claim a household (verified at once when the roster matches)',
        body: ZClaimRequest,
        response: { 201: z.object({ id: z.number(), status: z.enum(['pending', 'verified', 'rejected']) }) },
      },
    },
    async (req, reply) => {
      const claim = await claimHousehold(authed(req), req.body);
      return reply.status(201).send({ id: claim.id, status: claim.status });
    },
  );
  app.get(
    '/verification-claims/mine',
    { schema: { tags, summary: 'My household claims', response: { 200: ZClaimPage } } },
    async (req) => listMyClaims(authed(req)),
  );
  app.get(
    '/verification-claims',
    {
      schema: {
        tags,
        summary: 'The verification queue',
        querystring: ZClaimQuery,
        response: { 200: ZClaimPage },
      },
    },
    async (req) => listClaims(authed(req), req.query),
  );
  app.post(
    '/verification-claims/:id/decide',
    {
      schema: {
        tags,
        summary: 'Verify or reject a claim',
        params: ZIdParam,
        body: ZDecideClaimRequest,
        response: { 200: z.object({ status: ZClaim.shape.status }) },
      },
    },
    async (req) => decideClaim(authed(req), req.params.id, req.body),
  );
};
