import { z } from 'zod';
import { text, ZBodyId, ZDay, ZId, ZPageQuery } from '../../shared/limits.ts';
import { MAX_FEN } from '../../shared/money.ts';
import { ACCOUNT_KINDS, INCOME_SOURCES, POSTING_KINDS } from './fund.tables.ts';

/** An amount in integer fen: a whole, positive number (1 yuan = 100). */
export const ZFen = z
  .number({ message: '请填写金额 / enter an amount' })
  // ' / ' with its spaces: the error handler tells the side of the caller's language (describeIssue).
  .int({ message: '金额须为整数分（不能有小于一分的零头） / an amount is a whole number of fen' })
  .positive({ message: '金额须大于零 / an amount is above zero' })
  .max(MAX_FEN, { message: '金额过大 / the amount is too large' });

/** A signed amount in a response: an integer (zod's int() also keeps it within 2^53). */
const ZFenOut = z.number().int();

const ZMemo = text(500).pipe(z.string().min(1, { message: '请填写摘要 / say what it is for' }));
const ZCounterparty = text(200).default('');

export const ZPostingParam = z.object({ postingId: ZId });
export const ZOpenAccount = z.object({
  name: text(100).pipe(z.string().min(1)),
  purpose: text(500).default(''),
});
export const ZIncome = z.object({
  /** The holding account it goes into; the general fund when null. */
  accountId: ZBodyId.nullable().default(null),
  source: z.enum(INCOME_SOURCES),
  amountFen: ZFen,
  counterparty: ZCounterparty,
  memo: ZMemo,
  occurredOn: ZDay,
});
export const ZExpense = z.object({
  accountId: ZBodyId,
  amountFen: ZFen,
  counterparty: ZCounterparty,
  memo: ZMemo,
  occurredOn: ZDay,
});
export const ZTransfer = z.object({
  fromAccountId: ZBodyId,
  toAccountId: ZBodyId,
  amountFen: ZFen,
  memo: ZMemo,
  occurredOn: ZDay,
});
export const ZReverse = z.object({ memo: ZMemo });
export const ZRecorded = z.object({ postingId: z.number(), head: z.string() });

export const ZAccounts = z.object({
  accounts: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(ACCOUNT_KINDS),
      name: z.string(),
      source: z.enum(INCOME_SOURCES).nullable(),
      purpose: z.string(),
      /** Holding accounts: what they hold; income: what came in; expense: what went out. */
      balanceFen: ZFenOut,
    }),
  ),
  chain: z.object({ entries: z.number(), head: z.string().nullable() }),
  abilities: z.object({ post: z.boolean() }),
});

export const ZPostingQuery = ZPageQuery;
export const ZPostings = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(POSTING_KINDS),
      source: z.enum(INCOME_SOURCES).nullable(),
      counterparty: z.string(),
      memo: z.string(),
      occurredOn: z.string(),
      reversesId: z.number().nullable(),
      reversedBy: z.number().nullable(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
      entries: z.array(
        z.object({
          accountId: z.number(),
          account: z.string(),
          accountKind: z.enum(ACCOUNT_KINDS),
          amountFen: ZFenOut,
          seq: z.number(),
          hash: z.string(),
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZVerification = z.object({
  ok: z.boolean(),
  entries: z.number(),
  postings: z.number(),
  head: z.string(),
  broken: z
    .object({
      reason: z.enum(['hash', 'link', 'gap', 'unbalanced', 'balance', 'head']),
      seq: z.number().nullable(),
      entryId: z.number().nullable(),
      postingId: z.number().nullable(),
      accountId: z.number().nullable(),
    })
    .nullable(),
});
