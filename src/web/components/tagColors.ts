/** Tag colours dark enough on white for WCAG AA with white text (as requests/StatusTag.tsx). */
export const TAG = {
  good: '#237804',
  bad: '#a8071a',
  warn: '#ad4e00',
  info: '#0958d9',
  plain: '#434343',
} as const;
