import { z } from 'zod';
import type { Text } from '../../server/http/errors.ts';

/**
 * A category's extra questions (`requests_categories.questions`), asked when filing and published to
 * Open311 clients as the service definition's attributes. Answers are stored in
 * `requests_requests.attributes` by question code: a string, a number, an ISO datetime, or a list of
 * value keys (multivaluelist).
 */
export const QUESTION_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

const ZQuestion = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  label: z.string().min(1).max(200),
  datatype: z.enum(QUESTION_DATATYPES),
  required: z.boolean().default(false),
  values: z
    .array(z.object({ key: z.string().min(1).max(40), name: z.string().min(1).max(100) }))
    .max(100)
    .optional(),
});
export type Question = z.output<typeof ZQuestion>;

/** The questions stored on a category; a malformed set (written by hand) counts as none. */
export function questionsOf(stored: unknown): Question[] {
  const parsed = z.array(ZQuestion).max(50).safeParse(stored);
  return parsed.success ? parsed.data : [];
}

export type Answer = string | number | string[];
export interface AnswerError {
  path: string;
  message: Text;
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Checks answers against the questions: required ones present, numbers numeric, datetimes ISO 8601,
 * list values among the keys, only lists take several values, no unknown codes. Returns the answers
 * to store (numbers as numbers, datetimes normalised) or every problem found.
 */
export function checkAnswers(
  questions: readonly Question[],
  given: Readonly<Record<string, string | readonly string[]>>,
): { answers: Record<string, Answer>; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const answers: Record<string, Answer> = {};
  const fail = (code: string, zh: string, en: string) =>
    errors.push({ path: `attribute[${code}]`, message: { zh, en } });
  const byCode = new Map(questions.map((q) => [q.code, q]));
  for (const code of Object.keys(given)) {
    if (!byCode.has(code)) fail(code, '该类别没有这个问题', 'This service has no such attribute');
  }
  for (const q of questions) {
    const raw = given[q.code];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (list.length === 0) {
      if (q.required) fail(q.code, `请回答“${q.label}”`, `“${q.label}” is required`);
      continue;
    }
    if (q.datatype !== 'multivaluelist' && list.length > 1) {
      fail(q.code, '只能填写一个值', 'Takes a single value');
      continue;
    }
    const value = list[0]!;
    const keys = new Set((q.values ?? []).map((v) => v.key));
    switch (q.datatype) {
      case 'number': {
        const n = Number(value);
        if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) || !Number.isFinite(n)) {
          fail(q.code, '请填写数字', 'Must be a number');
        } else answers[q.code] = n;
        break;
      }
      case 'datetime': {
        const at = W3C_DATETIME.test(value)
          ? Date.parse(value.length === 10 ? `${value}T00:00:00+08:00` : value)
          : NaN;
        if (!Number.isFinite(at)) fail(q.code, '请填写 ISO 8601 日期时间', 'Must be an ISO 8601 datetime');
        else answers[q.code] = new Date(at).toISOString();
        break;
      }
      case 'string':
        if (/[\r\n]/.test(value) || value.length > 500) {
          fail(q.code, '请填写一行、不超过 500 字', 'One line of at most 500 characters');
        } else answers[q.code] = value;
        break;
      case 'text':
        if (value.length > 2000) fail(q.code, '不超过 2000 字', 'At most 2000 characters');
        else answers[q.code] = value;
        break;
      case 'singlevaluelist':
        if (!keys.has(value)) fail(q.code, '不是可选的值', 'Not one of the listed values');
        else answers[q.code] = value;
        break;
      case 'multivaluelist': {
        const unique = [...new Set(list)];
        if (unique.some((v) => !keys.has(v)))
          fail(q.code, '含有不可选的值', 'Has a value that is not listed');
        else answers[q.code] = unique;
        break;
      }
    }
  }
  return { answers, errors };
}
