/** The default categories from the seeds, with response / resolution deadlines in hours. */
export const DEFAULT_CATEGORIES = [
  { code: 'leak', name: '漏水/管道', responseHours: 4, resolutionHours: 48 },
  { code: 'greening', name: '绿化', responseHours: 24, resolutionHours: 168 },
  { code: 'sanitation', name: '环境卫生', responseHours: 12, resolutionHours: 48 },
  { code: 'parking', name: '停车', responseHours: 24, resolutionHours: 120 },
  { code: 'repair', name: '设施维修', responseHours: 12, resolutionHours: 120 },
  { code: 'safety', name: '安全', responseHours: 2, resolutionHours: 24 },
  { code: 'neighbours', name: '噪音与邻里', responseHours: 24, resolutionHours: 168 },
  { code: 'dogs', name: '文明养犬', responseHours: 24, resolutionHours: 120 },
  { code: 'waste', name: '垃圾分类', responseHours: 24, resolutionHours: 72 },
  { code: 'other', name: '其他', responseHours: 24, resolutionHours: 168 },
] as const;
