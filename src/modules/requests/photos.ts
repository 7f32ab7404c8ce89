import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import type { BlobStore } from '../../server/storage/blob-store.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { stationPlace } from '../places/find-place.ts';
import { residentOfStation, VERIFY_HOUSEHOLD_FIRST } from './file-request.ts';
import { requestPhotos, requests } from './requests.tables.ts';

export const PHOTO_LIMITS = {
  /** Bytes of one uploaded file. */
  maxBytes: 10 * 1024 * 1024,
  /** Decoded pixels (a 40-megapixel phone photo passes; a decompression bomb does not). */
  maxPixels: 40_000_000,
  /** Longest side of the stored full-size copy, and the side of the square list copy. */
  fullSide: 1600,
  thumbSide: 320,
} as const;

const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

const NOT_A_PHOTO = {
  zh: '只能上传 JPG、PNG 或 WebP 格式的照片',
  en: 'Only JPG, PNG or WebP photos can be uploaded',
};

interface ProcessedPhoto {
  hash: string;
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Checks that the bytes are a photo (by their content, never the file name), then re-encodes it:
 * turned upright, at most 1600 px, as JPEG without any metadata (EXIF, GPS position, XMP, ICC
 * profile are dropped), plus a 320 px square copy for lists. Named by the SHA-256 of the full copy.
 */
async function processPhoto(data: Buffer): Promise<ProcessedPhoto> {
  if (data.length > PHOTO_LIMITS.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  const input = () => sharp(data, { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: 'error' });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: NOT_A_PHOTO });
  }
  if (!format || !ACCEPTED.has(format)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: NOT_A_PHOTO });
  try {
    const { data: full, info } = await input()
      .rotate()
      .resize({
        width: PHOTO_LIMITS.fullSide,
        height: PHOTO_LIMITS.fullSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(full)
      .resize({ width: PHOTO_LIMITS.thumbSide, height: PHOTO_LIMITS.thumbSide, fit: 'cover' })
      .jpeg({ quality: 75, mozjpeg: true })
      .toBuffer();
    const hash = createHash('sha256').update(full).digest('hex');
    return { hash, full, thumb, width: info.width, height: info.height };
  } catch (err) {
    // Truncated or corrupt image data, or more pixels than allowed.
    if (err instanceof AppError) throw err;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { zh: '照片已损坏或尺寸过大，无法读取', en: 'The photo is damaged or too large to read' },
    });
  }
}

const blobKeys = (hash: string) => ({ full: `${hash}.jpg`, thumb: `${hash}.thumb.jpg` });

/** Checks and re-encodes a photo (processPhoto) and puts both copies in the blob store. */
export async function storePhoto(blobs: BlobStore, data: Buffer): Promise<ProcessedPhoto> {
  const photo = await processPhoto(data);
  const keys = blobKeys(photo.hash);
  await blobs.put(keys.full, photo.full);
  await blobs.put(keys.thumb, photo.thumb);
  return photo;
}

/**
 * Stores an upload for a request not yet filed (or a timeline entry not yet written). Residents of
 * the station and its staff may upload; the photo stays theirs alone until they attach it.
 */
export async function uploadPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  input: { stationId: number; data: Buffer },
) {
  const station = await stationPlace(ctx.db, input.stationId);
  if (!can(ctx.user, 'request.handle', station)) {
    const resident = await residentOfStation(ctx.db, ctx.user.userId, station.id);
    if (!resident) {
      throw new AppError('FORBIDDEN', { detail: VERIFY_HOUSEHOLD_FIRST });
    }
  }
  const photo = await storePhoto(blobs, input.data);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(requestPhotos)
      .values({
        stationId: station.id,
        uploaderUserId: ctx.user.userId,
        hash: photo.hash,
        mime: 'image/jpeg',
        width: photo.width,
        height: photo.height,
        bytes: photo.full.length,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'request.photo.upload',
      subjectType: 'requestPhoto',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { bytes: input.data.length, width: photo.width, height: photo.height },
    });
    return row!;
  });
}

/**
 * Attaches the uploader's own unattached photos of this station to a request (and its timeline
 * entry), inside the caller's transaction. Any id that is not such a photo fails the whole save.
 * `uploaders` widens "own" for a caller that vouches for others' uploads (a patrol finding's photos).
 */
export async function attachPhotos(
  tx: DbOrTx,
  ctx: AuthedCtx,
  target: { stationId: number; requestId: number; eventId: number },
  photoIds: readonly number[],
  uploaders: readonly number[] = [ctx.user.userId],
): Promise<void> {
  if (photoIds.length === 0) return;
  const ids = [...new Set(photoIds)];
  const attached = await tx
    .update(requestPhotos)
    .set({ requestId: target.requestId, eventId: target.eventId })
    .where(
      and(
        inArray(requestPhotos.id, ids),
        inArray(requestPhotos.uploaderUserId, [...new Set(uploaders)]),
        eq(requestPhotos.stationId, target.stationId),
        isNull(requestPhotos.requestId),
      ),
    )
    .returning({ id: requestPhotos.id });
  if (attached.length !== ids.length) {
    throw new AppError('VALIDATION', {
      errors: [
        {
          path: 'photoIds',
          message: {
            zh: '照片无效或已被使用，请重新上传',
            en: 'A photo is not valid or already used; upload it again',
          },
        },
      ],
    });
  }
}

/** The photos of a request, oldest first, as the timeline shows them. */
export async function photosOf(db: DbOrTx, requestId: number) {
  return db
    .select({
      id: requestPhotos.id,
      eventId: requestPhotos.eventId,
      width: requestPhotos.width,
      height: requestPhotos.height,
    })
    .from(requestPhotos)
    .where(eq(requestPhotos.requestId, requestId))
    .orderBy(requestPhotos.id);
}

/**
 * The bytes of a photo for someone allowed to see it: its uploader; staff of the station; the
 * reporter; and, for a public request, the station's residents. Everyone else gets 404, so a
 * private request's photos are never served to other residents.
 */
export async function readPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  id: number,
  size: 'full' | 'thumb',
): Promise<{ data: Buffer; hash: string }> {
  const [found] = await ctx.db
    .select({
      photo: requestPhotos,
      path: requests.path,
      isPublic: requests.isPublic,
      reporterUserId: requests.reporterUserId,
    })
    .from(requestPhotos)
    .leftJoin(requests, eq(requests.id, requestPhotos.requestId))
    .where(eq(requestPhotos.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  const { photo } = found;
  const mine = photo.uploaderUserId === ctx.user.userId;
  let allowed = mine;
  if (!allowed && photo.requestId !== null && found.path !== null) {
    const place = { stationId: photo.stationId, path: found.path };
    allowed =
      can(ctx.user, 'request.read', place) ||
      found.reporterUserId === ctx.user.userId ||
      (found.isPublic === true &&
        (await residentOfStation(ctx.db, ctx.user.userId, photo.stationId)) !== null);
  }
  if (!allowed) throw new AppError('NOT_FOUND');
  return photoBytes(blobs, photo.hash, size);
}

/** A stored photo's bytes by its hash (the caller has checked who may see it); 404 when missing. */
export async function photoBytes(
  blobs: BlobStore,
  hash: string,
  size: 'full' | 'thumb',
): Promise<{ data: Buffer; hash: string }> {
  const data = await blobs.get(blobKeys(hash)[size]);
  if (!data) throw new AppError('NOT_FOUND');
  return { data, hash };
}
