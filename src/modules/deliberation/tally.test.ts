import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recount } from './recount-file.ts';
import {
  areaFromText,
  areaText,
  electorsFromUnits,
  NO,
  percentText,
  type RuleThresholds,
  type TallyInput,
  TallyInputError,
  type Threshold,
  tally,
  thresholdsOf,
  VOTE_RULES,
  type VoteRule,
  YES,
} from './tally.ts';

/** n units of equal area, one owner each: o1…on. */
function owners(n: number, areaCm2 = 10000n) {
  return Array.from({ length: n }, (_, i) => ({ key: `o${i + 1}`, areaCm2 }));
}
function yesNo(
  rule: VoteRule,
  electors: TallyInput['electors'],
  votes: Record<string, 'yes' | 'no' | 'abstain'>,
) {
  return tally({
    method: 'yesNo',
    options: [YES, NO],
    maxChoices: 1,
    rule,
    electors,
    ballots: Object.entries(votes).map(([key, v]) => ({ key, choices: v === 'abstain' ? [] : [v] })),
  });
}

describe('the law at its boundaries', () => {
  it('exactly 2/3 participation passes the Art. 278 participation bar', () => {
    const r = yesNo('civilCode278Ordinary', owners(3), { o1: 'yes', o2: 'yes' });
    expect(r.checks.filter((c) => c.stage === 'participation').map((c) => c.pass)).toEqual([true, true]);
    expect(r.passed).toBe(true);
  });

  it('one head short of 2/3 fails, even with every participant agreeing', () => {
    const r = yesNo('civilCode278Ordinary', owners(6), { o1: 'yes', o2: 'yes', o3: 'yes' });
    expect(r.checks.find((c) => c.stage === 'participation' && c.dimension === 'heads')?.pass).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('exactly 1/2 agreement fails "more than half"', () => {
    const r = yesNo('civilCode278Ordinary', owners(4), { o1: 'yes', o2: 'yes', o3: 'no', o4: 'no' });
    expect(r.checks.find((c) => c.stage === 'agreement' && c.dimension === 'heads')?.pass).toBe(false);
    expect(r.passed).toBe(false);
    expect(yesNo('simpleMajority', owners(4), { o1: 'yes', o2: 'no' }).passed).toBe(false);
  });

  it('exactly 3/4 passes the major rule; just under fails', () => {
    expect(yesNo('civilCode278Major', owners(4), { o1: 'yes', o2: 'yes', o3: 'yes', o4: 'no' }).passed).toBe(
      true,
    );
    const under = yesNo('civilCode278Major', owners(8), {
      o1: 'yes',
      o2: 'yes',
      o3: 'yes',
      o4: 'yes',
      o5: 'yes',
      o6: 'no',
      o7: 'no',
    });
    expect(under.passed).toBe(false); // 5/7 < 3/4
  });

  it('an owner of three units is one head with the areas summed', () => {
    const electors = electorsFromUnits([
      { owner: 'wang', areaCm2: 8950n },
      { owner: 'wang', areaCm2: 9000n },
      { owner: 'wang', areaCm2: 12000n },
      { owner: 'li', areaCm2: 8950n },
      { owner: 'zhao', areaCm2: 8950n },
    ]);
    const r = yesNo('civilCode278Ordinary', electors, { wang: 'yes', li: 'no' });
    expect(r.electorate).toEqual({ heads: 3, areaCm2: 47850n });
    expect(r.participation).toEqual({ heads: 2, areaCm2: 38900n });
    // heads: 1 of 2 agree — exactly half, fails; area: 29950 of 38900 agree — passes.
    const agreement = r.checks.filter((c) => c.stage === 'agreement');
    expect(agreement.map((c) => [c.dimension, c.value.num, c.value.den, c.pass])).toEqual([
      ['heads', 1n, 2n, false],
      ['area', 29950n, 38900n, true],
    ]);
    expect(r.passed).toBe(false);
  });

  it('abstentions take part but never agree; silence counts for nothing', () => {
    const r = yesNo('civilCode278Ordinary', owners(3), { o1: 'yes', o2: 'abstain' });
    expect(r.participation.heads).toBe(2);
    expect(r.abstentions.heads).toBe(1);
    expect(r.passed).toBe(false); // 1 of 2 participants agree: not more than half
    expect(yesNo('residentsMeeting', owners(5), { o1: 'yes', o2: 'yes' }).passed).toBe(false); // 2 of 5 attend
    expect(yesNo('residentsMeeting', owners(5), { o1: 'yes', o2: 'yes', o3: 'no' }).passed).toBe(true);
  });

  it('area can fail where heads pass', () => {
    const electors = [
      { key: 'big', areaCm2: 100000n },
      { key: 'a', areaCm2: 1000n },
      { key: 'b', areaCm2: 1000n },
    ];
    const r = yesNo('civilCode278Ordinary', electors, { a: 'yes', b: 'yes' });
    expect(r.checks.find((c) => c.stage === 'participation' && c.dimension === 'area')?.pass).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('an empty electorate passes nothing', () => {
    expect(yesNo('simpleMajority', [], {}).passed).toBe(false);
    expect(yesNo('civilCode278Ordinary', [], {}).passed).toBe(false);
  });
});

describe('options', () => {
  const base = { options: ['red', 'blue', 'green'], electors: owners(5), rule: 'simpleMajority' as const };
  it('one of several: the option with more than half of the ballots wins', () => {
    const r = tally({
      ...base,
      method: 'single',
      maxChoices: 1,
      ballots: [
        { key: 'o1', choices: ['red'] },
        { key: 'o2', choices: ['red'] },
        { key: 'o3', choices: ['red'] },
        { key: 'o4', choices: ['blue'] },
      ],
    });
    expect(r.winners).toEqual(['red']);
    expect(r.options.map((o) => o.heads)).toEqual([3, 1, 0]);
  });

  it('up to k of several: the best k that pass; a level pair at the cut is a tie', () => {
    const ballots = [
      { key: 'o1', choices: ['red', 'blue'] },
      { key: 'o2', choices: ['red', 'green'] },
      { key: 'o3', choices: ['red', 'blue'] },
      { key: 'o4', choices: ['green', 'blue'] },
      { key: 'o5', choices: ['green'] },
    ];
    const two = tally({ ...base, method: 'multi', maxChoices: 2, ballots });
    expect(two.options.map((o) => o.heads)).toEqual([3, 3, 3]);
    expect(two.tie).toBe(true);
    expect(two.winners).toEqual([]);
    const three = tally({ ...base, method: 'multi', maxChoices: 3, ballots });
    expect(three.winners).toHaveLength(3);
  });

  it('refuses ballots the vote does not allow', () => {
    const single = { ...base, method: 'single' as const, maxChoices: 1 };
    expect(() => tally({ ...single, ballots: [{ key: 'o1', choices: ['purple'] }] })).toThrow(
      TallyInputError,
    );
    expect(() => tally({ ...single, ballots: [{ key: 'o1', choices: ['red', 'blue'] }] })).toThrow(
      TallyInputError,
    );
    expect(() => tally({ ...single, ballots: [{ key: 'x', choices: ['red'] }] })).toThrow(TallyInputError);
    expect(() =>
      tally({
        ...single,
        ballots: [
          { key: 'o1', choices: ['red'] },
          { key: 'o1', choices: ['blue'] },
        ],
      }),
    ).toThrow(TallyInputError);
  });
});

describe('exact text', () => {
  it('areas and percentages never round up', () => {
    expect(areaFromText('89.5')).toBe(8950n);
    expect(areaFromText('89.50')).toBe(8950n);
    expect(areaFromText('89.505')).toBeNull();
    expect(areaFromText('-1')).toBeNull();
    expect(areaText(8950n)).toBe('89.50');
    expect(percentText({ num: 2n, den: 3n })).toBe('66.66%');
    expect(percentText({ num: 0n, den: 0n })).toBeNull();
  });
});

describe('recount file', () => {
  it('recounts the documented format', () => {
    const out = recount({
      rule: 'civil-code-278-ordinary',
      electorate: [
        { unit: '1-101', owner: 'o1', area: '89.50' },
        { unit: '1-102', owner: 'o1', area: '89.50' },
        { unit: '1-201', owner: 'o2', area: '120.00' },
        { unit: '1-202', owner: 'o3', area: '60.00' },
      ],
      ballots: [
        { owner: 'o1', choice: 'yes' },
        { owner: 'o2', choice: 'abstain' },
        { owner: 'o3', choice: 'yes' },
      ],
    });
    expect(out).toMatchObject({
      passed: true,
      participation: { heads: '3/3', area: '35900/35900' },
      agreement: { heads: '2/3', area: '23900/35900' },
    });
  });

  it('names what is wrong in a bad file', () => {
    expect(() => recount({ rule: 'majority', electorate: [], ballots: [] })).toThrow(/rule/);
    expect(() =>
      recount({ rule: 'simple-majority', electorate: [{ unit: '1', owner: 'a', area: '1,5' }], ballots: [] }),
    ).toThrow(/area/);
    expect(() =>
      recount({
        rule: 'simple-majority',
        electorate: [{ unit: '1', owner: 'a', area: '1' }],
        ballots: [{ owner: 'b', choice: 'yes' }],
      }),
    ).toThrow(/not in the electorate/);
  });
});

// ---------------------------------------------------------------------------------------------------
// The oracle: counts straight from the units, and finds each threshold by trying every integer
// (the least count that meets it), instead of cross-multiplying. Small areas keep the search short.

function leastMeeting(total: number, t: Threshold): number | null {
  for (let k = 0; k <= total; k++)
    if (t.strict ? k * t.den > t.num * total : k * t.den >= t.num * total) return k;
  return null;
}
function oracleMeets(value: number, total: number, t: Threshold): boolean {
  if (total === 0) return false;
  const least = leastMeeting(total, t);
  return least !== null && value >= least;
}

interface Unit {
  owner: string;
  area: number;
}
function oraclePassed(
  rule: VoteRule,
  custom: RuleThresholds | undefined,
  units: Unit[],
  votes: Map<string, 'yes' | 'no' | 'abstain'>,
) {
  const t = thresholdsOf(rule, custom);
  const heads = new Set(units.map((u) => u.owner)).size;
  const area = units.reduce((s, u) => s + u.area, 0);
  let partHeads = 0;
  let partArea = 0;
  let yesHeads = 0;
  let yesArea = 0;
  for (const [owner, v] of votes) {
    const a = units.filter((u) => u.owner === owner).reduce((s, u) => s + u.area, 0);
    partHeads++;
    partArea += a;
    if (v === 'yes') {
      yesHeads++;
      yesArea += a;
    }
  }
  const ok = (value: number, total: number, th?: Threshold) =>
    th === undefined || oracleMeets(value, total, th);
  return (
    ok(partHeads, heads, t.participation.heads) &&
    ok(partArea, area, t.participation.area) &&
    ok(yesHeads, partHeads, t.agreement.heads) &&
    ok(yesArea, partArea, t.agreement.area)
  );
}

const threshold = fc.record({
  num: fc.integer({ min: 0, max: 5 }),
  den: fc.integer({ min: 1, max: 5 }),
  strict: fc.boolean(),
});
const customRule: fc.Arbitrary<RuleThresholds> = fc.record({
  participation: fc.record({ heads: threshold, area: threshold }, { requiredKeys: [] }),
  agreement: fc.record({ heads: threshold, area: threshold }, { requiredKeys: [] }),
});

describe('against a brute-force oracle', () => {
  it('decides every random electorate and ballot box as the oracle does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ owner: fc.integer({ min: 1, max: 12 }), area: fc.integer({ min: 0, max: 40 }) }),
          {
            maxLength: 30,
          },
        ),
        fc.func(fc.constantFrom('yes', 'no', 'abstain', 'silent')),
        fc.constantFrom(...VOTE_RULES),
        customRule,
        (rawUnits, choose, rule, custom) => {
          const units = rawUnits.map((u) => ({ owner: `o${u.owner}`, area: u.area }));
          const votes = new Map<string, 'yes' | 'no' | 'abstain'>();
          for (const owner of new Set(units.map((u) => u.owner))) {
            const v = choose(owner);
            if (v !== 'silent') votes.set(owner, v);
          }
          const result = tally({
            method: 'yesNo',
            options: [YES, NO],
            maxChoices: 1,
            rule,
            custom,
            electors: electorsFromUnits(units.map((u) => ({ owner: u.owner, areaCm2: BigInt(u.area) }))),
            ballots: [...votes].map(([key, v]) => ({ key, choices: v === 'abstain' ? [] : [v] })),
          });
          expect(result.passed).toBe(oraclePassed(rule, custom, units, votes));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
