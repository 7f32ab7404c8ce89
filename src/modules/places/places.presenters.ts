/** 8935 centi-m² → "89.35". */
export function formatAreaM2(cm2: number): string {
  return `${Math.trunc(cm2 / 100)}.${String(cm2 % 100).padStart(2, '0')}`;
}

export function presentHousehold(row: { id: number; label: string; areaCm2: number }) {
  return {
    id: row.id,
    label: row.label,
    areaM2: formatAreaM2(row.areaCm2),
  };
}

/** Sorts "2幢" before "10幢" and "502" before "1101": numbers padded inside the key. */
export function naturalKey(text: string): string {
  return text.replace(/\d+/g, (d) => d.padStart(8, '0'));
}

export const householdLabel = (building: string, unit: string, room: string) => `${building}${unit}${room}`;
