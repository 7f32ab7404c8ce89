/** The words of a station's setup, shared by the server and the web app (pure data, no imports). */

export const STATION_KINDS = ['service', 'mutualAid', 'team'] as const;
export const STAGES = ['preparing', 'operating', 'suspended'] as const;
export const SETUP_STEPS = ['site', 'council', 'rules', 'fitOut'] as const;
export const RULE_KINDS = ['charter', 'duty', 'reporting', 'fund', 'meeting'] as const;
export type StationKind = (typeof STATION_KINDS)[number];
export type Stage = (typeof STAGES)[number];
export type SetupStep = (typeof SETUP_STEPS)[number];
export type RuleKind = (typeof RULE_KINDS)[number];
