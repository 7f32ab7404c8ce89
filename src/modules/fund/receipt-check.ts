import type { Text } from '../../server/http/errors.ts';

/**
 * What a receipt's bytes are, by their first bytes (never the file name), and whether its name says the
 * same: a PDF renamed to .jpg, or a text file named .pdf, is refused rather than filed as an invoice.
 * Pure.
 */

export type ReceiptContent = 'jpeg' | 'png' | 'webp' | 'pdf';

/** The largest receipt: the size the photo pipeline takes, for PDFs as well. */
export const RECEIPT_MAX_BYTES = 10 * 1024 * 1024;

const starts = (data: Buffer, bytes: readonly number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffReceipt(data: Buffer): ReceiptContent | null {
  if (starts(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(data, ascii('RIFF')) && starts(data, ascii('WEBP'), 8)) return 'webp';
  if (starts(data, ascii('%PDF-'))) return 'pdf';
  return null;
}

const IMAGE_NAMES = ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp'];

/** A file name as stored and shown: no folders, no control characters, at most 200 characters. */
export function cleanName(name: string | null | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop()!;
  const base = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return base.slice(-200) || '票据';
}

/** Why the file is refused, or null when it is an image or a PDF its name agrees with. */
export function receiptProblem(name: string, content: ReceiptContent | null): Text | null {
  if (content === null) {
    return {
      zh: '票据只能是图片（JPG、PNG、WebP）或 PDF 文件',
      en: 'A receipt must be an image (JPG, PNG, WebP) or a PDF',
    };
  }
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  const saysPdf = ext === 'pdf';
  const saysImage = IMAGE_NAMES.includes(ext);
  const isPdf = content === 'pdf';
  if ((saysPdf && isPdf) || (saysImage && !isPdf)) return null;
  return {
    zh: `文件“${name}”的内容是${isPdf ? ' PDF ' : '图片'}，与文件名不符：请上传原始文件，不要改扩展名`,
    en: `The file “${name}” holds ${isPdf ? 'a PDF' : 'an image'}, not what its name says: upload the original file`,
  };
}
