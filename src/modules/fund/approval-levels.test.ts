import { describe, expect, it } from 'vitest';
import { bandProblems, DEFAULT_BANDS, effectiveBands, requiredLevels } from './approval-levels.ts';

describe('fund rules: approval levels by amount', () => {
  const bands = { chairMaxFen: 200_000, councilMaxFen: 2_000_000 };
  it.each([
    [1, ['chair']],
    [200_000, ['chair']],
    [200_001, ['chair', 'council']],
    [2_000_000, ['chair', 'council']],
    [2_000_001, ['chair', 'council', 'community']],
  ] as const)('%i fen needs %j', (amount, levels) => {
    expect(requiredLevels(amount, bands)).toEqual(levels);
  });

  it('takes the defaults, then the areas from the top down, then the station', () => {
    const rows = [
      { path: '/1/2/', chairMaxFen: 100_000 },
      { path: '/1/', chairMaxFen: 300_000, councilMaxFen: 5_000_000 },
      { path: '/1/2/3/4/s9/', councilMaxFen: 1_000_000 },
      { path: '/7/', chairMaxFen: 1 },
    ];
    expect(effectiveBands('/1/2/3/4/s9/', rows)).toEqual({
      bands: { chairMaxFen: 100_000, councilMaxFen: 1_000_000 },
      sources: { chairMaxFen: '/1/2/', councilMaxFen: '/1/2/3/4/s9/' },
    });
    expect(effectiveBands('/5/s1/', rows).bands).toEqual(DEFAULT_BANDS);
  });

  it('never lets a station’s own rule loosen what an area set, even one tightened later', () => {
    const rows = [
      { path: '/1/2/', chairMaxFen: 50_000, councilMaxFen: 500_000 },
      { path: '/1/2/3/4/s9/', chairMaxFen: 100_000, councilMaxFen: 400_000 },
    ];
    expect(effectiveBands('/1/2/3/4/s9/', rows)).toEqual({
      bands: { chairMaxFen: 50_000, councilMaxFen: 400_000 },
      sources: { chairMaxFen: '/1/2/', councilMaxFen: '/1/2/3/4/s9/' },
    });
  });

  it('refuses a chair band above the council band, and a station looser than its district', () => {
    expect(bandProblems({ chairMaxFen: 3, councilMaxFen: 2 }, null).map((p) => p.path)).toEqual([
      'chairMaxFen',
    ]);
    expect(bandProblems({ chairMaxFen: 100, councilMaxFen: 2_000_001 }, DEFAULT_BANDS)).toHaveLength(1);
    expect(bandProblems({ chairMaxFen: 100, councilMaxFen: 2_000_000 }, DEFAULT_BANDS)).toEqual([]);
  });
});
