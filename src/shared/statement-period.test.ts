import { describe, expect, it } from 'vitest';
import { parsePeriod, quarterOf } from './statement-period.ts';

describe('statement periods', () => {
  it('reads a month as its days [from, to)', () => {
    expect(parsePeriod('2026-03')).toEqual({
      key: '2026-03',
      kind: 'month',
      year: 2026,
      part: 3,
      from: '2026-03-01',
      to: '2026-04-01',
      through: '2026-03-31',
      months: ['2026-03'],
    });
    expect(parsePeriod('2026-12')).toMatchObject({
      from: '2026-12-01',
      to: '2027-01-01',
      through: '2026-12-31',
    });
    expect(parsePeriod('2028-02')).toMatchObject({ through: '2028-02-29' });
    expect(parsePeriod('2100-02')).toMatchObject({ through: '2100-02-28' });
  });

  it('reads a quarter as its three months', () => {
    expect(parsePeriod('2026-Q1')).toMatchObject({
      kind: 'quarter',
      part: 1,
      from: '2026-01-01',
      to: '2026-04-01',
      months: ['2026-01', '2026-02', '2026-03'],
    });
    expect(parsePeriod('2026-Q4')).toMatchObject({
      from: '2026-10-01',
      to: '2027-01-01',
      through: '2026-12-31',
      months: ['2026-10', '2026-11', '2026-12'],
    });
  });

  it('refuses what is not a period', () => {
    for (const bad of [
      '',
      '2026',
      '2026-3',
      '2026-13',
      '2026-00',
      '2026-Q0',
      '2026-Q5',
      '2026-q1',
      '1899-12',
      '2200-01',
      '2026-03-01',
      ' 2026-03',
      '2026-03.xlsx',
    ]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('names the quarter of a month', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
  });
});
