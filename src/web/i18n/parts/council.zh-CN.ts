/** zh-CN strings of the station's council pages (merged into zh-CN.ts under `council`). */
export const councilZhCN = {
  title: '自治站',
};
