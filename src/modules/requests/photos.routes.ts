import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { ZId, ZIdParam } from '../../shared/limits.ts';
import { photoRequired, readPhotoUpload, sendPhoto } from './photo-http.ts';
import { readPhoto, uploadPhoto } from './photos.ts';
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
      const { data, fields } = await readPhotoUpload(req);
      const parsed = ZId.safeParse(fields.stationId);
      const stationId = parsed.success ? parsed.data : null;
      if (stationId === null)
        throw new AppError('VALIDATION', {
          errors: [{ path: 'stationId', message: { zh: '缺少自治站编号', en: 'stationId is required' } }],
        });
      if (!data) throw photoRequired();
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
      return sendPhoto(reply, photo, req.query.size);
    },
  );
};
