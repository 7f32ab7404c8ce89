import { z } from 'zod';
import { ZId } from '../../shared/limits.ts';
import { parsePeriod } from '../../shared/statement-period.ts';
import { INCOME_SOURCES, POSTING_KINDS } from './fund.tables.ts';
import { PROJECT_STAGES } from './projects.tables.ts';

/**
 * The fund's public disclosure 公示 (docs/fund-disclosure.md): what anyone may read without signing in.
 * No person appears here: no resident's, donor's, collector's or staff member's name, phone or home.
 */

/** A signed amount in integer fen. */
const ZFenOut = z.number().int();

export const ZPeriodKey = z
  .string()
  .max(10)
  .refine((key) => parsePeriod(key) !== null, {
    message:
      '公示期间须为月份（如 2026-03）或季度（如 2026-Q1） / a period is a month (2026-03) or a quarter (2026-Q1)',
  });

export const ZStatementParams = z.object({ stationId: ZId, period: ZPeriodKey });
export const ZStatementQuery = z.object({
  /** Reproduce a published statement: only the entries up to this seq of the chain (its head's seq). */
  upTo: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** The chain head a statement was made at: `linshe fund verify STATION --head HASH` finds it at `seq`. */
const ZHead = z.object({ seq: z.number().int(), hash: z.string() });
const ZStation = z.object({ id: z.number(), name: z.string() });
const ZBySource = z.array(z.object({ source: z.enum(INCOME_SOURCES), amountFen: ZFenOut }));
const ZByProject = z.array(z.object({ projectId: z.number(), title: z.string(), amountFen: ZFenOut }));

export const ZPublicFund = z.object({
  station: ZStation,
  head: ZHead,
  /** Holding accounts (the general fund, earmarked ones) and what each holds now. */
  accounts: z.array(
    z.object({ name: z.string(), kind: z.enum(['general', 'earmarked']), balanceFen: ZFenOut }),
  ),
  balanceFen: ZFenOut,
  income: z.object({ bySource: ZBySource, totalFen: ZFenOut }),
  spending: z.object({
    byProject: z.array(
      z.object({
        projectId: z.number(),
        title: z.string(),
        stage: z.enum(PROJECT_STAGES),
        /** The approved budget with later approved additions; null before approval. */
        budgetFen: ZFenOut.nullable(),
        spentFen: ZFenOut,
      }),
    ),
    unassignedFen: ZFenOut,
    totalFen: ZFenOut,
  }),
  /** The periods that have postings, newest first. */
  statements: z.object({ months: z.array(z.string()), quarters: z.array(z.string()) }),
});

const ZLine = z.object({
  postingId: z.number(),
  occurredOn: z.string(),
  kind: z.enum(POSTING_KINDS),
  /** A reversal: the posting it undoes and that posting's kind. */
  reversesId: z.number().nullable(),
  reversesKind: z.enum(POSTING_KINDS).nullable(),
  source: z.enum(INCOME_SOURCES).nullable(),
  projectId: z.number().nullable(),
  project: z.string().nullable(),
  /** Omitted (null) for money from people: donations, crowdfunding, other. */
  counterparty: z.string().nullable(),
  memo: z.string(),
  /** What the posting moved (the sum of its positive entries). */
  amountFen: ZFenOut,
  /** Its effect on the money held: + in, − out, 0 for a transfer between the station's accounts. */
  heldFen: ZFenOut,
  entries: z.array(z.object({ seq: z.number(), hash: z.string(), account: z.string(), amountFen: ZFenOut })),
});

export const ZStatement = z.object({
  station: ZStation,
  period: z.object({
    key: z.string(),
    kind: z.enum(['month', 'quarter']),
    from: z.string(),
    /** The period's last day (inclusive). */
    through: z.string(),
  }),
  madeAt: z.string(),
  head: ZHead,
  accounts: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['general', 'earmarked']),
      openingFen: ZFenOut,
      closingFen: ZFenOut,
    }),
  ),
  openingFen: ZFenOut,
  income: z.object({ bySource: ZBySource, totalFen: ZFenOut }),
  spending: z.object({ byProject: ZByProject, unassignedFen: ZFenOut, totalFen: ZFenOut }),
  transfers: z.object({ count: z.number().int(), amountFen: ZFenOut }),
  closingFen: ZFenOut,
  lines: z.array(ZLine),
});

export type PublicFund = z.infer<typeof ZPublicFund>;
export type Statement = z.infer<typeof ZStatement>;
export type StatementLine = z.infer<typeof ZLine>;
