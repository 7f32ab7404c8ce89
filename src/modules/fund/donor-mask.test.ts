import { describe, expect, it } from 'vitest';
import { ANONYMOUS, donorLabel, maskName, receiptNo } from './donor-mask.ts';

describe('donor labels', () => {
  const wang = { building: '3幢', unit: '1单元', name: '王建国' };
  it('masks the name to its first character after the building and unit', () => {
    expect(donorLabel({ ...wang, shown: 'masked' })).toBe('3幢1单元 王**');
  });
  it('shows the name in full only when the donor agreed', () => {
    expect(donorLabel({ ...wang, shown: 'full' })).toBe('3幢1单元 王建国');
  });
  it('shows 匿名 and nothing else for an anonymous donor', () => {
    expect(donorLabel({ ...wang, shown: 'anonymous' })).toBe(ANONYMOUS);
    expect(donorLabel({ ...wang, shown: 'anonymous' })).not.toContain('3幢');
  });
  it('keeps a one-character name and a rare character whole, and hides the length of the name', () => {
    expect(maskName('林')).toBe('林**');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName(' 欧阳娜娜 ')).toBe('欧**');
    expect(maskName('')).toBe('**');
  });
});

describe('receipt numbers', () => {
  it('are Z, the drive, and six digits', () => {
    expect(receiptNo(7, 1)).toBe('Z7-000001');
    expect(receiptNo(12, 123)).toBe('Z12-000123');
    expect(receiptNo(3, 1_234_567)).toBe('Z3-1234567');
  });
  it('refuse a sequence that is not a positive integer', () => {
    expect(() => receiptNo(1, 0)).toThrow(RangeError);
    expect(() => receiptNo(1, Number.NaN)).toThrow(RangeError);
  });
});
