import { and, asc, eq, gt, inArray, like, or } from 'drizzle-orm';
import { decryptField, encryptField } from '../../server/crypto.ts';
import type { DbOrTx } from '../../server/db/client.ts';
import { escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { abilitiesAt, can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findPlace, stationPlace } from '../places/find-place.ts';
import { compounds, households } from '../places/places.tables.ts';
import { resolveActingFor } from './acting-for.ts';
import { maskIdNumber, maskPhone } from './people.presenters.ts';
import { householdMembers, residents } from './people.tables.ts';

type Relation = 'owner' | 'tenant' | 'member';
type ResidentRow = typeof residents.$inferSelect;
const RESIDENT_ACTIONS = [
  'resident.read',
  'resident.readSensitive',
  'resident.manage',
  'resident.actFor',
] as const;

async function visibleStation(db: DbOrTx, ctx: AuthedCtx, stationId: number) {
  return findPlace(db, ctx.user, 'station', stationId, 'household.read');
}

function presentRow(row: ResidentRow, sensitive: boolean) {
  let idNumber = maskIdNumber(row.idNumberTail);
  if (sensitive && row.idNumberEnc) idNumber = decryptField(row.idNumberEnc);
  return {
    id: row.id,
    stationId: row.stationId,
    name: row.name,
    phone: sensitive ? row.phone : maskPhone(row.phone),
    idNumber,
    birthYear: row.birthYear,
    tags: row.tags,
    verified: row.verifiedAt !== null,
  };
}

/** Links a resident to households of the same station; at most one named voter per household. */
export async function linkMembers(
  tx: DbOrTx,
  stationId: number,
  residentId: number,
  links: { householdId: number; relation: Relation; isVoter: boolean }[],
) {
  if (links.length === 0) return;
  const ids = [...new Set(links.map((l) => l.householdId))];
  const found = await tx
    .select({ id: households.id })
    .from(households)
    .where(and(inArray(households.id, ids), eq(households.stationId, stationId)));
  if (found.length !== ids.length) {
    throw new AppError('VALIDATION', {
      errors: [
        {
          path: 'households',
          message: { zh: '所选房屋不属于该自治站', en: 'A household is not in this station' },
        },
      ],
    });
  }
  for (const link of links) {
    if (link.isVoter && link.relation !== 'owner') {
      throw new AppError('VALIDATION', {
        errors: [
          { path: 'households', message: { zh: '投票人必须是业主', en: 'The named voter must be an owner' } },
        ],
      });
    }
  }
  await tx.insert(householdMembers).values(links.map((l) => ({ stationId, residentId, ...l })));
}

export async function createResident(
  ctx: AuthedCtx,
  input: {
    stationId: number;
    name: string;
    phone?: string | undefined;
    idNumber?: string | undefined;
    birthYear?: number | undefined;
    tags: string[];
    households: { householdId: number; relation: Relation; isVoter: boolean }[];
  },
) {
  const station = await visibleStation(ctx.db, ctx, input.stationId);
  if (!can(ctx.user, 'resident.manage', station)) throw new AppError('FORBIDDEN');
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(residents)
      .values({
        stationId: input.stationId,
        name: input.name,
        phone: input.phone ?? null,
        idNumberEnc: input.idNumber ? encryptField(input.idNumber) : null,
        idNumberTail: input.idNumber ? input.idNumber.slice(-4) : null,
        birthYear: input.birthYear ?? null,
        tags: input.tags,
      })
      .returning();
    await linkMembers(tx, input.stationId, created!.id, input.households);
    await recordAudit(tx, ctx, {
      action: 'resident.create',
      subjectType: 'resident',
      subjectId: created!.id,
      stationId: input.stationId,
      path: station.path,
      summary: {
        name: input.name,
        phone: maskPhone(input.phone ?? null),
        households: input.households.map((h) => h.householdId),
      },
    });
    return created!;
  });
  return presentRow(row, can(ctx.user, 'resident.readSensitive', station));
}

export async function getResident(ctx: AuthedCtx, id: number) {
  const [row] = await ctx.db.select().from(residents).where(eq(residents.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const place = await stationPlace(ctx.db, row.stationId);
  const own = row.userId === ctx.user.userId;
  if (!own && !can(ctx.user, 'resident.read', place)) throw new AppError('NOT_FOUND');
  const links = await ctx.db
    .select({
      householdId: householdMembers.householdId,
      label: households.label,
      relation: householdMembers.relation,
      isVoter: householdMembers.isVoter,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.residentId, id));
  return {
    ...presentRow(row, own || can(ctx.user, 'resident.readSensitive', place)),
    households: links,
    abilities: abilitiesAt(ctx.user, place, RESIDENT_ACTIONS),
  };
}

/**
 * Edits a resident. Staff with resident.manage may change everything; the resident themselves, or
 * someone acting for them (X-On-Behalf-Of), may change their phone, birth year and tags.
 */
export async function updateResident(
  ctx: AuthedCtx,
  id: number,
  input: {
    name?: string | undefined;
    phone?: string | null | undefined;
    idNumber?: string | null | undefined;
    birthYear?: number | null | undefined;
    tags?: string[] | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(residents).where(eq(residents.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const place = await stationPlace(tx, row.stationId);
    const actingFor = ctx.onBehalfOf === id ? await resolveActingFor(tx, ctx) : null;
    const self = row.userId === ctx.user.userId;
    const manager = can(ctx.user, 'resident.manage', place);
    if (!manager && !self && actingFor === null) {
      throw new AppError(can(ctx.user, 'resident.read', place) ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    if (!manager && (input.name !== undefined || input.idNumber !== undefined)) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '姓名和身份证号只能由工作人员修改', en: 'Only staff may change the name or ID number' },
      });
    }
    const patch: Partial<typeof residents.$inferInsert> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.birthYear !== undefined) patch.birthYear = input.birthYear;
    if (input.tags !== undefined) patch.tags = input.tags;
    if (input.idNumber !== undefined) {
      patch.idNumberEnc = input.idNumber ? encryptField(input.idNumber) : null;
      patch.idNumberTail = input.idNumber ? input.idNumber.slice(-4) : null;
    }
    const sensitive = self || can(ctx.user, 'resident.readSensitive', place);
    if (Object.keys(patch).length === 0) return presentRow(row, sensitive);
    const [updated] = await tx.update(residents).set(patch).where(eq(residents.id, id)).returning();
    await recordAudit(
      tx,
      { ...ctx, onBehalfOfResident: actingFor },
      {
        action: 'resident.update',
        subjectType: 'resident',
        subjectId: id,
        stationId: row.stationId,
        path: place.path,
        summary: {
          fields: Object.keys(patch)
            .filter((k) => k !== 'idNumberTail')
            .map((k) => (k === 'idNumberEnc' ? 'idNumber' : k)),
        },
      },
    );
    return presentRow(updated!, sensitive);
  });
}

export async function listResidents(
  ctx: AuthedCtx,
  query: { stationId: number; q?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const station = await visibleStation(ctx.db, ctx, query.stationId);
  if (!can(ctx.user, 'resident.read', station)) throw new AppError('FORBIDDEN');
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const q = query.q === undefined ? undefined : escapeLike(query.q);
  const rows = await ctx.db
    .select()
    .from(residents)
    .where(
      and(
        eq(residents.stationId, query.stationId),
        q ? or(like(residents.name, `%${q}%`), like(residents.phone, `%${q}%`)) : undefined,
        after ? gt(residents.id, after[0]) : undefined,
      ),
    )
    .orderBy(asc(residents.id))
    .limit(query.limit + 1);
  const sensitive = can(ctx.user, 'resident.readSensitive', station);
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => presentRow(r, sensitive),
  );
}

export async function addMember(
  ctx: AuthedCtx,
  householdId: number,
  input: { residentId: number; relation: Relation; isVoter: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const household = await findPlace(tx, ctx.user, 'household', householdId, 'household.read');
    if (!can(ctx.user, 'resident.manage', household)) throw new AppError('FORBIDDEN');
    const [resident] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.id, input.residentId), eq(residents.stationId, household.stationId!)));
    if (!resident) throw new AppError('NOT_FOUND');
    if (input.isVoter) {
      // Naming a new voter replaces the old one: one household, one named voter.
      await tx
        .update(householdMembers)
        .set({ isVoter: false })
        .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.isVoter, true)));
    }
    await linkMembers(tx, household.stationId!, input.residentId, [{ householdId, ...input }]);
    await recordAudit(tx, ctx, {
      action: 'household.memberAdd',
      subjectType: 'household',
      subjectId: householdId,
      stationId: household.stationId,
      path: household.path,
      summary: { ...input },
    });
  });
}

export async function removeMember(ctx: AuthedCtx, householdId: number, residentId: number) {
  return ctx.db.transaction(async (tx) => {
    const household = await findPlace(tx, ctx.user, 'household', householdId, 'household.read');
    if (!can(ctx.user, 'resident.manage', household)) throw new AppError('FORBIDDEN');
    const removed = await tx
      .delete(householdMembers)
      .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.residentId, residentId)))
      .returning({ id: householdMembers.id });
    if (removed.length === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'household.memberRemove',
      subjectType: 'household',
      subjectId: householdId,
      stationId: household.stationId,
      path: household.path,
      summary: { residentId },
    });
  });
}

/** A household with its members; phones masked unless the viewer holds resident.readSensitive. */
export async function getHousehold(ctx: AuthedCtx, id: number) {
  const place = await findPlace(ctx.db, ctx.user, 'household', id, 'household.read');
  const [found] = await ctx.db
    .select({ row: households, compoundName: compounds.name })
    .from(households)
    .innerJoin(compounds, eq(compounds.id, households.compoundId))
    .where(eq(households.id, id));
  const members = can(ctx.user, 'resident.read', place)
    ? await ctx.db
        .select({
          residentId: residents.id,
          name: residents.name,
          phone: residents.phone,
          relation: householdMembers.relation,
          isVoter: householdMembers.isVoter,
          verifiedAt: residents.verifiedAt,
        })
        .from(householdMembers)
        .innerJoin(residents, eq(residents.id, householdMembers.residentId))
        .where(eq(householdMembers.householdId, id))
        .orderBy(asc(householdMembers.id))
    : [];
  const sensitive = can(ctx.user, 'resident.readSensitive', place);
  return {
    row: found!.row,
    compoundName: found!.compoundName,
    members: members.map((m) => ({
      residentId: m.residentId,
      name: m.name,
      phone: sensitive ? m.phone : maskPhone(m.phone),
      relation: m.relation,
      isVoter: m.isVoter,
      verified: m.verifiedAt !== null,
    })),
    abilities: abilitiesAt(ctx.user, place, [
      'household.read',
      'resident.read',
      'resident.manage',
      'resident.actFor',
    ]),
  };
}
