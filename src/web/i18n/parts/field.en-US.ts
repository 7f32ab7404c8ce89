import type { Resources } from '../zh-CN.ts';

/** en-US strings of the station's field pages (same keys as field.zh-CN.ts). */
export const fieldEnUS: Resources['field'] = {
  title: 'Patrols and visits',
};
