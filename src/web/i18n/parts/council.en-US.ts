import type { Resources } from '../zh-CN.ts';

/** en-US strings of the station's council pages (same keys as council.zh-CN.ts). */
export const councilEnUS: Resources['council'] = {
  title: 'Station',
};
