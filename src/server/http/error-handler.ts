import path from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { FastifySchemaCompiler } from 'fastify/types/schema.js';
import { safeParse, type ZodType, type z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { FieldError } from '../../shared/errors.ts';
import { pgErrorCode } from '../db/client.ts';
import { AppError, type Lang, pickLang, problem, say } from './errors.ts';

const ZOD_ISSUES = Symbol('zodIssues');
type Issue = z.core.$ZodIssue;
interface ValidationFailure extends Error {
  [ZOD_ISSUES]: Issue[];
  validationContext?: string;
}

/** Validates with zod and keeps the raw issues so they can be told in the caller's language. */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (result.success) return { value: result.data };
    const error = new Error('validation') as ValidationFailure;
    error[ZOD_ISSUES] = result.error.issues;
    return { error };
  };

/** Input a route parses itself (a multipart form's text fields) failing its schema: told like any other. */
export function invalidInput(issues: readonly Issue[]): Error {
  const error = new Error('validation') as ValidationFailure;
  error[ZOD_ISSUES] = [...issues];
  return error;
}

const locales = { 'zh-CN': zhCN().localeError, en: en().localeError };

/**
 * The messages schemas write themselves are bilingual, 'zh / en' (ZPhone, text(), ZDay…): the caller's
 * language picks one side. Null for zod's own messages, which the locales tell.
 */
function ownMessage(message: string | undefined, lang: Lang): string | null {
  const m = message ? /^(.*\p{Script=Han}.*?) \/ (.+)$/su.exec(message) : null;
  return m ? (lang === 'en' ? m[2]! : m[1]!) : null;
}

export function describeIssue(issue: Issue, lang: Lang): string {
  const own = ownMessage(issue.message, lang);
  if (own) return own;
  if (issue.code === 'custom' && issue.message) return issue.message;
  const localeError = locales[lang] as (i: unknown) => string | { message: string } | undefined;
  const said = localeError({ ...issue, input: undefined });
  const text = typeof said === 'string' ? said : (said?.message ?? issue.message);
  // The locale texts mention the received value's type; it was dropped on purpose.
  return text.replace(/[，,]\s*(实际接收|received)\s*\S+$/, '');
}

export function fieldErrors(issues: readonly Issue[], lang: Lang, prefix?: string): FieldError[] {
  return issues.slice(0, 50).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: describeIssue(issue, lang),
  }));
}

/** The field errors of a failed schema validation, told in `lang`; null for any other error. */
export function validationErrors(err: unknown, lang: Lang): FieldError[] | null {
  const failure = err as Partial<ValidationFailure> | null;
  const issues = failure?.[ZOD_ISSUES];
  return issues ? fieldErrors(issues, lang, failure?.validationContext) : null;
}

function send(reply: FastifyReply, body: ReturnType<typeof problem>) {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Every error leaves as problem+json with a stable code; never SQL, stack traces or input values. */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    if (err instanceof AppError) {
      const errors = err.errors?.map((e) => ({ path: e.path, message: say(e.message, lang) }));
      return send(reply, problem(err.code, lang, err.detail, errors, err.extra));
    }
    const fields = validationErrors(err, lang);
    if (fields) return send(reply, problem('VALIDATION', lang, undefined, fields));
    const pgCode = pgErrorCode(err);
    if (pgCode === '23505') return send(reply, problem('CONFLICT', lang));
    if (pgCode === '23503') return send(reply, problem('NOT_FOUND', lang));
    // Values PostgreSQL refuses that a schema let through: bad text for the type, numbers out of range,
    // strings too long, a NUL character in text (22021) or JSON (22P05), impossible dates (22007, 22008),
    // a CHECK constraint (23514).
    if (['22P02', '22003', '22001', '22021', '22P05', '22007', '22008', '23514'].includes(pgCode ?? '')) {
      return send(reply, problem('VALIDATION', lang));
    }
    // The vote triggers (migration 0013): a ballot after close, or a change to a vote that has opened or ended.
    if (pgCode === 'LV001') return send(reply, problem('VOTE_CLOSED', lang));
    if (pgCode === 'LV002') return send(reply, problem('VOTE_FROZEN', lang));
    // The fund's guards (migration 0020): a change to a posted entry, a holding account below zero.
    if (pgCode === 'LF001') return send(reply, problem('LEDGER_APPEND_ONLY', lang));
    if (pgCode === 'LF002') return send(reply, problem('INSUFFICIENT_FUNDS', lang));
    // Deadlock or serialization failure: nothing was written; the client may try again.
    if (pgCode === '40P01' || pgCode === '40001') return send(reply, problem('BUSY', lang));
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT') {
      return send(reply, problem('PAYLOAD_TOO_LARGE', lang));
    }
    if (status === 415) return send(reply, problem('UNSUPPORTED_MEDIA_TYPE', lang));
    if (status === 429) return send(reply, problem('RATE_LIMITED', lang));
    if (status === 404) return send(reply, problem('NOT_FOUND', lang));
    if (status >= 400 && status < 500) return send(reply, problem('BAD_REQUEST', lang));
    req.log.error({ err }, 'unhandled error');
    return send(reply, problem('INTERNAL', lang));
  });
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    // The web app's own routes (/households, /import…) are answered with its index page.
    if (options.spaFallback && req.method === 'GET' && !url.startsWith('/api/') && !path.extname(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return send(reply, problem('NOT_FOUND', pickLang(req.headers['accept-language'])));
  });
}
