import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { residents } from '../../src/modules/people/people.tables.ts';
import { requestPhotos, requests } from '../../src/modules/requests/requests.tables.ts';
import { stationOf } from '../support/factories.ts';
import { makeUser, PASSWORD, type TestContext, useTestApp } from '../support/harness.ts';
import { multipart } from '../support/multipart.ts';

// On the demo: 林阿姨 (verified, 南江绿苑) files with photos; a neighbour in the same compound must
// not see the photos of her private request; the chair of 南江绿苑 sees them.
let t: TestContext;
let resident: string;
let neighbour: string;
let chair: string;
let stationId: number;
let otherStationId: number;
let categoryId: number;

const upload = (
  cookie: string | undefined,
  station: number | string,
  data: Buffer,
  name = 'photo.jpg',
  headers: Record<string, string> = {},
) => {
  const body = multipart({ stationId: station }, { name, type: 'image/jpeg', data });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/request-photos',
    headers: { ...headers, ...(cookie ? { cookie } : {}), 'content-type': body.contentType },
    payload: body.payload,
  });
};
const get = (url: string, cookie?: string) => t.call('GET', url, cookie);
/** 林阿姨 files a leak at 南江绿苑. */
const file = (payload: object) =>
  t.call('POST', '/api/v1/requests', resident, { stationId, categoryId, ...payload });

/** A phone-camera-like JPEG: 3000×2000, with a camera make and a GPS position in its EXIF. */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#6a8f5a' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'LinsheCam', Model: 'Test 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '29/1 52/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 32/1 0/1',
      },
    })
    .toBuffer();
}

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  resident = await t.login('13800000010');
  chair = await t.login('13800000003');
  stationId = await stationOf(t, '南江绿苑');
  otherStationId = await stationOf(t, '恒业小区');
  // A second verified resident of 南江绿苑.
  const user = await makeUser(t, { phone: '13900000090', name: '邻居' });
  const [free] = await t.db
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.stationId, stationId), isNull(residents.userId)))
    .limit(1);
  await t.db.update(residents).set({ userId: user }).where(eq(residents.id, free!.id));
  neighbour = await t.login('13900000090', PASSWORD);
  const cats = (await get(`/api/v1/stations/${stationId}/request-categories`, resident)).json().items;
  categoryId = cats.find((c: { code: string }) => c.code === 'leak').id;
});

const photoCount = async () => (await t.db.select({ n: count() }).from(requestPhotos))[0]!.n;
const requestCount = async () => (await t.db.select({ n: count() }).from(requests))[0]!.n;

describe('request photos', () => {
  it('require authentication and reject bad input', async () => {
    const jpeg = await cameraPhoto();
    expect((await upload(undefined, stationId, jpeg)).statusCode).toBe(401);
    const before = await photoCount();

    const notMultipart = await t.call('POST', '/api/v1/request-photos', resident, { stationId });
    expect(notMultipart.statusCode).toBe(415);

    const noStation = await upload(resident, 'x', jpeg);
    expect(noStation.statusCode).toBe(400);
    expect(noStation.json().errors[0].path).toBe('stationId');

    // A PDF renamed .jpg is refused by its content, with a message saying what is accepted.
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
    const renamed = await upload(resident, stationId, pdf, 'scan.jpg', { 'accept-language': 'zh-CN' });
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().detail).toContain('JPG、PNG 或 WebP');

    // A truncated JPEG (the upload was cut) is refused, not stored.
    const cut = await upload(resident, stationId, jpeg.subarray(0, Math.floor(jpeg.length / 3)));
    expect(cut.statusCode).toBe(415);

    // More than 10 MB.
    const huge = await upload(resident, stationId, Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');

    // Another station, an unverified user.
    expect((await upload(resident, otherStationId, jpeg)).statusCode).toBe(403);
    const unverified = await t.login('13800000011');
    expect((await upload(unverified, stationId, jpeg)).statusCode).toBe(403);
    expect((await upload(resident, 99999999, jpeg)).statusCode).toBe(404);

    expect(await photoCount()).toBe(before);
  });

  it('stores a photo without EXIF or position, resized, under its content hash, with a square list copy', async () => {
    const jpeg = await cameraPhoto();
    const original = await sharp(jpeg).metadata();
    expect(original.exif?.includes(Buffer.from('LinsheCam'))).toBe(true);

    const res = await upload(resident, stationId, jpeg);
    expect(res.statusCode).toBe(201);
    const photo = res.json();
    expect(photo).toMatchObject({ width: 1600, height: 1067 });

    const full = await get(`/api/v1/request-photos/${photo.id}?size=full`, resident);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(full.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(full.rawPayload.includes(Buffer.from('LinsheCam'))).toBe(false);
    expect([meta.width, meta.height]).toEqual([1600, 1067]);

    const thumb = await get(`/api/v1/request-photos/${photo.id}`, resident);
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([320, 320]);

    const [row] = await t.db.select().from(requestPhotos).where(eq(requestPhotos.id, photo.id));
    const dir = path.join(inject('testDataDir'), 'blobs', row!.hash.slice(0, 2), row!.hash.slice(2, 4));
    expect(fs.readdirSync(dir).sort()).toEqual([`${row!.hash}.jpg`, `${row!.hash}.thumb.jpg`]);

    // Not attached yet: only the uploader sees it.
    expect((await get(`/api/v1/request-photos/${photo.id}`, chair)).statusCode).toBe(404);
    expect((await get(`/api/v1/request-photos/${photo.id}`, neighbour)).statusCode).toBe(404);
    expect((await get(`/api/v1/request-photos/${photo.id}?size=huge`, resident)).statusCode).toBe(400);
  });

  it('files a private request with photos: the chair sees them, a neighbour never does', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) ids.push((await upload(resident, stationId, await cameraPhoto())).json().id);
    const filed = await file({ description: '厨房天花板渗水', photoIds: ids, isPublic: false });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id;
    const detail = (await get(`/api/v1/requests/${id}`, chair)).json();
    expect(detail.timeline[0].photoIds).toEqual(ids);

    for (const photoId of ids) {
      expect((await get(`/api/v1/request-photos/${photoId}`, chair)).statusCode).toBe(200);
      expect((await get(`/api/v1/request-photos/${photoId}`, resident)).statusCode).toBe(200);
      expect((await get(`/api/v1/request-photos/${photoId}?size=full`, neighbour)).statusCode).toBe(404);
      expect((await get(`/api/v1/request-photos/${photoId}`, neighbour)).statusCode).toBe(404);
    }

    // A photo is used once; someone else's upload cannot be attached. Neither changes anything.
    const before = await requestCount();
    const reuse = await file({ description: '又漏了', photoIds: [ids[0]] });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors[0].path).toBe('photoIds');
    const theirs = (await upload(neighbour, stationId, await cameraPhoto())).json().id;
    const stolen = await file({ description: '又漏了', photoIds: [theirs] });
    expect(stolen.statusCode).toBe(400);
    const tooMany = await file({ description: '又漏了', photoIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(tooMany.statusCode).toBe(400);
    expect(await requestCount()).toBe(before);

    // Staff add an after-repair photo as a timeline entry.
    const chairPhoto = (await upload(chair, stationId, await cameraPhoto())).json().id;
    const comment = await t.call('POST', `/api/v1/requests/${id}/comments`, chair, {
      photoIds: [chairPhoto],
    });
    expect(comment.statusCode).toBe(200);
    const after = (await get(`/api/v1/requests/${id}`, resident)).json();
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'photo', photoIds: [chairPhoto] });
    expect((await get(`/api/v1/request-photos/${chairPhoto}`, resident)).statusCode).toBe(200);
    const empty = await t.call('POST', `/api/v1/requests/${id}/comments`, chair, { body: '' });
    expect(empty.statusCode).toBe(400);
  });

  it('serves a public request’s photos to the compound’s residents', async () => {
    const photoId = (await upload(resident, stationId, await cameraPhoto())).json().id;
    const filed = await file({ description: '3幢门口井盖松动', photoIds: [photoId], isPublic: true });
    expect(filed.statusCode).toBe(201);
    expect((await get(`/api/v1/request-photos/${photoId}`, neighbour)).statusCode).toBe(200);
    const unverified = await t.login('13800000011');
    expect((await get(`/api/v1/request-photos/${photoId}`, unverified)).statusCode).toBe(404);
  });
});
