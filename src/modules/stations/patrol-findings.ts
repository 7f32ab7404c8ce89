import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import type { BlobStore } from '../../server/storage/blob-store.ts';
import { users } from '../accounts/accounts.tables.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { buildings, compounds } from '../places/places.tables.ts';
import {
  attachPhotos,
  categoryHandler,
  photoBytes,
  stationCategories,
  uploadPhoto,
  writeNewRequest,
} from '../requests/index.ts';
import { patrolFindings, patrols, patrolTemplates } from './field.tables.ts';
import { type FindingPhoto, loadPatrol, presentFinding } from './patrols.ts';
import { badField, readableStation } from './station-access.ts';

/**
 * What a patrol found, with photos (the requests module's pipeline: checked by content, EXIF
 * stripped, in the blob store), turned into a request in one action. Finding photos are read by
 * those who see the patrol: its worker and station.read at the station.
 */

const MAX_PHOTOS = 9;

const alreadyFiled = (requestId: number) =>
  new AppError('INVALID_STATE', {
    detail: { zh: `该发现已转为诉求 #${requestId}`, en: `This finding is already request #${requestId}` },
  });

async function loadFinding(ctx: AuthedCtx, id: number) {
  const [finding] = await ctx.db.select().from(patrolFindings).where(eq(patrolFindings.id, id));
  if (!finding) throw new AppError('NOT_FOUND');
  return { finding, ...(await loadPatrol(ctx, finding.patrolId)) };
}

export async function addFinding(
  ctx: AuthedCtx,
  patrolId: number,
  input: { itemKey?: string | undefined; note: string },
) {
  const { patrol, compound, abilities } = await loadPatrol(ctx, patrolId);
  if (!abilities.record) throw new AppError('FORBIDDEN');
  if (input.itemKey !== undefined) {
    const [known] = await ctx.db
      .select({ id: patrolTemplates.id })
      .from(patrolTemplates)
      .where(
        and(
          eq(patrolTemplates.id, patrol.templateId),
          sql`${patrolTemplates.items} @> ${JSON.stringify([{ key: input.itemKey }])}::jsonb`,
        ),
      );
    if (!known) throw badField('itemKey', { zh: '检查表中没有这一项', en: 'No such item on the checklist' });
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patrolFindings)
      .values({ stationId: patrol.stationId, patrolId, itemKey: input.itemKey ?? null, note: input.note })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'patrolFinding.add',
      subjectType: 'patrolFinding',
      subjectId: row!.id,
      stationId: patrol.stationId,
      path: compound.path,
      summary: { patrolId, itemKey: input.itemKey ?? null },
    });
    return presentFinding(row!);
  });
}

/** Adds a photo to a finding not yet turned into a request (at most nine). */
export async function addFindingPhoto(ctx: AuthedCtx, blobs: BlobStore, id: number, data: Buffer) {
  const { finding, abilities } = await loadFinding(ctx, id);
  if (!abilities.record) throw new AppError('FORBIDDEN');
  if (finding.requestId !== null) throw alreadyFiled(finding.requestId);
  const tooMany = badField('file', {
    zh: `每条发现最多 ${MAX_PHOTOS} 张照片`,
    en: `At most ${MAX_PHOTOS} photos a finding`,
  });
  if ((finding.photos as FindingPhoto[]).length >= MAX_PHOTOS) throw tooMany;
  const photo = await uploadPhoto(ctx, blobs, { stationId: finding.stationId, data });
  const entry: FindingPhoto = {
    id: photo.id,
    hash: photo.hash,
    width: photo.width,
    height: photo.height,
    by: ctx.user.userId,
  };
  // Appended in one statement, so two uploads at once both land and the limit holds.
  const [added] = await ctx.db
    .update(patrolFindings)
    .set({ photos: sql`${patrolFindings.photos} || ${JSON.stringify([entry])}::jsonb` })
    .where(
      and(
        eq(patrolFindings.id, id),
        isNull(patrolFindings.requestId),
        sql`jsonb_array_length(${patrolFindings.photos}) < ${MAX_PHOTOS}`,
      ),
    )
    .returning({ id: patrolFindings.id });
  if (!added) throw tooMany;
  return { id: photo.id, width: photo.width, height: photo.height };
}

/** The bytes of a finding's photo, for those who see the patrol; 404 for everyone else. */
export async function readFindingPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  input: { id: number; photoId: number; size: 'full' | 'thumb' },
) {
  const { finding } = await loadFinding(ctx, input.id);
  const photo = (finding.photos as FindingPhoto[]).find((p) => p.id === input.photoId);
  if (!photo) throw new AppError('NOT_FOUND');
  return photoBytes(blobs, photo.hash, input.size);
}

/**
 * Turns a finding into a request in one transaction: routed like every filing (the category's
 * handler, its deadlines), channel patrol, origin the finding, its photos attached, and the finding
 * pointing back at the request.
 */
export async function findingToRequest(
  ctx: AuthedCtx,
  id: number,
  input: {
    categoryId: number;
    buildingId?: number | undefined;
    description?: string | undefined;
    isPublic: boolean;
  },
) {
  const { finding, station, compound, abilities } = await loadFinding(ctx, id);
  if (!abilities.toRequest) throw new AppError('FORBIDDEN');
  if (finding.requestId !== null) throw alreadyFiled(finding.requestId);
  const category = (await stationCategories(ctx.db, station.id)).find(
    (c) => c.id === input.categoryId && c.active,
  );
  if (!category)
    throw badField('categoryId', { zh: '该自治站没有这个类别', en: 'No such category at this station' });
  let place = { path: compound.path, label: compound.name };
  if (input.buildingId !== undefined) {
    const [building] = await ctx.db
      .select({ path: buildings.path, name: buildings.name })
      .from(buildings)
      .where(and(eq(buildings.id, input.buildingId), eq(buildings.compoundId, compound.id)));
    if (!building)
      throw badField('buildingId', { zh: '该楼幢不在这个小区', en: 'That building is not in this compound' });
    place = { path: building.path, label: building.name };
  }
  const handler = await categoryHandler(ctx.db, category);
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ requestId: patrolFindings.requestId, photos: patrolFindings.photos })
      .from(patrolFindings)
      .where(eq(patrolFindings.id, id))
      .for('update');
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.requestId) throw alreadyFiled(locked.requestId);
    // The photos as they are under the lock: one uploaded since loadFinding goes along too.
    const photos = locked.photos as FindingPhoto[];
    const filed = await writeNewRequest(tx, {
      category,
      handler,
      by: { ...ctx, onBehalfOfResident: null },
      values: {
        stationId: station.id,
        channel: 'patrol',
        reporterUserId: null,
        reporterResidentId: null,
        householdId: null,
        path: place.path,
        placeLabel: place.label,
        placeText: null,
        description: input.description ?? finding.note,
        isPublic: input.isPublic,
        isAnonymous: true,
        originKind: 'patrolFinding',
        originId: finding.id,
      },
      event: { origin: 'patrolFinding', findingId: finding.id },
      audit: { findingId: finding.id },
    });
    // The finding vouches for its photos: each is attached as its uploader's own.
    await attachPhotos(
      tx,
      ctx,
      { stationId: station.id, requestId: filed.id, eventId: filed.eventId },
      photos.map((p) => p.id),
      photos.map((p) => p.by),
    );
    await tx.update(patrolFindings).set({ requestId: filed.id }).where(eq(patrolFindings.id, id));
    await recordAudit(tx, ctx, {
      action: 'patrolFinding.toRequest',
      subjectType: 'patrolFinding',
      subjectId: id,
      stationId: station.id,
      path: place.path,
      summary: { requestId: filed.id, categoryId: category.id, photos: photos.length },
    });
    return { requestId: filed.id };
  });
}

/** A station's findings, newest first. */
export async function listFindings(
  ctx: AuthedCtx,
  stationId: number,
  query: { cursor?: string | undefined; limit: number },
) {
  const station = await readableStation(ctx, stationId);
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await ctx.db
    .select({
      finding: patrolFindings,
      compoundName: compounds.name,
      workerName: users.displayName,
      plannedOn: patrols.plannedOn,
    })
    .from(patrolFindings)
    .innerJoin(patrols, eq(patrols.id, patrolFindings.patrolId))
    .innerJoin(compounds, eq(compounds.id, patrols.compoundId))
    .innerJoin(users, eq(users.id, patrols.userId))
    .where(and(eq(patrolFindings.stationId, station.id), after ? lt(patrolFindings.id, after[0]) : undefined))
    .orderBy(desc(patrolFindings.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => r.finding.id,
    (r) => ({
      ...presentFinding(r.finding),
      compoundName: r.compoundName,
      workerName: r.workerName,
      plannedOn: r.plannedOn,
    }),
  );
}
