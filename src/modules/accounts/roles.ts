/**
 * Roles and actions, and which role may do which action. Pure data, shared with the web app
 * (which only shows what the server sends as abilities; it never decides).
 */

export const ROLES = [
  'resident',
  'buildingLeader',
  'councilMember',
  'chair',
  'secretaryGeneral',
  'propertyStaff',
  'ownersCommittee',
  'socialWorker',
  'gridWorker',
  'streetOfficer',
  'districtOfficer',
  'cityOfficer',
  'expert',
  'platformAdmin',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** See the tree: areas, stations, compounds, buildings, units, households' labels. */
  'tree.read',
  /** Create and edit places. */
  'tree.manage',
  /** List households with their members' masked names. */
  'household.read',
  /** See residents (phones masked). */
  'resident.read',
  /** See full phone numbers and ID numbers. */
  'resident.readSensitive',
  /** Create and edit residents and their household links. */
  'resident.manage',
  'roster.import',
  'verification.review',
  /** Act for a resident at the desk (recorded as on-behalf-of). */
  'resident.actFor',
  'audit.read',
  /** Grant and revoke roles below one's own node. */
  'role.manage',
  /** See the station's request queue and every request in it (not only public ones). */
  'request.read',
  /** Accept, assign, resolve, escalate… requests; enter requests for residents. */
  'request.handle',
  /** Set the station's request categories, deadlines, default handlers, auto-close days and Open311 client keys. */
  'request.configure',
  /** See a station's page: setup, rules with their history, council, portfolios, roster, duty log. */
  'station.read',
  /** Set a station up: site, rooms, stage, checklist, rules, council, portfolios, opening hours, slots, roster, patrol templates, worker assignments. */
  'station.manage',
  /** Set the council composition policy for an area (a district, say) that its stations inherit. */
  'station.policy',
  /** Serve at the duty desk: write the duty log and turn entries into requests (own shifts need no role). */
  'duty.serve',
  /** Walk patrols and record their findings. */
  'patrol.record',
  /** See a station's topics, meetings and votes as staff: electorates, who took part (never how, in secret votes). */
  'deliberation.read',
  /** Run deliberation: move topics, call meetings, set up, open, close and cancel votes. */
  'deliberation.manage',
  /** Enter paper ballots at the desk, with the photo of the signed ballot. */
  'ballot.enter',
  /** Collect ballots door to door in the buildings one's grant covers. */
  'ballot.collect',
  /** See a station's fund as staff: accounts, the whole ledger, the chain check. */
  'fund.read',
  /** Record the fund's income, expenses, transfers and reversals; open earmarked accounts. */
  'fund.post',
  /** Collect crowdfunding cash door to door in the buildings one's grant covers, with a receipt each. */
  'fund.collect',
  /** Approve spending at the community level of the fund rules (above what the station decides alone). */
  'fund.approve',
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF_READ = ['tree.read', 'household.read', 'resident.read'] as const satisfies readonly Action[];
const HANDLE = ['request.read', 'request.handle'] as const satisfies readonly Action[];
const STATION_ADMIN = [
  ...STAFF_READ,
  'tree.manage',
  'resident.readSensitive',
  'resident.manage',
  'roster.import',
  'verification.review',
  'resident.actFor',
  'audit.read',
  'role.manage',
  ...HANDLE,
  'request.configure',
  'station.read',
  'station.manage',
  'duty.serve',
  'patrol.record',
  'deliberation.read',
  'deliberation.manage',
  'ballot.enter',
  'ballot.collect',
  'fund.read',
  'fund.post',
  'fund.collect',
] as const satisfies readonly Action[];
const OFFICER = [
  'tree.read',
  'tree.manage',
  'household.read',
  'audit.read',
  'role.manage',
  ...HANDLE,
  'station.read',
  'deliberation.read',
  'fund.read',
  'fund.approve',
] as const satisfies readonly Action[];

export const ROLE_ACTIONS = {
  resident: [],
  buildingLeader: [...STAFF_READ, 'request.read', 'ballot.collect', 'fund.collect'],
  // station.read shows the duty log and the roster: the council and the community's workers, not the
  // property company (residents' matters are often about it), building leaders or the owners' committee.
  councilMember: [
    ...STAFF_READ,
    'resident.actFor',
    ...HANDLE,
    'station.read',
    'duty.serve',
    'deliberation.read',
    'ballot.enter',
    'fund.read',
  ],
  chair: STATION_ADMIN,
  secretaryGeneral: STATION_ADMIN,
  propertyStaff: [...STAFF_READ, ...HANDLE],
  ownersCommittee: ['tree.read', 'household.read'],
  socialWorker: [...STATION_ADMIN, 'fund.approve'],
  gridWorker: [
    ...STAFF_READ,
    'resident.readSensitive',
    'resident.manage',
    'verification.review',
    'resident.actFor',
    ...HANDLE,
    'station.read',
    'duty.serve',
    'patrol.record',
    'deliberation.read',
    'ballot.enter',
  ],
  streetOfficer: OFFICER,
  districtOfficer: [...OFFICER, 'station.policy'],
  cityOfficer: [...OFFICER, 'station.policy'],
  expert: ['tree.read'],
  platformAdmin: ACTIONS,
} as const satisfies Record<Role, readonly Action[]>;

/** Where each role may be granted: on an area (with its lowest level), a station, or a building. */
export const ROLE_SCOPES = {
  resident: 'station',
  buildingLeader: 'building',
  councilMember: 'station',
  chair: 'station',
  secretaryGeneral: 'station',
  propertyStaff: 'station',
  ownersCommittee: 'station',
  socialWorker: 'area',
  gridWorker: 'area',
  streetOfficer: 'area',
  districtOfficer: 'area',
  cityOfficer: 'area',
  expert: 'area',
  platformAdmin: 'area',
} as const satisfies Record<Role, 'area' | 'station' | 'building'>;

export function roleAllows(role: Role, action: Action): boolean {
  return (ROLE_ACTIONS[role] as readonly Action[]).includes(action);
}
