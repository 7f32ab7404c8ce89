import { describe, expect, it } from 'vitest';
import type { Grant } from '../accounts/policy.ts';
import { ROLE_SCOPES, ROLES, type Role } from '../accounts/roles.ts';
import { type Assignment, mayUseVisitList, visitCompoundIds } from './visit-access.ts';

// A household's compound c7 of station 9 in community /1/2/3/4/ (building b31 inside it).
const place = { stationId: 9, compoundId: 7, compoundPath: '/1/2/3/4/c7/' };
const ME = 1;

/** Each role granted on its own kind of node, covering the compound (as policy.test.ts grants them). */
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

// Written out by hand: may the role use the visit list of c7, when not assigned / when assigned to c7?
const Y = true;
const _ = false;
const EXPECTED: Record<Role, { unassigned: boolean; assigned: boolean }> = {
  resident: { unassigned: _, assigned: _ },
  buildingLeader: { unassigned: _, assigned: _ },
  councilMember: { unassigned: _, assigned: _ },
  chair: { unassigned: Y, assigned: Y },
  secretaryGeneral: { unassigned: _, assigned: _ },
  propertyStaff: { unassigned: _, assigned: _ },
  ownersCommittee: { unassigned: _, assigned: _ },
  socialWorker: { unassigned: _, assigned: Y },
  gridWorker: { unassigned: _, assigned: Y },
  streetOfficer: { unassigned: _, assigned: _ },
  districtOfficer: { unassigned: _, assigned: _ },
  cityOfficer: { unassigned: _, assigned: _ },
  expert: { unassigned: _, assigned: _ },
  platformAdmin: { unassigned: _, assigned: _ },
};

const assignedHere: Assignment[] = [{ userId: ME, compoundId: 7 }];
const othersAssigned: Assignment[] = [
  { userId: 2, compoundId: 7 },
  { userId: ME, compoundId: 8 },
];

describe('visit list access', () => {
  it('covers every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    const { unassigned, assigned } = EXPECTED[role];
    it(`${role}: ${unassigned ? 'allowed' : 'denied'} unassigned, ${assigned ? 'allowed' : 'denied'} assigned`, () => {
      const actor = { userId: ME, grants: [grantOn(role)] };
      expect(mayUseVisitList(actor, place, [])).toBe(unassigned);
      expect(mayUseVisitList(actor, place, othersAssigned)).toBe(unassigned);
      expect(mayUseVisitList(actor, place, assignedHere)).toBe(assigned);
    });
  }

  it('holding every role but chair and worker, on the whole platform, is not enough', () => {
    const grants = ROLES.filter((r) => !['chair', 'socialWorker', 'gridWorker'].includes(r)).map(grantOn);
    expect(mayUseVisitList({ userId: ME, grants }, place, assignedHere)).toBe(false);
  });

  it("another station's chair is denied", () => {
    const actor = { userId: ME, grants: [{ role: 'chair' as const, stationId: 10, path: null }] };
    expect(mayUseVisitList(actor, place, assignedHere)).toBe(false);
  });

  it('an assigned worker whose role no longer covers the compound is denied', () => {
    const elsewhere = { role: 'socialWorker' as const, stationId: null, path: '/1/2/3/5/' };
    expect(mayUseVisitList({ userId: ME, grants: [elsewhere] }, place, assignedHere)).toBe(false);
  });

  it('nobody signed out', () => {
    expect(mayUseVisitList(null, place, assignedHere)).toBe(false);
  });

  it('lists only the compounds of the station an assigned worker works in; all of them for the chair', () => {
    const compounds = [
      { id: 7, path: '/1/2/3/4/c7/' },
      { id: 8, path: '/1/2/3/4/c8/' },
    ];
    const worker = { userId: ME, grants: [grantOn('socialWorker')] };
    expect(visitCompoundIds(worker, 9, compounds, assignedHere)).toEqual([7]);
    expect(visitCompoundIds(worker, 9, compounds, [])).toEqual([]);
    expect(visitCompoundIds({ userId: ME, grants: [grantOn('chair')] }, 9, compounds, [])).toEqual([7, 8]);
  });
});
