import { describe, expect, it } from 'vitest';
import { can, type Grant } from './policy.ts';
import { ACTIONS, type Action, ROLE_ACTIONS, ROLE_SCOPES, ROLES, type Role } from './roles.ts';

// The expected matrix, written out by hand: which role may do which action on its own node.
const Y = true;
const _ = false;
// prettier-ignore
const EXPECTED: Record<Role, Record<Action, boolean>> = {
  //                 tree.read tree.manage hh.read res.read res.sens res.manage roster verif actFor audit role req.read req.handle req.conf st.read st.manage st.policy duty patrol delib.read delib.manage ballot.enter ballot.collect fund.read fund.post fund.collect fund.approve
  resident: row(_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _),
  buildingLeader: row(Y, _, Y, Y, _, _, _, _, _, _, _, Y, _, _, _, _, _, _, _, _, _, _, Y, _, _, Y, _),
  councilMember: row(Y, _, Y, Y, _, _, _, _, Y, _, _, Y, Y, _, Y, _, _, Y, _, Y, _, Y, _, Y, _, _, _),
  chair: row(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, _, Y, Y, Y, Y, Y, Y, Y, Y, Y, _),
  secretaryGeneral: row(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, _, Y, Y, Y, Y, Y, Y, Y, Y, Y, _),
  propertyStaff: row(Y, _, Y, Y, _, _, _, _, _, _, _, Y, Y, _, _, _, _, _, _, _, _, _, _, _, _, _, _),
  ownersCommittee: row(Y, _, Y, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _),
  socialWorker: row(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, _, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
  gridWorker: row(Y, _, Y, Y, Y, Y, _, Y, Y, _, _, Y, Y, _, Y, _, _, Y, Y, Y, _, Y, _, _, _, _, _),
  streetOfficer: row(Y, Y, Y, _, _, _, _, _, _, Y, Y, Y, Y, _, Y, _, _, _, _, Y, _, _, _, Y, _, _, Y),
  districtOfficer: row(Y, Y, Y, _, _, _, _, _, _, Y, Y, Y, Y, _, Y, _, Y, _, _, Y, _, _, _, Y, _, _, Y),
  cityOfficer: row(Y, Y, Y, _, _, _, _, _, _, Y, Y, Y, Y, _, Y, _, Y, _, _, Y, _, _, _, Y, _, _, Y),
  expert: row(Y, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _),
  platformAdmin: row(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
};

function row(...flags: boolean[]): Record<Action, boolean> {
  return Object.fromEntries(ACTIONS.map((a, i) => [a, flags[i]])) as Record<Action, boolean>;
}

// A household in station 9 of community /1/2/3/4/, building b31.
const household = { stationId: 9, path: '/1/2/3/4/c7/b31/u5/h99/' };
const grantOn = (role: Role): Grant => {
  switch (ROLE_SCOPES[role]) {
    case 'station':
      return { role, stationId: 9, path: null };
    case 'building':
      return { role, stationId: 9, path: '/1/2/3/4/c7/b31/' };
    case 'area':
      return { role, stationId: null, path: role === 'platformAdmin' ? '/' : '/1/2/3/4/' };
  }
};

describe('permission matrix', () => {
  it('covers every role and every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...ACTIONS].sort());
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      it(`${role} × ${action} → ${EXPECTED[role][action] ? 'allowed' : 'denied'} on its own node`, () => {
        expect(can({ userId: 1, grants: [grantOn(role)] }, action, household)).toBe(EXPECTED[role][action]);
      });
    }
  }

  it('the table in roles.ts agrees with the expected matrix', () => {
    for (const role of ROLES) {
      expect([...ROLE_ACTIONS[role]].sort()).toEqual(ACTIONS.filter((a) => EXPECTED[role][a]).sort());
    }
  });
});

describe('scope', () => {
  const actor = (grant: Grant) => ({ userId: 1, grants: [grant] });

  it('a grant on an area reaches everything below it and nothing beside it', () => {
    const community = actor({ role: 'socialWorker', stationId: null, path: '/1/2/3/4/' });
    expect(can(community, 'resident.read', household)).toBe(true);
    expect(can(community, 'resident.read', { stationId: 10, path: '/1/2/3/40/c8/' })).toBe(false);
    // '/1/2/3/4/' must not reach '/1/2/3/45/': paths end with a slash.
    expect(can(community, 'resident.read', { stationId: 11, path: '/1/2/3/45/c9/' })).toBe(false);
  });

  it('a grant on a station reaches its rows only', () => {
    const chair = actor({ role: 'chair', stationId: 9, path: null });
    expect(can(chair, 'resident.manage', household)).toBe(true);
    expect(can(chair, 'resident.manage', { stationId: 10, path: '/1/2/3/4/c8/' })).toBe(false);
  });

  it('a building leader reaches their building, not the next one', () => {
    const leader = actor({ role: 'buildingLeader', stationId: 9, path: '/1/2/3/4/c7/b31/' });
    expect(can(leader, 'resident.read', household)).toBe(true);
    expect(can(leader, 'resident.read', { stationId: 9, path: '/1/2/3/4/c7/b32/u6/h100/' })).toBe(false);
  });

  it('nobody signed out can do anything', () => {
    for (const action of ACTIONS) expect(can(null, action, household)).toBe(false);
  });
});
