import { and, eq, inArray, sql } from 'drizzle-orm';
import { encryptField } from '../../server/crypto.ts';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuditActor } from '../audit/record-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { naturalKey } from '../places/places.presenters.ts';
import { buildings, compounds, households, units } from '../places/places.tables.ts';
import { householdMembers, residents, rosterImports } from './people.tables.ts';
import type { RosterRow } from './roster-parse.ts';

const CHUNK = 1000;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Writes validated roster rows into one compound inside the caller's transaction: buildings, units
 * and households are created when missing (an existing household's area is updated), residents are
 * matched by name and phone within the station, and links are added when missing. Set-based: a few
 * statements per thousand rows, so a 5,000-household roster takes seconds.
 */
export async function writeRoster(
  tx: DbOrTx,
  actor: AuditActor,
  input: {
    compound: { id: number; stationId: number; path: string };
    fileName: string;
    rows: RosterRow[];
    importedBy: number;
  },
) {
  const { compound, rows } = input;
  const stationId = compound.stationId;

  // Buildings
  const buildingNames = [...new Set(rows.map((r) => r.building))];
  await insertChunks(buildingNames, (chunk) =>
    tx
      .insert(buildings)
      .values(chunk.map((name) => ({ stationId, compoundId: compound.id, name, path: '' })))
      .onConflictDoNothing(),
  );
  await tx.execute(
    sql`update ${buildings} set path = ${compound.path} || 'b' || id || '/' where compound_id = ${compound.id} and path = ''`,
  );
  const buildingRows = await tx
    .select({ id: buildings.id, name: buildings.name, path: buildings.path })
    .from(buildings)
    .where(eq(buildings.compoundId, compound.id));
  const buildingByName = new Map(buildingRows.map((b) => [b.name, b]));

  // Units
  const unitKeys = [...new Map(rows.map((r) => [`${r.building}\u0000${r.unit}`, r])).values()];
  await insertChunks(unitKeys, (chunk) =>
    tx
      .insert(units)
      .values(
        chunk.map((r) => ({
          stationId,
          buildingId: buildingByName.get(r.building)!.id,
          name: r.unit,
          path: '',
        })),
      )
      .onConflictDoNothing(),
  );
  const buildingIds = buildingRows.map((b) => b.id);
  await tx.execute(
    sql`update ${units} u set path = b.path || 'u' || u.id || '/' from ${buildings} b where b.id = u.building_id and u.path = '' and u.building_id in ${buildingIds}`,
  );
  const unitRows = await tx
    .select({ id: units.id, name: units.name, buildingId: units.buildingId })
    .from(units)
    .where(inArray(units.buildingId, buildingIds));
  const unitByKey = new Map(unitRows.map((u) => [`${u.buildingId}\u0000${u.name}`, u]));
  const unitOf = (r: RosterRow) => unitByKey.get(`${buildingByName.get(r.building)!.id}\u0000${r.unit}`)!;

  // Households
  const before = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(eq(households.compoundId, compound.id));
  const householdKeys = [
    ...new Map(rows.map((r) => [`${r.building}\u0000${r.unit}\u0000${r.room}`, r])).values(),
  ];
  await insertChunks(householdKeys, (chunk) =>
    tx
      .insert(households)
      .values(
        chunk.map((r) => {
          const label = `${r.building}${r.unit}${r.room}`;
          return {
            stationId,
            compoundId: compound.id,
            buildingId: buildingByName.get(r.building)!.id,
            unitId: unitOf(r).id,
            room: r.room,
            areaCm2: r.areaCm2,
            label,
            sortKey: naturalKey(label),
            path: '',
          };
        }),
      )
      .onConflictDoUpdate({
        target: [households.unitId, households.room],
        set: { areaCm2: sql`excluded.area_cm2` },
      }),
  );
  await tx.execute(
    sql`update ${households} h set path = u.path || 'h' || h.id || '/' from ${units} u where u.id = h.unit_id and h.path = '' and h.compound_id = ${compound.id}`,
  );
  const after = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(eq(households.compoundId, compound.id));
  const householdRows = await tx
    .select({ id: households.id, unitId: households.unitId, room: households.room })
    .from(households)
    .where(eq(households.compoundId, compound.id));
  const householdByKey = new Map(householdRows.map((h) => [`${h.unitId}\u0000${h.room}`, h.id]));
  const householdOf = (r: RosterRow) => householdByKey.get(`${unitOf(r).id}\u0000${r.room}`)!;

  // Residents: one per (name, phone) in the station; people without a phone are one per household.
  const existing = await tx
    .select({ id: residents.id, name: residents.name, phone: residents.phone })
    .from(residents)
    .where(eq(residents.stationId, stationId));
  const personKey = (name: string, phone: string | null, householdId: number) =>
    phone ? `${name}\u0000${phone}` : `${name}\u0000-\u0000${householdId}`;
  const residentByKey = new Map<string, number>();
  for (const r of existing) if (r.phone) residentByKey.set(personKey(r.name, r.phone, 0), r.id);
  const linked = await tx
    .select({
      residentId: householdMembers.residentId,
      householdId: householdMembers.householdId,
      name: residents.name,
    })
    .from(householdMembers)
    .innerJoin(residents, eq(residents.id, householdMembers.residentId))
    .where(and(eq(householdMembers.stationId, stationId), sql`${residents.phone} is null`));
  for (const l of linked) residentByKey.set(personKey(l.name, null, l.householdId), l.residentId);

  const newPeople = new Map<string, RosterRow>();
  for (const r of rows) {
    const key = personKey(r.name, r.phone, householdOf(r));
    if (!residentByKey.has(key) && !newPeople.has(key)) newPeople.set(key, r);
  }
  const newList = [...newPeople.entries()];
  await insertChunks(newList, async (chunk) => {
    const created = await tx
      .insert(residents)
      .values(
        chunk.map(([, r]) => ({
          stationId,
          name: r.name,
          phone: r.phone,
          idNumberEnc: r.idNumber ? encryptField(r.idNumber) : null,
          idNumberTail: r.idNumber ? r.idNumber.slice(-4) : null,
          birthYear: r.birthYear,
        })),
      )
      .returning({ id: residents.id });
    for (const [i, [key]] of chunk.entries()) residentByKey.set(key, created[i]!.id);
  });

  // Links: a new named voter replaces the household's old one.
  const links = rows.map((r) => {
    const householdId = householdOf(r);
    return {
      stationId,
      householdId,
      residentId: residentByKey.get(personKey(r.name, r.phone, householdId))!,
      relation: r.relation,
      isVoter: r.isVoter,
    };
  });
  const voterHouseholds = links.filter((l) => l.isVoter).map((l) => l.householdId);
  if (voterHouseholds.length > 0) {
    await insertChunks(voterHouseholds, (chunk) =>
      tx
        .update(householdMembers)
        .set({ isVoter: false })
        .where(and(inArray(householdMembers.householdId, chunk), eq(householdMembers.isVoter, true))),
    );
  }
  let linksCreated = 0;
  await insertChunks(links, async (chunk) => {
    const created = await tx
      .insert(householdMembers)
      .values(chunk)
      .onConflictDoUpdate({
        target: [householdMembers.householdId, householdMembers.residentId],
        set: { relation: sql`excluded.relation`, isVoter: sql`excluded.is_voter` },
      })
      .returning({ id: householdMembers.id, inserted: sql<boolean>`(xmax = 0)` });
    linksCreated += created.filter((c) => c.inserted).length;
  });

  const householdsCreated = after[0]!.n - before[0]!.n;
  // A bulk load changes the tables' shape a lot: refresh the planner's statistics now rather than
  // waiting for autovacuum, so list pages use their indexes from the first request.
  await tx.execute(sql`analyze places_households, people_residents, people_household_members`);
  const [record] = await tx
    .insert(rosterImports)
    .values({
      stationId,
      compoundId: compound.id,
      fileName: input.fileName.slice(0, 200),
      rowCount: rows.length,
      householdsCreated,
      residentsCreated: newList.length,
      importedBy: input.importedBy,
    })
    .returning({ id: rosterImports.id });
  await recordAudit(tx, actor, {
    action: 'roster.import',
    subjectType: 'compound',
    subjectId: compound.id,
    stationId,
    path: compound.path,
    summary: {
      importId: record!.id,
      rows: rows.length,
      householdsCreated,
      residentsCreated: newList.length,
      linksCreated,
    },
  });
  return {
    importId: record!.id,
    rows: rows.length,
    householdsCreated,
    residentsCreated: newList.length,
    linksCreated,
  };
}

export async function compoundForImport(tx: DbOrTx, compoundId: number) {
  const [row] = await tx
    .select({ id: compounds.id, stationId: compounds.stationId, path: compounds.path })
    .from(compounds)
    .where(eq(compounds.id, compoundId));
  return row ?? null;
}
