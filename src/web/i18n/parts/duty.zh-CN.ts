/** zh-CN strings of the station's duty pages (merged into zh-CN.ts under `duty`). */
export const dutyZhCN = {
  title: '值班',
};
