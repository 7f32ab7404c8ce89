/** Tag colours dark enough on white for WCAG AA with white text: every coloured tag takes one of these. */
export const TAG = {
  good: '#237804',
  bad: '#a8071a',
  warn: '#ad4e00',
  info: '#0958d9',
  /** Under way (a request in progress). */
  busy: '#531dab',
  plain: '#434343',
} as const;
