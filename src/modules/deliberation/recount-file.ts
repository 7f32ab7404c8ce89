import { z } from 'zod';
import {
  areaFromText,
  electorsFromUnits,
  type Fraction,
  fractionText,
  NO,
  type RuleThresholds,
  type TallyInput,
  type TallyResult,
  tally,
  type VoteMethod,
  type VoteRule,
  YES,
} from './tally.ts';

/**
 * The recount file 复核文件: everything needed to count a closed vote again without the database
 * (`linshe vote export` writes it, `linshe vote recount FILE` reads it). Documented in docs/votes.md.
 * `owner` is the elector's key: the owner for owners' votes, else the household, resident or council member.
 */

const RULE_NAMES = {
  'simple-majority': 'simpleMajority',
  'residents-meeting': 'residentsMeeting',
  'civil-code-278-ordinary': 'civilCode278Ordinary',
  'civil-code-278-major': 'civilCode278Major',
  custom: 'custom',
} as const satisfies Record<string, VoteRule>;
const METHOD_NAMES = { 'yes-no': 'yesNo', single: 'single', multi: 'multi' } as const satisfies Record<
  string,
  VoteMethod
>;

export const ruleFileName = (rule: VoteRule) =>
  (Object.keys(RULE_NAMES) as (keyof typeof RULE_NAMES)[]).find((k) => RULE_NAMES[k] === rule) as string;
export const methodFileName = (method: VoteMethod) =>
  (Object.keys(METHOD_NAMES) as (keyof typeof METHOD_NAMES)[]).find(
    (k) => METHOD_NAMES[k] === method,
  ) as string;

const ZThreshold = z.object({
  num: z.number().int().min(0),
  den: z.number().int().min(1),
  strict: z.boolean(),
});
const ZDimensions = z.object({ heads: ZThreshold.optional(), area: ZThreshold.optional() }).strict();
export const ZThresholds = z.object({ participation: ZDimensions, agreement: ZDimensions }).strict();

const ZKey = z.string().min(1).max(100);
export const ZRecountFile = z
  .object({
    rule: z.enum(Object.keys(RULE_NAMES) as [keyof typeof RULE_NAMES]),
    method: z.enum(Object.keys(METHOD_NAMES) as [keyof typeof METHOD_NAMES]).default('yes-no'),
    options: z.array(ZKey).max(100).optional(),
    maxChoices: z.number().int().min(1).optional(),
    thresholds: ZThresholds.optional(),
    electorate: z.array(
      z.object({
        unit: ZKey,
        owner: ZKey,
        area: z
          .string()
          .refine((s) => areaFromText(s) !== null, 'area in m² with at most two decimals, e.g. "89.50"'),
      }),
    ),
    ballots: z.array(
      z.union([
        z.object({ owner: ZKey, choice: z.enum([YES, NO, 'abstain']) }),
        z.object({ owner: ZKey, choices: z.array(ZKey) }),
      ]),
    ),
    /** Written by export for people reading the file; recount ignores them. */
    vote: z.unknown().optional(),
    digest: z.unknown().optional(),
  })
  .strict();
export type RecountFile = z.input<typeof ZRecountFile>;

export class RecountFileError extends Error {}

/** The file's contents as a tally's input; every inconsistency is an error naming what is wrong. */
export function recountInput(raw: unknown): TallyInput {
  const parsed = ZRecountFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RecountFileError(`${first?.path.join('.') || 'file'}: ${first?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  const method = METHOD_NAMES[file.method];
  const rule = RULE_NAMES[file.rule];
  const units = new Set<string>();
  for (const u of file.electorate) {
    if (units.has(u.unit)) throw new RecountFileError(`unit ${u.unit} listed twice`);
    units.add(u.unit);
  }
  const options = method === 'yesNo' ? [YES, NO] : (file.options ?? []);
  if (method !== 'yesNo' && options.length < 2) throw new RecountFileError('options: at least two');
  if (rule === 'custom' && !file.thresholds)
    throw new RecountFileError('thresholds: a custom rule needs them');
  const ballots = file.ballots.map((b) => {
    if ('choice' in b) {
      if (method !== 'yesNo')
        throw new RecountFileError(`ballot of ${b.owner}: use "choices" for ${file.method}`);
      return { key: b.owner, choices: b.choice === 'abstain' ? [] : [b.choice] };
    }
    if (method === 'yesNo') throw new RecountFileError(`ballot of ${b.owner}: use "choice" for yes-no`);
    return { key: b.owner, choices: b.choices };
  });
  return {
    method,
    options,
    maxChoices: method === 'multi' ? (file.maxChoices ?? options.length) : 1,
    rule,
    custom: file.thresholds as RuleThresholds | undefined,
    electors: electorsFromUnits(
      file.electorate.map((u) => ({ owner: u.owner, areaCm2: areaFromText(u.area) as bigint })),
    ),
    ballots,
  };
}

/** What `linshe vote recount` prints: the decision and every figure as an exact fraction. */
export function recountOutput(input: TallyInput, result: TallyResult) {
  const frac = (num: bigint, den: bigint) => fractionText({ num, den } satisfies Fraction);
  const { participation: p, electorate: e } = result;
  const agreementOf = (o: { heads: number; areaCm2: bigint }) => ({
    heads: frac(BigInt(o.heads), BigInt(p.heads)),
    area: frac(o.areaCm2, p.areaCm2),
  });
  const yes = result.options.find((o) => o.option === YES);
  return {
    passed: result.passed,
    rule: ruleFileName(input.rule),
    areaUnit: '0.01 m²',
    participation: { heads: frac(BigInt(p.heads), BigInt(e.heads)), area: frac(p.areaCm2, e.areaCm2) },
    ...(input.method === 'yesNo' && yes
      ? { agreement: agreementOf(yes) }
      : {
          options: result.options.map((o) => ({
            option: o.option,
            agreement: agreementOf(o),
            passed: o.passed,
          })),
          winners: result.winners,
          tie: result.tie,
        }),
    checks: result.checks.map((c) => ({
      stage: c.stage,
      dimension: c.dimension,
      option: c.option,
      value: fractionText(c.value),
      threshold: `${c.threshold.strict ? '>' : '≥'} ${c.threshold.num}/${c.threshold.den}`,
      pass: c.pass,
    })),
  };
}

export function recount(raw: unknown) {
  const input = recountInput(raw);
  return recountOutput(input, tally(input));
}
