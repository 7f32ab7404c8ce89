/**
 * Stable error codes of the API, each with its HTTP status and a message in zh-CN and en.
 * Clients branch on `code`; the message is for people.
 */
export const ERRORS = {
  VALIDATION: { status: 400, zh: '输入有误，请检查后重试', en: 'The input is not valid' },
  BAD_REQUEST: { status: 400, zh: '请求格式错误', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '手机号或密码不正确', en: 'Wrong phone number or password' },
  CODE_INVALID: { status: 400, zh: '验证码无效或已过期', en: 'The code is wrong or has expired' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '找不到该内容', en: 'Not found' },
  CONFLICT: { status: 409, zh: '与已有记录冲突', en: 'This conflicts with an existing record' },
  BUSY: {
    status: 409,
    zh: '有人同时在修改同一记录，请稍后重试',
    en: 'Someone changed the same records at the same moment; please try again',
  },
  INVALID_STATE: {
    status: 409,
    zh: '当前状态下不能执行此操作',
    en: 'This cannot be done in the current state',
  },
  VOTE_CLOSED: {
    status: 409,
    zh: '表决未开放或已截止，不能再投票',
    en: 'This vote is not open: ballots can no longer be cast',
  },
  VOTE_FROZEN: {
    status: 409,
    zh: '表决已开始或已结束，其规则和结果不能再修改',
    en: 'This vote has opened or ended: its rules and result can no longer change',
  },
  NOT_IN_ELECTORATE: {
    status: 403,
    zh: '您不在本次表决的投票人名单中',
    en: 'You are not on the list of voters of this vote',
  },
  SELF_APPROVAL: {
    status: 403,
    zh: '不能审批自己提出的申请',
    en: 'Nobody approves a request they made',
  },
  INSUFFICIENT_FUNDS: {
    status: 409,
    zh: '账户余额不足，未记账',
    en: 'The account does not hold enough: nothing was posted',
  },
  OVER_BUDGET: {
    status: 409,
    zh: '超出预算科目的金额，未记账；须先经超预算审批',
    en: 'Beyond the budget line: nothing was posted; an over-budget approval must come first',
  },
  LEDGER_APPEND_ONLY: {
    status: 409,
    zh: '账目只能追加，不能修改或删除；请用冲销更正',
    en: 'The ledger is append-only: correct it with a reversal',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  IMPORT_INVALID: {
    status: 422,
    zh: '名册中有错误行，未导入任何数据',
    en: 'The roster has bad rows; nothing was imported',
  },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Something went wrong on our side' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'The service is not available right now' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One field-level problem, localised, with the field's path (never the submitted value). */
export interface FieldError {
  path: string;
  message: string;
}

/** The body of every error response (application/problem+json, RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  errors?: FieldError[];
}
