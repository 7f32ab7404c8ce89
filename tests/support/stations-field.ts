import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { users } from '../../src/modules/accounts/accounts.tables.ts';
import { areas, buildings, compounds, households } from '../../src/modules/places/places.tables.ts';
import type { Database } from '../../src/server/db/client.ts';
import type { TestContext } from './harness.ts';
import { multipart } from './multipart.ts';

/** Helpers of the patrols and visits tests (tests/integration/stations-field.test.ts). */

/** A phone-camera-like JPEG with a camera make and a GPS position in its EXIF. */
export function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#6a8f5a' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'LinsheCam', Model: 'Patrol 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 52/1 1234/100' },
    })
    .toBuffer();
}

/** Uploads a photo to a finding as the user of `cookie`. */
export function uploadFindingPhoto(
  t: TestContext,
  cookie: string | undefined,
  findingId: number,
  data: Buffer,
) {
  const body = multipart({}, { name: 'finding.jpg', type: 'image/jpeg', data });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/patrol-findings/${findingId}/photos`,
    headers: { ...(cookie ? { cookie } : {}), 'content-type': body.contentType },
    payload: body.payload,
  });
}

export async function userIdOf(db: Database['db'], phone: string): Promise<number> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
  return row!.id;
}

export async function areaPath(db: Database['db'], name: string): Promise<string> {
  const [row] = await db.select({ path: areas.path }).from(areas).where(eq(areas.name, name));
  return row!.path;
}

/** A demo compound by name: its id, station, path, first two buildings and first households. */
export async function demoCompound(db: Database['db'], name: string) {
  const [c] = await db.select().from(compounds).where(eq(compounds.name, name));
  const bs = await db
    .select({ id: buildings.id, name: buildings.name, path: buildings.path })
    .from(buildings)
    .where(eq(buildings.compoundId, c!.id))
    .orderBy(buildings.id)
    .limit(2);
  const hs = await db
    .select({ id: households.id, label: households.label })
    .from(households)
    .where(eq(households.compoundId, c!.id))
    .orderBy(households.id)
    .limit(10);
  return { id: c!.id, stationId: c!.stationId, path: c!.path, buildings: bs, households: hs };
}

export const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
