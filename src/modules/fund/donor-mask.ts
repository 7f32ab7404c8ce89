import type { DonorShown } from './crowdfunding.tables.ts';

/**
 * How a donor appears on a drive's public list (DESIGN §3.5, PIPL): where they live to the unit and the
 * first character of the name ("3幢1单元 王**") unless they agreed to show the name in full; not at all
 * when they chose to give anonymously. The room number is never shown. Pure: the web app and the ledger's
 * counterparty use it too.
 */

export const ANONYMOUS = '匿名';

export interface Donor {
  /** The building's label, e.g. "3幢". */
  building: string;
  /** The unit's label, e.g. "1单元". */
  unit: string;
  name: string;
  shown: DonorShown;
}

/** The first character of a name (a whole code point, so a rare character is not cut in half). */
const firstChar = (name: string) => Array.from(name.trim())[0] ?? '';

export function maskName(name: string): string {
  return `${firstChar(name)}**`;
}

export function donorLabel(donor: Donor): string {
  switch (donor.shown) {
    case 'anonymous':
      return ANONYMOUS;
    case 'full':
      return `${donor.building}${donor.unit} ${donor.name.trim()}`;
    case 'masked':
      return `${donor.building}${donor.unit} ${maskName(donor.name)}`;
  }
}

/** A household's receipt number within its drive: 'Z{driveId}-000123'. */
export function receiptNo(driveId: number, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`receipt ${seq} is not a sequence number`);
  return `Z${driveId}-${String(seq).padStart(6, '0')}`;
}
