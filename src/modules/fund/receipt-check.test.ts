import { describe, expect, it } from 'vitest';
import { cleanName, receiptProblem, sniffReceipt } from './receipt-check.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('receipts are judged by their bytes, and their names must agree', () => {
  it('knows images and PDFs by their first bytes', () => {
    expect(sniffReceipt(PDF)).toBe('pdf');
    expect(sniffReceipt(JPEG)).toBe('jpeg');
    expect(sniffReceipt(PNG)).toBe('png');
    expect(sniffReceipt(WEBP)).toBe('webp');
    expect(sniffReceipt(Buffer.from('发票金额 300 元'))).toBeNull();
    expect(sniffReceipt(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffReceipt(Buffer.alloc(0))).toBeNull();
  });

  it('refuses other content whatever its name, and a file renamed to another type', () => {
    expect(receiptProblem('发票.pdf', null)?.zh).toMatch(/图片.*PDF/);
    expect(receiptProblem('发票.jpg', 'pdf')?.zh).toMatch(/与文件名不符/);
    expect(receiptProblem('发票.pdf', 'jpeg')?.en).toMatch(/not what its name says/);
    expect(receiptProblem('发票.docx', 'pdf')).not.toBeNull();
    expect(receiptProblem('发票.PDF', 'pdf')).toBeNull();
    expect(receiptProblem('收据.JPEG', 'jpeg')).toBeNull();
    expect(receiptProblem('收据.png', 'png')).toBeNull();
    expect(receiptProblem('收据', 'webp')).toBeNull();
  });

  it('keeps only the file name, without control characters', () => {
    expect(cleanName('C:\\Users\\a\\发票.pdf')).toBe('发票.pdf');
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(cleanName(null)).toBe('票据');
    expect(cleanName('x'.repeat(300)).length).toBe(200);
  });
});
