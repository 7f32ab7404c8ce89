import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../server/http/context.ts';
import { ZStationParam } from '../../shared/limits.ts';
import { ZPublicFund, ZStatement, ZStatementParams, ZStatementQuery } from './disclosure.schema.ts';
import { publicFund, statementOf } from './disclosure.ts';
import { statementWorkbook } from './statement-xlsx.ts';

const tags = ['fund'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The fund's public disclosure 公示: no session (config.public), no personal data, any station that
 * exists (404 otherwise). Each address is limited per client: the notice board's QR code brings phones,
 * not crawlers.
 */
const open = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/stations/:stationId/fund',
    {
      schema: {
        tags,
        summary:
          "A station's fund in public: balances, income by source, spending per project, the statements (docs/fund-disclosure.md)",
        security: [],
        params: ZStationParam,
        response: { 200: ZPublicFund },
      },
      config: open,
    },
    async (req) => publicFund(ctxOf(req), req.params.stationId),
  );
  app.get(
    '/public/stations/:stationId/fund/statements/:period',
    {
      schema: {
        tags,
        summary:
          'A statement of a month (YYYY-MM) or quarter (YYYY-Qn) with the chain head it was cut at; upTo makes a published one again',
        security: [],
        params: ZStatementParams,
        querystring: ZStatementQuery,
        response: { 200: ZStatement },
      },
      config: open,
    },
    async (req) => statementOf(ctxOf(req), { ...req.params, upTo: req.query.upTo }),
  );
  app.get(
    '/public/stations/:stationId/fund/statements/:period.xlsx',
    {
      schema: {
        tags,
        summary:
          'The same statement as an Excel workbook (summary, income, spending, entries with seq and hash)',
        security: [],
        params: ZStatementParams,
        querystring: ZStatementQuery,
      },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { stationId, period } = req.params;
      const statement = await statementOf(ctxOf(req), { stationId, period, upTo: req.query.upTo });
      const name = `fund-${stationId}-${period}-${statement.head.seq}.xlsx`;
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(await statementWorkbook(statement));
    },
  );
};
