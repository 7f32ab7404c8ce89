import { ERRORS, type ErrorCode, type FieldError, type Problem } from '../../shared/errors.ts';

export type Lang = 'zh-CN' | 'en';

/** A localised text: use cases say what went wrong in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/** The typed error every use case throws; the HTTP layer maps it to problem+json in one place. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: Text | undefined;
  readonly errors: { path: string; message: Text }[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    options: {
      detail?: Text;
      errors?: { path: string; message: Text }[];
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(options.detail?.en ?? ERRORS[code].en);
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
/** A 400 on one field, with its message in both languages. */
export const fieldError = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION', { errors: [{ path, message: { zh, en } }] });
export const forbidden = () => new AppError('FORBIDDEN');

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export const say = (text: Text, lang: Lang) => (lang === 'en' ? text.en : text.zh);

export function problem(
  code: ErrorCode,
  lang: Lang,
  detail?: Text,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): Problem & Record<string, unknown> {
  const def = ERRORS[code];
  return {
    type: `https://linshe.org/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: lang === 'en' ? def.en : def.zh,
    status: def.status,
    code,
    ...(detail ? { detail: say(detail, lang) } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extra,
  };
}
