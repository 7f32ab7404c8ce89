/** zh-CN strings of the station's field pages (merged into zh-CN.ts under `field`). */
export const fieldZhCN = {
  title: '巡查走访',
};
