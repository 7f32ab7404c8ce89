import { APPROVAL_LEVELS, type ApprovalLevel } from './rules.tables.ts';

/**
 * The fund rules' amount bands, pure: up to `chairMaxFen` the chair decides alone; up to `councilMaxFen`
 * a council meeting decides too; above it the community approves as well. Levels add up, lowest first:
 * a 30,000-yuan budget needs the chair, then a council meeting, then the community.
 */

export interface Bands {
  chairMaxFen: number;
  councilMaxFen: number;
}

/** 2,000 yuan for the chair alone, 20,000 yuan with a council meeting, above that the community too. */
export const DEFAULT_BANDS: Bands = { chairMaxFen: 200_000, councilMaxFen: 2_000_000 };

/** The levels an amount needs, in the order they decide. */
export function requiredLevels(amountFen: number, bands: Bands): ApprovalLevel[] {
  if (amountFen <= bands.chairMaxFen) return ['chair'];
  if (amountFen <= bands.councilMaxFen) return ['chair', 'council'];
  return [...APPROVAL_LEVELS];
}

export interface BandRow extends Partial<Bands> {
  /** An area's path ('/1/2/') or, for a station's own rule, the station's path ('/1/2/3/4/s9/'). */
  path: string;
}

/**
 * A station's bands: the defaults, then the rules of the areas above it from the city down, then its
 * own where it is stricter; with where each value came from ('default' or the path that set it).
 */
export function effectiveBands(stationPath: string, rows: readonly BandRow[]) {
  const bands: Bands = { ...DEFAULT_BANDS };
  const sources: Record<keyof Bands, string> = { chairMaxFen: 'default', councilMaxFen: 'default' };
  const above = rows
    .filter((r) => stationPath.startsWith(r.path))
    .sort((a, b) => a.path.length - b.path.length);
  for (const row of above) {
    for (const key of ['chairMaxFen', 'councilMaxFen'] as const) {
      const value = row[key];
      // A station's own rule only ever tightens: an area tightened later still binds it.
      const own = row.path === stationPath;
      if (value !== undefined && (!own || value < bands[key])) {
        bands[key] = value;
        sources[key] = row.path;
      }
    }
  }
  return { bands, sources };
}

export interface BandProblem {
  path: keyof Bands;
  zh: string;
  en: string;
}

/**
 * What is wrong with new bands: the chair's band above the council's; and for a station, any band
 * looser than what the areas above it set (a station may only be stricter than its district).
 */
export function bandProblems(next: Bands, ceiling: Bands | null): BandProblem[] {
  const problems: BandProblem[] = [];
  if (next.chairMaxFen > next.councilMaxFen) {
    problems.push({
      path: 'chairMaxFen',
      zh: '理事长审批上限不能高于理事会审批上限',
      en: 'The chair’s limit cannot be above the council’s',
    });
  }
  if (ceiling) {
    for (const key of ['chairMaxFen', 'councilMaxFen'] as const) {
      if (next[key] > ceiling[key]) {
        problems.push({
          path: key,
          zh: '自治站的审批上限只能比上级规定更严格',
          en: 'A station’s limits can only be stricter than the ones set above it',
        });
      }
    }
  }
  return problems;
}
