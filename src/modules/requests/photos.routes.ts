import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { ZId, ZIdParam } from '../../shared/limits.ts';
import { PHOTO_LIMITS, readPhoto, uploadPhoto } from './photos.ts';
import { ZPhoto, ZPhotoQuery } from './requests.schema.ts';

const tags = ['requests'];

/** Photo upload (before filing or commenting) and photo download for those allowed to see it. */
export const photosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/request-photos',
    {
      schema: {
        tags,
        summary:
          'Upload a photo (multipart: stationId, file; JPG/PNG/WebP up to 10 MB). Stored without EXIF; attach it by id when filing or commenting',
        consumes: ['multipart/form-data'],
        response: { 201: ZPhoto },
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      let stationId: number | null = null;
      let data: Buffer | null = null;
      try {
        for await (const part of req.parts({ limits: { fileSize: PHOTO_LIMITS.maxBytes, files: 1 } })) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || data) {
              part.file.resume();
              continue;
            }
            data = await part.toBuffer();
          } else if (part.fieldname === 'stationId') {
            const parsed = ZId.safeParse(part.value);
            stationId = parsed.success ? parsed.data : null;
          }
        }
      } catch (err) {
        if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
        throw new AppError('BAD_REQUEST');
      }
      if (stationId === null)
        throw new AppError('VALIDATION', {
          errors: [{ path: 'stationId', message: { zh: '缺少自治站编号', en: 'stationId is required' } }],
        });
      if (!data || data.length === 0)
        throw new AppError('VALIDATION', {
          errors: [{ path: 'file', message: { zh: '请选择照片', en: 'Choose a photo' } }],
        });
      const photo = await uploadPhoto(ctx, req.server.deps.blobs, { stationId, data });
      return reply.status(201).send({ id: photo.id, width: photo.width, height: photo.height });
    },
  );

  app.get(
    '/request-photos/:id',
    {
      schema: {
        tags,
        summary: 'A photo (JPEG): the square list copy (size=thumb) or the full copy',
        params: ZIdParam,
        querystring: ZPhotoQuery,
      },
    },
    async (req, reply) => {
      const photo = await readPhoto(authed(req), req.server.deps.blobs, req.params.id, req.query.size);
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=86400')
        .header('etag', `"${photo.hash}-${req.query.size}"`)
        .header('x-content-type-options', 'nosniff')
        .send(photo.data);
    },
  );
};
