/** 13812345678 → 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Only the tail of an ID number is ever shown without the sensitive-data right. */
export function maskIdNumber(tail: string | null): string | null {
  return tail ? `**************${tail}` : null;
}
