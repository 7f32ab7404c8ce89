/**
 * Composition rules of a station's council (理事会) for one term (届): how many standing directors,
 * one chair, residents at least half of the members, one position per person. Pure: no database, no I/O.
 *
 * Readings of the seeds (the source reports DESIGN.md is drawn from), relied on below:
 * - 001_450f16a8a64086d2.txt (Haishu): "理事会一般设常务理事7名" → 7 standing directors by default;
 *   "一般" (as a rule) is why districts may change it.
 * - 001_450f16a8a64086d2.txt (Ziwei compound): "“7”指包括居民理事长在内的7位常任理事，“X”指主动参与的热心
 *   居民" and 000_7a45096c29f901e8.txt: "设常务理事 7 名，理事长由业委会主任担任，秘书长有社区骨干担任" →
 *   the 7 include the chair and the secretary-general; we count the vice-chair with them too (an officer
 *   of the standing council). Directors (理事) and the "X" active residents are not standing directors.
 * - 004_07e64ca7045097b4.txt (Zhenhai): "要求所在地居民代表占成员总数的50%以上" → residents of the compound
 *   at least half of all members, half included: in Chinese law "以上" includes the number itself
 *   (民法典 第一千二百五十九条：“以上”……包括本数). 001 says the same in words: "保证以本小区居民为主体".
 * - 001_450f16a8a64086d2.txt (Haishu): standing directors are "由居住在本小区的社区“两委”成员、业委会成员、
 *   物业服务人员……等担任" → an opt-in rule that every standing director lives in the compound (off by
 *   default: the other seeds do not ask it).
 */

export const POSITIONS = [
  'chair',
  'viceChair',
  'secretaryGeneral',
  'standingDirector',
  'director',
  'activeResident',
] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS = {
  chair: '理事长',
  viceChair: '副理事长',
  secretaryGeneral: '秘书长',
  standingDirector: '常务理事',
  director: '理事',
  activeResident: '热心居民',
} as const satisfies Record<Position, string>;

/** Positions counted among the standing directors (the "7" of "7+X"); see the file comment. */
export const STANDING_POSITIONS = [
  'chair',
  'viceChair',
  'secretaryGeneral',
  'standingDirector',
] as const satisfies readonly Position[];

export const AFFILIATIONS = [
  'communityCommittee',
  'ownersCommittee',
  'propertyManager',
  'socialOrg',
  'residentActivist',
  'localUnit',
  'partyMember',
  'buildingLeader',
] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

export const AFFILIATION_LABELS = {
  communityCommittee: '社区两委',
  ownersCommittee: '业委会',
  propertyManager: '物业',
  socialOrg: '社会组织',
  residentActivist: '居民骨干',
  localUnit: '辖区单位',
  partyMember: '党员',
  buildingLeader: '楼组长',
} as const satisfies Record<Affiliation, string>;

/** Two positions one person may not hold together in a term. Order inside the pair does not matter. */
export type PositionPair = readonly [Position, Position];

/** Every pair of distinct positions: "a person holds one position per term". */
export const ALL_POSITION_PAIRS: readonly PositionPair[] = POSITIONS.flatMap((a, i) =>
  POSITIONS.slice(i + 1).map((b): PositionPair => [a, b]),
);

export interface CompositionPolicy {
  /** Persons in a standing position (chair, vice-chair, secretary-general, standing director), inclusive. */
  readonly standingDirectors: { readonly min: number; readonly max: number };
  /** Exactly this many chairs (理事长). */
  readonly chairs: number;
  /** Residents (livesInCompound) ≥ num/den of all members, compared as residents·den ≥ num·members. */
  readonly residentShareMin: { readonly num: number; readonly den: number };
  /** Pairs of positions one person may not hold together; by default every pair. */
  readonly exclusivePositions: readonly PositionPair[];
  /** Every standing director must live in the compound (Haishu's wording in seed 001); off by default. */
  readonly standingDirectorsLiveInCompound: boolean;
}

export const DEFAULT_POLICY: CompositionPolicy = Object.freeze({
  standingDirectors: Object.freeze({ min: 7, max: 7 }),
  chairs: 1,
  residentShareMin: Object.freeze({ num: 1, den: 2 }),
  exclusivePositions: ALL_POSITION_PAIRS,
  standingDirectorsLiveInCompound: false,
});

const POLICY_KEYS = Object.keys(DEFAULT_POLICY) as (keyof CompositionPolicy)[];

export interface PolicyProblem {
  /** The field, as in the policy object ('standingDirectors.min'). */
  path: string;
  zh: string;
  en: string;
}

/** Problems of a whole or partial policy (fields that are present), in both languages. */
export function policyProblems(p: Partial<CompositionPolicy>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const say = (path: string, zh: string, en: string) => problems.push({ path, zh, en });
  const count = (field: string, n: unknown) => {
    if (!Number.isSafeInteger(n) || (n as number) < 0) {
      say(field, `${field} 须为不小于 0 的整数`, `${field} must be a whole number ≥ 0`);
    }
  };
  const { standingDirectors: sd, residentShareMin: share } = p;
  if (sd !== undefined) {
    count('standingDirectors.min', sd.min);
    count('standingDirectors.max', sd.max);
    if (sd.min > sd.max) {
      say(
        'standingDirectors',
        `常务理事人数下限（${sd.min}）不能大于上限（${sd.max}）`,
        `standingDirectors.min (${sd.min}) must not exceed max (${sd.max})`,
      );
    }
  }
  if (p.chairs !== undefined) {
    count('chairs', p.chairs);
    // Chairs are standing directors, so more chairs than standing seats could never be met.
    if (sd !== undefined && p.chairs > sd.max) {
      say(
        'chairs',
        `理事长人数（${p.chairs}）不能超过常务理事人数上限（${sd.max}）`,
        `chairs (${p.chairs}) must not exceed standingDirectors.max (${sd.max})`,
      );
    }
  }
  if (share !== undefined) {
    count('residentShareMin.num', share.num);
    count('residentShareMin.den', share.den);
    if (!(share.num > 0 && share.num <= share.den)) {
      say(
        'residentShareMin',
        `居民占比须满足 0 < 分子 ≤ 分母（现为 ${share.num}/${share.den}）`,
        `residentShareMin must satisfy 0 < num ≤ den (got ${share.num}/${share.den})`,
      );
    }
  }
  if (p.exclusivePositions !== undefined && !Array.isArray(p.exclusivePositions)) {
    say('exclusivePositions', '不可兼任的职务须为职务对的列表', 'exclusivePositions must be a list of pairs');
  } else if (p.exclusivePositions !== undefined) {
    const known = (x: unknown) => (POSITIONS as readonly unknown[]).includes(x);
    p.exclusivePositions.forEach((pair, i) => {
      const path = `exclusivePositions.${i}`;
      if (!Array.isArray(pair) || pair.length !== 2 || !known(pair[0]) || !known(pair[1])) {
        say(path, `第${i + 1}项须为两个职务`, `exclusivePositions[${i}] must be a pair of positions`);
      } else if (pair[0] === pair[1]) {
        say(
          path,
          `第${i + 1}项把同一职务与自身配对`,
          `exclusivePositions[${i}] pairs a position with itself`,
        );
      }
    });
  }
  const live = p.standingDirectorsLiveInCompound;
  if (live !== undefined && typeof live !== 'boolean') {
    say(
      'standingDirectorsLiveInCompound',
      '“常务理事须居住在本小区”须为是或否',
      'standingDirectorsLiveInCompound must be true or false',
    );
  }
  return problems;
}

/** Problems of a whole or partial policy (fields that are present), in English. */
export function validatePolicy(p: Partial<CompositionPolicy>): string[] {
  return policyProblems(p).map((problem) => problem.en);
}

/**
 * The policy of a station from the overrides along its tree (city → district → street → community →
 * station), each partial; a later level wins. A field is replaced whole (a district setting
 * standingDirectors sets both min and max). Throws when an override or the result is not valid.
 */
export function resolvePolicy(overrides: readonly Partial<CompositionPolicy>[]): CompositionPolicy {
  const merged: { -readonly [K in keyof CompositionPolicy]: CompositionPolicy[K] } = { ...DEFAULT_POLICY };
  const take = <K extends keyof CompositionPolicy>(from: Partial<CompositionPolicy>, key: K) => {
    const value = from[key];
    if (value !== undefined) merged[key] = value as CompositionPolicy[K];
  };
  overrides.forEach((override, level) => {
    const problems = validatePolicy(override);
    if (problems.length > 0)
      throw new Error(`Invalid composition policy at level ${level}: ${problems.join('; ')}`);
    for (const key of POLICY_KEYS) take(override, key);
  });
  const problems = validatePolicy(merged);
  if (problems.length > 0) throw new Error(`Invalid composition policy: ${problems.join('; ')}`);
  return merged;
}

export interface CouncilMemberView {
  /** Resident or user id. */
  personKey: string;
  name: string;
  position: Position;
  affiliations: Affiliation[];
  livesInCompound: boolean;
}

export const VIOLATION_CODES = [
  'duplicatePerson',
  'positionsConflict',
  'noChair',
  'tooFewChairs',
  'tooManyChairs',
  'standingDirectorsTooFew',
  'standingDirectorsTooMany',
  'residentsUnderShare',
  'standingDirectorNotResident',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  code: ViolationCode;
  zh: string;
  en: string;
  detail: Record<string, number | string>;
}

/**
 * The rules a term's council breaks, in a stable order: entry problems first (they explain the counts),
 * then chair, standing directors, residents' share, and residence of standing directors.
 * Everything is counted by distinct person, so a person listed twice counts once.
 */
export function checkComposition(
  members: readonly CouncilMemberView[],
  policy: CompositionPolicy,
): Violation[] {
  const violations: Violation[] = [];
  const persons = new Map<string, { name: string; livesInCompound: boolean; positions: Position[] }>();
  for (const m of members) {
    const person = persons.get(m.personKey);
    if (person === undefined) {
      persons.set(m.personKey, { name: m.name, livesInCompound: m.livesInCompound, positions: [m.position] });
    } else if (person.positions.includes(m.position)) {
      const label = POSITION_LABELS[m.position];
      violations.push({
        code: 'duplicatePerson',
        zh: `${m.name}以${label}身份重复登记，请删除重复的一条`,
        en: `${m.name} is listed twice as ${m.position}; remove the duplicate`,
        detail: { personKey: m.personKey, name: m.name, position: m.position },
      });
    } else {
      for (const held of person.positions) {
        if (!excludes(policy, held, m.position)) continue;
        const [a, b] = [POSITION_LABELS[held], POSITION_LABELS[m.position]];
        violations.push({
          code: 'positionsConflict',
          zh: `${m.name}同时担任${a}和${b}，两者不能兼任，一人在一届中只担任一个职务`,
          en: `${m.name} holds both ${held} and ${m.position}, which may not be combined in one term`,
          detail: { personKey: m.personKey, name: m.name, position: held, otherPosition: m.position },
        });
      }
      person.positions.push(m.position);
    }
  }

  const all = [...persons.entries()];
  const holding = (positions: readonly Position[]) =>
    all.filter(([, p]) => p.positions.some((x) => positions.includes(x)));

  const chairs = holding(['chair']).length;
  if (chairs < policy.chairs) {
    const none = chairs === 0;
    violations.push({
      code: none ? 'noChair' : 'tooFewChairs',
      zh: none
        ? `本届理事会尚未设理事长（应设${policy.chairs}名）`
        : `理事长应为${policy.chairs}名，现有${chairs}名`,
      en: `The council needs ${policy.chairs} chair(s); it has ${chairs}`,
      detail: { required: policy.chairs, actual: chairs },
    });
  } else if (chairs > policy.chairs) {
    violations.push({
      code: 'tooManyChairs',
      zh: `理事长应为${policy.chairs}名，现有${chairs}名`,
      en: `The council may have only ${policy.chairs} chair(s); it has ${chairs}`,
      detail: { required: policy.chairs, actual: chairs },
    });
  }

  const standing = holding(STANDING_POSITIONS);
  const { min, max } = policy.standingDirectors;
  if (standing.length < min || standing.length > max) {
    const few = standing.length < min;
    const want = min === max ? `${min}` : `${min}至${max}`;
    const wantEn = min === max ? `${min}` : `${min} to ${max}`;
    violations.push({
      code: few ? 'standingDirectorsTooFew' : 'standingDirectorsTooMany',
      zh: `常务理事（含理事长、副理事长、秘书长）应为${want}名，现有${standing.length}名`,
      en: `Standing directors (chair, vice-chairs and secretary-general included) should be ${wantEn}; there are ${standing.length}`,
      detail: { min, max, actual: standing.length },
    });
  }

  // An empty council is already flagged above; a share of nobody says nothing more.
  const total = all.length;
  const residents = all.filter(([, p]) => p.livesInCompound).length;
  const { num, den } = policy.residentShareMin;
  if (total > 0 && residents * den < num * total) {
    const required = ceilDiv(num * total, den);
    violations.push({
      code: 'residentsUnderShare',
      zh: `居住在本小区的成员应不少于成员总数的${zhFraction(num, den)}（${total}名中至少${required}名），现有${residents}/${total}`,
      en: `Residents of the compound should be at least ${num}/${den} of members (${required} of ${total}); there are ${residents}/${total}`,
      detail: { residents, total, num, den, required },
    });
  }

  if (policy.standingDirectorsLiveInCompound) {
    for (const [personKey, p] of standing) {
      if (p.livesInCompound) continue;
      violations.push({
        code: 'standingDirectorNotResident',
        zh: `常务理事应由居住在本小区的人员担任，${p.name}不住在本小区`,
        en: `Standing directors should live in the compound; ${p.name} does not`,
        detail: { personKey, name: p.name },
      });
    }
  }
  return violations;
}

/** Whether the policy forbids one person to hold both positions in a term (either order). */
export function excludes(policy: CompositionPolicy, a: Position, b: Position): boolean {
  return policy.exclusivePositions.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** ⌈a/b⌉ for non-negative integers, without a fractional intermediate. */
function ceilDiv(a: number, b: number): number {
  const rest = a % b;
  return (a - rest) / b + (rest === 0 ? 0 : 1);
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1/2 → 一半, 2/3 → 三分之二, 1/1 → 全部; larger numbers stay as digits. */
function zhFraction(num: number, den: number): string {
  if (num === den) return '全部';
  if (num * 2 === den) return '一半';
  const [n, d] = [ZH_DIGITS[num], ZH_DIGITS[den]];
  return n !== undefined && d !== undefined ? `${d}分之${n}` : `${num}/${den}`;
}
