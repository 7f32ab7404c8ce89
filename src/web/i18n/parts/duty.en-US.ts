import type { Resources } from '../zh-CN.ts';

/** en-US strings of the station's duty pages (same keys as duty.zh-CN.ts). */
export const dutyEnUS: Resources['duty'] = {
  title: 'Duty',
};
