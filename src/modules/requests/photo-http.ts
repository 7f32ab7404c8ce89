import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../server/http/errors.ts';
import { PHOTO_LIMITS } from './photos.ts';

/**
 * The HTTP side of photo uploads and downloads, for every route that takes or serves a photo (request
 * photos, patrol findings' photos).
 */

/** The answer to an upload without a photo in its `file` part. */
export const photoRequired = () =>
  new AppError('VALIDATION', {
    errors: [{ path: 'file', message: { zh: '请选择照片', en: 'Choose a photo' } }],
  });

/**
 * A multipart upload's one `file` part (up to PHOTO_LIMITS.maxBytes; null when there is none or it is
 * empty: the route answers `photoRequired()` after checking its other fields), the name the client gave
 * it, and its text fields.
 */
export async function readPhotoUpload(
  req: FastifyRequest,
): Promise<{ data: Buffer | null; name: string | null; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const fields: Record<string, string> = {};
  let data: Buffer | null = null;
  let name: string | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: PHOTO_LIMITS.maxBytes, files: 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || data) {
          part.file.resume();
          continue;
        }
        data = await part.toBuffer();
        name = part.filename || null;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
    throw new AppError('BAD_REQUEST');
  }
  return { data: data && data.length > 0 ? data : null, name, fields };
}

/** Sends a stored photo (JPEG) to one who may see it: privately cached, keyed by content and size. */
export function sendPhoto(reply: FastifyReply, photo: { hash: string; data: Buffer }, size: string) {
  return reply
    .header('content-type', 'image/jpeg')
    .header('cache-control', 'private, max-age=86400')
    .header('etag', `"${photo.hash}-${size}"`)
    .header('x-content-type-options', 'nosniff')
    .send(photo.data);
}
