import { describe, expect, it } from 'vitest';
import {
  AFFILIATION_LABELS,
  AFFILIATIONS,
  ALL_POSITION_PAIRS,
  type CompositionPolicy,
  type CouncilMemberView,
  checkComposition,
  DEFAULT_POLICY,
  POSITION_LABELS,
  POSITIONS,
  type Position,
  policyProblems,
  resolvePolicy,
  validatePolicy,
} from './composition.ts';

let nextKey = 0;
/** One council member; lives in the compound unless told otherwise. */
function member(position: Position, livesInCompound = true, personKey = `p${++nextKey}`): CouncilMemberView {
  return { personKey, name: `成员${personKey}`, position, affiliations: [], livesInCompound };
}
const many = (n: number, position: Position, livesInCompound = true) =>
  Array.from({ length: n }, () => member(position, livesInCompound));

/**
 * Seed 000 (南江绿苑): "设常务理事 7 名，理事长由业委会主任担任，秘书长有社区骨干担任" — a chair, a
 * secretary-general and five standing directors, all residents.
 */
const seven = () => [
  { ...member('chair'), affiliations: ['ownersCommittee' as const] },
  { ...member('secretaryGeneral'), affiliations: ['residentActivist' as const] },
  ...many(5, 'standingDirector'),
];
/** The seven standing directors plus `x` further members, of whom `xResidents` live in the compound. */
const sevenPlus = (x: number, xResidents: number) => [
  ...seven(),
  ...many(xResidents, 'activeResident'),
  ...many(x - xResidents, 'director', false),
];
/** Seven standing directors of whom only `r` live in the compound. */
const sevenWithResidents = (r: number) => [
  member('chair', r >= 1),
  ...Array.from({ length: 6 }, (_, i) => member('standingDirector', i + 2 <= r)),
];

const codes = (members: CouncilMemberView[], policy: CompositionPolicy = DEFAULT_POLICY) =>
  checkComposition(members, policy).map((v) => v.code);

describe('lists and labels', () => {
  it('label every position and affiliation', () => {
    expect(Object.keys(POSITION_LABELS).sort()).toEqual([...POSITIONS].sort());
    expect(Object.keys(AFFILIATION_LABELS).sort()).toEqual([...AFFILIATIONS].sort());
  });
  it('by default every two positions exclude each other', () => {
    expect(ALL_POSITION_PAIRS).toHaveLength((POSITIONS.length * (POSITIONS.length - 1)) / 2);
    expect(DEFAULT_POLICY.exclusivePositions).toBe(ALL_POSITION_PAIRS);
  });
});

describe('checkComposition with the seeds’ defaults', () => {
  it.each<[string, () => CouncilMemberView[], string[]]>([
    ['7 standing directors incl. chair and secretary-general (seed 000)', seven, []],
    ['"7+X": 7 standing directors and 3 active residents', () => sevenPlus(3, 3), []],
    [
      'chair, vice-chair, secretary-general and 4 standing directors make 7',
      () => [
        member('chair'),
        member('viceChair'),
        member('secretaryGeneral'),
        ...many(4, 'standingDirector'),
      ],
      [],
    ],
    [
      '6 standing directors',
      () => [member('chair'), ...many(5, 'standingDirector')],
      ['standingDirectorsTooFew'],
    ],
    [
      '8 standing directors',
      () => [member('chair'), ...many(7, 'standingDirector')],
      ['standingDirectorsTooMany'],
    ],
    [
      'directors and active residents are not standing directors',
      () => [member('chair'), ...many(5, 'standingDirector'), member('director'), member('activeResident')],
      ['standingDirectorsTooFew'],
    ],
    ['no chair', () => [member('viceChair'), ...many(6, 'standingDirector')], ['noChair']],
    ['two chairs', () => [...many(2, 'chair'), ...many(5, 'standingDirector')], ['tooManyChairs']],
    ['an empty council', () => [], ['noChair', 'standingDirectorsTooFew']],
    // Seed 004: "居民代表占成员总数的50%以上" — half included (see composition.ts).
    ['residents exactly half: 4 of 8', () => [...sevenWithResidents(4), member('director', false)], []],
    [
      'residents just under half: 3 of 8',
      () => [...sevenWithResidents(3), member('director', false)],
      ['residentsUnderShare'],
    ],
    ['residents just over half: 5 of 8', () => [...sevenWithResidents(5), member('director', false)], []],
    ['residents 4 of 7', () => sevenWithResidents(4), []],
    ['residents 3 of 7', () => sevenWithResidents(3), ['residentsUnderShare']],
    ['every member counts: 7 residents and 7 directors from outside', () => sevenPlus(7, 0), []],
    ['7 residents and 8 directors from outside', () => sevenPlus(8, 0), ['residentsUnderShare']],
    ['active residents help the share: 7 + 2 + 7 from outside', () => [...sevenPlus(9, 2)], []],
  ])('%s', (_name, council, expected) => {
    expect(codes(council())).toEqual(expected);
  });

  it.each<[string, (a: CouncilMemberView, b: CouncilMemberView) => CouncilMemberView[], string[]]>([
    [
      'same person twice in the same position',
      (a, b) => [member('chair'), ...many(5, 'standingDirector'), a, { ...a }, b],
      ['duplicatePerson'],
    ],
    [
      'same person as standing director and director',
      (a) => [member('chair'), ...many(5, 'standingDirector'), a, { ...a, position: 'director' }],
      ['positionsConflict'],
    ],
    [
      'same person as chair and secretary-general (counted once: 6 standing directors)',
      (a) => [
        { ...a, position: 'chair' },
        { ...a, position: 'secretaryGeneral' },
        ...many(5, 'standingDirector'),
      ],
      ['positionsConflict', 'standingDirectorsTooFew'],
    ],
  ])('%s', (_name, council, expected) => {
    expect(codes(council(member('standingDirector'), member('director')))).toEqual(expected);
  });

  it('writes messages for a station chair, Chinese first', () => {
    const [few] = checkComposition([member('chair'), ...many(4, 'standingDirector')], DEFAULT_POLICY);
    expect(few).toMatchObject({
      zh: '常务理事（含理事长、副理事长、秘书长）应为7名，现有5名',
      detail: { min: 7, max: 7, actual: 5 },
    });
    const [share] = checkComposition([...sevenWithResidents(3), member('director', false)], DEFAULT_POLICY);
    expect(share).toMatchObject({
      zh: '居住在本小区的成员应不少于成员总数的一半（8名中至少4名），现有3/8',
      detail: { residents: 3, total: 8, num: 1, den: 2, required: 4 },
    });
    expect(share?.en).toMatch(/at least 1\/2 of members/);
  });
});

describe('resolvePolicy', () => {
  // A district that widens the standing council and asks for two thirds of residents.
  const district: Partial<CompositionPolicy> = {
    standingDirectors: { min: 5, max: 9 },
    residentShareMin: { num: 2, den: 3 },
  };

  it.each<[string, Partial<CompositionPolicy>[], Partial<CompositionPolicy>]>([
    ['no overrides → the seeds’ defaults', [], DEFAULT_POLICY],
    ['empty levels change nothing', [{}, {}, {}], DEFAULT_POLICY],
    ['a district override', [{}, district], { ...DEFAULT_POLICY, ...district }],
    [
      'a later level (street) wins over an earlier one (district)',
      [{ chairs: 1 }, district, { standingDirectors: { min: 6, max: 8 } }, {}],
      { standingDirectors: { min: 6, max: 8 }, residentShareMin: { num: 2, den: 3 }, chairs: 1 },
    ],
    [
      'an undefined field does not clear an earlier one',
      [district, { residentShareMin: undefined }],
      { residentShareMin: { num: 2, den: 3 } },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(resolvePolicy(overrides)).toMatchObject(expected);
  });

  it('refuses an invalid override', () => {
    expect(() => resolvePolicy([{}, { standingDirectors: { min: 9, max: 5 } }])).toThrow(/level 1/);
  });

  const twoThirds = resolvePolicy([district]);
  const council = (standing: number, residents: number, total: number) => [
    member('chair', residents >= 1),
    ...Array.from({ length: total - 1 }, (_, i) =>
      member(i + 1 < standing ? 'standingDirector' : 'director', i + 2 <= residents),
    ),
  ];
  it.each<[string, CouncilMemberView[], string[]]>([
    ['5 standing directors is enough there', council(5, 5, 5), []],
    ['9 standing directors is allowed there', council(9, 9, 9), []],
    ['4 standing directors is too few', council(4, 4, 4), ['standingDirectorsTooFew']],
    ['10 standing directors is too many', council(10, 10, 10), ['standingDirectorsTooMany']],
    // Exact arithmetic: residents·3 ≥ 2·members.
    ['2/3 of 9: 6 residents', council(7, 6, 9), []],
    ['2/3 of 9: 5 residents', council(7, 5, 9), ['residentsUnderShare']],
    ['2/3 of 7: 5 residents (5·3 = 15 ≥ 14)', council(7, 5, 7), []],
    ['2/3 of 7: 4 residents (12 < 14)', council(7, 4, 7), ['residentsUnderShare']],
    ['half is no longer enough: 4 of 8', council(7, 4, 8), ['residentsUnderShare']],
  ])('district at 5–9 and ≥ 2/3: %s', (_name, members, expected) => {
    expect(codes(members, twoThirds)).toEqual(expected);
  });

  it('words two thirds in Chinese', () => {
    const [v] = checkComposition(council(7, 5, 9), twoThirds);
    expect(v?.zh).toBe('居住在本小区的成员应不少于成员总数的三分之二（9名中至少6名），现有5/9');
  });

  it('a district may allow a vice-chair to be secretary-general too; the person counts once', () => {
    const policy = resolvePolicy([
      {
        exclusivePositions: ALL_POSITION_PAIRS.filter(
          ([a, b]) => !(a === 'viceChair' && b === 'secretaryGeneral'),
        ),
      },
    ]);
    const both = member('viceChair');
    const members = [member('chair'), both, { ...both, position: 'secretaryGeneral' as const }];
    expect(codes([...members, ...many(5, 'standingDirector')], policy)).toEqual([]);
    expect(codes([...members, ...many(4, 'standingDirector')], policy)).toEqual(['standingDirectorsTooFew']);
    expect(
      codes([...members, { ...both, position: 'director' }, ...many(5, 'standingDirector')], policy),
    ).toEqual(['positionsConflict', 'positionsConflict']);
  });

  it('a district may ask every standing director to live in the compound (seed 001, Haishu)', () => {
    const policy = resolvePolicy([{ standingDirectorsLiveInCompound: true }]);
    const outsider = member('standingDirector', false);
    const members = [member('chair'), outsider, ...many(5, 'standingDirector'), member('director', false)];
    expect(checkComposition(members, policy)).toEqual([
      expect.objectContaining({
        code: 'standingDirectorNotResident',
        detail: expect.objectContaining({ personKey: outsider.personKey }),
      }),
    ]);
    expect(codes(members)).toEqual([]);
  });
});

describe('validatePolicy', () => {
  it.each<[string, unknown, RegExp | null]>([
    ['the defaults', DEFAULT_POLICY, null],
    ['a partial override', { chairs: 1 }, null],
    ['min above max', { standingDirectors: { min: 9, max: 5 } }, /min \(9\) must not exceed max \(5\)/],
    ['a negative count', { standingDirectors: { min: -1, max: 5 } }, /standingDirectors.min must be a whole/],
    ['a fractional count', { chairs: 1.5 }, /chairs must be a whole/],
    ['more chairs than standing seats', { standingDirectors: { min: 1, max: 1 }, chairs: 2 }, /chairs \(2\)/],
    ['a zero share', { residentShareMin: { num: 0, den: 2 } }, /0 < num ≤ den/],
    ['a share above one', { residentShareMin: { num: 3, den: 2 } }, /0 < num ≤ den/],
    ['a zero denominator', { residentShareMin: { num: 0, den: 0 } }, /0 < num ≤ den/],
    ['an unknown position', { exclusivePositions: [['chair', 'mayor']] }, /exclusivePositions\[0\]/],
    ['a position paired with itself', { exclusivePositions: [['chair', 'chair']] }, /with itself/],
    ['a flag that is not a boolean', { standingDirectorsLiveInCompound: 'yes' }, /true or false/],
  ])('%s', (_name, policy, problem) => {
    const problems = validatePolicy(policy as Partial<CompositionPolicy>);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(problem);
  });
});

describe('policyProblems', () => {
  it('says every problem in Chinese too, on the field it is about', () => {
    expect(
      policyProblems({ standingDirectors: { min: 9, max: 5 }, residentShareMin: { num: 3, den: 2 } }),
    ).toEqual([
      {
        path: 'standingDirectors',
        zh: '常务理事人数下限（9）不能大于上限（5）',
        en: 'standingDirectors.min (9) must not exceed max (5)',
      },
      {
        path: 'residentShareMin',
        zh: '居民占比须满足 0 < 分子 ≤ 分母（现为 3/2）',
        en: 'residentShareMin must satisfy 0 < num ≤ den (got 3/2)',
      },
    ]);
  });
});
