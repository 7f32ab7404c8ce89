/**
 * Counting a vote 表决计票. Pure: no database, no I/O, no floating point anywhere — heads are integers,
 * areas are integer centi-square-metres (bigint, so a city of compounds cannot overflow), and every
 * threshold is compared by cross-multiplication: value a/b meets n/d when a·d ≥ n·b (or > when strict).
 *
 * The rules (DESIGN §3.4):
 * - simpleMajority: more than half of the ballots cast agree (abstentions are ballots cast).
 * - residentsMeeting: more than half of the electorate takes part, more than half of them agree.
 * - civilCode278Ordinary (民法典 第二百七十八条 第二款): owners holding at least 2/3 of the exclusive area
 *   AND at least 2/3 of the heads take part; more than 1/2 of the participating area AND heads agree.
 *   In Chinese law "以上/以下/以内" include the number itself and "过半数/超过" does not (民法典 第一千二百五十九条):
 *   exactly 2/3 participation passes, exactly 1/2 agreement fails.
 * - civilCode278Major (items 6–8: repair funds, rebuilding, changing the use of common parts): the same
 *   participation; at least 3/4 of the participating area AND heads agree.
 * - custom: thresholds the station sets, each ≥ or >.
 * Abstentions count as participation, never as agreement. Silence (no ballot) never counts at all.
 *
 * Heads: one per elector. For owners the caller groups units by owner first (`electorsFromUnits`), so an
 * owner of three units is one head with the three areas summed, and co-owners of one unit are one head.
 */

export const VOTE_RULES = [
  'simpleMajority',
  'residentsMeeting',
  'civilCode278Ordinary',
  'civilCode278Major',
  'custom',
] as const;
export type VoteRule = (typeof VOTE_RULES)[number];

export const VOTE_METHODS = ['yesNo', 'single', 'multi'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

/** The two options of a yes / no vote; an abstention is a ballot with no choice. */
export const YES = 'yes';
export const NO = 'no';

export type Dimension = 'heads' | 'area';
export interface Threshold {
  num: number;
  den: number;
  /** true: the value must exceed num/den ("过半数"); false: reach it ("以上"). */
  strict: boolean;
}
export interface RuleThresholds {
  participation: Partial<Record<Dimension, Threshold>>;
  agreement: Partial<Record<Dimension, Threshold>>;
}

const HALF_EXCLUSIVE: Threshold = { num: 1, den: 2, strict: true };
const TWO_THIRDS: Threshold = { num: 2, den: 3, strict: false };
const THREE_QUARTERS: Threshold = { num: 3, den: 4, strict: false };

/** The thresholds a rule sets; `custom` carries its own. */
export function thresholdsOf(rule: VoteRule, custom?: RuleThresholds): RuleThresholds {
  switch (rule) {
    case 'simpleMajority':
      return { participation: {}, agreement: { heads: HALF_EXCLUSIVE } };
    case 'residentsMeeting':
      return { participation: { heads: HALF_EXCLUSIVE }, agreement: { heads: HALF_EXCLUSIVE } };
    case 'civilCode278Ordinary':
      return {
        participation: { heads: TWO_THIRDS, area: TWO_THIRDS },
        agreement: { heads: HALF_EXCLUSIVE, area: HALF_EXCLUSIVE },
      };
    case 'civilCode278Major':
      return {
        participation: { heads: TWO_THIRDS, area: TWO_THIRDS },
        agreement: { heads: THREE_QUARTERS, area: THREE_QUARTERS },
      };
    case 'custom':
      if (!custom) throw new TallyInputError('custom rule without thresholds');
      return custom;
  }
}

/** Whether a rule weighs floor area, so its electorate must be owners with their areas. */
export function ruleUsesArea(rule: VoteRule, custom?: RuleThresholds): boolean {
  const t = thresholdsOf(rule, custom);
  return t.participation.area !== undefined || t.agreement.area !== undefined;
}

export interface TallyElector {
  key: string;
  areaCm2: bigint;
}
export interface TallyBallot {
  key: string;
  /** The options chosen; empty means an abstention. */
  choices: readonly string[];
}
export interface TallyInput {
  method: VoteMethod;
  /** The option keys; for yesNo exactly [YES, NO]. */
  options: readonly string[];
  /** At most this many choices per ballot (multi); the number of options that can win. */
  maxChoices: number;
  rule: VoteRule;
  custom?: RuleThresholds;
  electors: readonly TallyElector[];
  /** Counted ballots only: at most one per elector. */
  ballots: readonly TallyBallot[];
}

/** An exact fraction, not reduced: "330/495" says 330 of 495. */
export interface Fraction {
  num: bigint;
  den: bigint;
}
export interface Amounts {
  heads: number;
  areaCm2: bigint;
}
export interface Check {
  stage: 'participation' | 'agreement';
  dimension: Dimension;
  /** The option an agreement check is about. */
  option: string | null;
  value: Fraction;
  threshold: Threshold;
  pass: boolean;
}
export interface OptionCount extends Amounts {
  option: string;
  passed: boolean;
}
export interface TallyResult {
  electorate: Amounts;
  participation: Amounts;
  abstentions: Amounts;
  options: OptionCount[];
  checks: Check[];
  /** The options that carry the vote, best first: [YES] for a passed yes / no vote, else the winners. */
  winners: string[];
  /** Two options level at the cut (by heads, then area): the rule alone cannot decide between them. */
  tie: boolean;
  passed: boolean;
}

export class TallyInputError extends Error {}

/** a/b against n/d, exactly; nothing meets a threshold over an empty denominator. */
export function meets(value: Fraction, t: Threshold): boolean {
  if (value.den <= 0n) return false;
  const left = value.num * BigInt(t.den);
  const right = BigInt(t.num) * value.den;
  return t.strict ? left > right : left >= right;
}

function validateBallot(input: TallyInput, ballot: TallyBallot): void {
  const { choices } = ballot;
  if (new Set(choices).size !== choices.length)
    throw new TallyInputError(`duplicate choice in ballot of ${ballot.key}`);
  for (const c of choices) {
    if (!input.options.includes(c))
      throw new TallyInputError(`unknown option "${c}" in ballot of ${ballot.key}`);
  }
  const max = input.method === 'multi' ? input.maxChoices : 1;
  if (choices.length > max) throw new TallyInputError(`too many choices in ballot of ${ballot.key}`);
}

export function tally(input: TallyInput): TallyResult {
  if (
    input.method === 'yesNo' &&
    (input.options.length !== 2 || input.options[0] !== YES || input.options[1] !== NO)
  ) {
    throw new TallyInputError('a yes / no vote has the options yes and no');
  }
  const thresholds = thresholdsOf(input.rule, input.custom);
  const areaOf = new Map<string, bigint>();
  const electorate: Amounts = { heads: 0, areaCm2: 0n };
  for (const e of input.electors) {
    if (areaOf.has(e.key)) throw new TallyInputError(`elector ${e.key} listed twice`);
    if (e.areaCm2 < 0n) throw new TallyInputError(`negative area for ${e.key}`);
    areaOf.set(e.key, e.areaCm2);
    electorate.heads += 1;
    electorate.areaCm2 += e.areaCm2;
  }

  const participation: Amounts = { heads: 0, areaCm2: 0n };
  const abstentions: Amounts = { heads: 0, areaCm2: 0n };
  const perOption = new Map<string, Amounts>(input.options.map((o) => [o, { heads: 0, areaCm2: 0n }]));
  const seen = new Set<string>();
  for (const b of input.ballots) {
    const area = areaOf.get(b.key);
    if (area === undefined) throw new TallyInputError(`ballot from ${b.key}, who is not in the electorate`);
    if (seen.has(b.key)) throw new TallyInputError(`two ballots from ${b.key}`);
    seen.add(b.key);
    validateBallot(input, b);
    participation.heads += 1;
    participation.areaCm2 += area;
    if (b.choices.length === 0) {
      abstentions.heads += 1;
      abstentions.areaCm2 += area;
    }
    for (const c of b.choices) {
      const o = perOption.get(c) as Amounts;
      o.heads += 1;
      o.areaCm2 += area;
    }
  }

  const amount = (a: Amounts, d: Dimension) => (d === 'heads' ? BigInt(a.heads) : a.areaCm2);
  const checks: Check[] = [];
  for (const [dimension, threshold] of entries(thresholds.participation)) {
    const value = { num: amount(participation, dimension), den: amount(electorate, dimension) };
    checks.push({
      stage: 'participation',
      dimension,
      option: null,
      value,
      threshold,
      pass: meets(value, threshold),
    });
  }
  const participationOk = checks.every((c) => c.pass);

  const decisive = input.method === 'yesNo' ? [YES] : input.options;
  const options: OptionCount[] = input.options.map((option) => {
    const counts = perOption.get(option) as Amounts;
    let passed = participationOk && decisive.includes(option);
    for (const [dimension, threshold] of entries(thresholds.agreement)) {
      if (!decisive.includes(option)) continue;
      const value = { num: amount(counts, dimension), den: amount(participation, dimension) };
      const pass = meets(value, threshold);
      checks.push({ stage: 'agreement', dimension, option, value, threshold, pass });
      passed &&= pass;
    }
    return { option, ...counts, passed };
  });

  const ranked = options.filter((o) => o.passed).sort(byCount);
  const seats = input.method === 'multi' ? input.maxChoices : 1;
  let winners = ranked.slice(0, seats);
  const next = ranked[seats];
  const last = winners[winners.length - 1];
  const tie = next !== undefined && last !== undefined && byCount(last, next) === 0;
  if (tie) winners = winners.filter((w) => byCount(w, next) < 0);
  return {
    electorate,
    participation,
    abstentions,
    options,
    checks,
    winners: winners.map((w) => w.option),
    tie,
    passed: winners.length > 0,
  };
}

/** More heads first, then more area; 0 when level on both. */
function byCount(a: Amounts, b: Amounts): number {
  if (a.heads !== b.heads) return b.heads - a.heads;
  return a.areaCm2 === b.areaCm2 ? 0 : a.areaCm2 > b.areaCm2 ? -1 : 1;
}

function entries(t: Partial<Record<Dimension, Threshold>>): [Dimension, Threshold][] {
  return (['heads', 'area'] as const).flatMap((d) => {
    const v = t[d];
    return v ? [[d, v] as [Dimension, Threshold]] : [];
  });
}

/** Units with their owner and area → one elector per owner, areas summed (the Civil Code's head count). */
export function electorsFromUnits(units: readonly { owner: string; areaCm2: bigint }[]): TallyElector[] {
  const byOwner = new Map<string, bigint>();
  for (const u of units) byOwner.set(u.owner, (byOwner.get(u.owner) ?? 0n) + u.areaCm2);
  return [...byOwner].map(([key, areaCm2]) => ({ key, areaCm2 }));
}

/** "a/b" as written in results and recount output. */
export function fractionText(f: Fraction): string {
  return `${f.num}/${f.den}`;
}

/** A percentage cut (never rounded up) to two decimals, so a shown 66.66% never claims a threshold it misses. */
export function percentText(f: Fraction): string | null {
  if (f.den <= 0n) return null;
  const basisPoints = (f.num * 10000n) / f.den;
  return `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, '0')}%`;
}

/** 89.5 m² written "89.50" ↔ 8950 cm²; exact both ways. */
export function areaFromText(text: string): bigint | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return BigInt(m[1] as string) * 100n + BigInt((m[2] ?? '0').padEnd(2, '0'));
}
export function areaText(cm2: bigint): string {
  return `${cm2 / 100n}.${String(cm2 % 100n).padStart(2, '0')}`;
}
