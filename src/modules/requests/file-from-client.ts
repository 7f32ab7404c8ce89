import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { stationPlace } from '../places/find-place.ts';
import { checkAnswers, questionsOf } from './questions.ts';
import { resolveRequestPlace } from './request-places.ts';
import { categories } from './requests.tables.ts';
import { categoryHandler, writeNewRequest } from './route-request.ts';

export interface ClientFiling {
  stationId: number;
  /** The category's code (Open311 service_code). */
  serviceCode: string;
  /** Defaults to the category's name: Open311 makes the description optional. */
  description?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  /** The client's words for the place (Open311 address_string); staff see it, the public never. */
  placeText?: string | undefined;
  /** The building or unit of the station it is about (Open311 address_id); else the station. */
  buildingId?: number | undefined;
  unitId?: number | undefined;
  /** Answers to the category's questions by code (Open311 attribute[code], attribute[code][]). */
  attributes: Readonly<Record<string, string | readonly string[]>>;
  /** The reporter's contact details as the client sent them; never shown outside the station's staff. */
  contact: Record<string, string> | null;
  mediaUrl?: string | undefined;
  /** The client key it came with. */
  client: { keyId: number; name: string };
}

/**
 * Files a request that an outside system (an Open311 client) sent for a reporter without an account:
 * channel open311, no reporter user, public to the compound but anonymous. Routed, timed, recorded
 * and notified exactly like a request filed on the web.
 */
export async function fileFromClient(ctx: Ctx, input: ClientFiling) {
  const station = await stationPlace(ctx.db, input.stationId);
  const [category] = await ctx.db
    .select()
    .from(categories)
    .where(
      and(
        eq(categories.stationId, station.id),
        eq(categories.code, input.serviceCode),
        eq(categories.active, true),
      ),
    );
  if (!category) {
    throw new AppError('NOT_FOUND', {
      detail: { zh: '该自治站没有这个 service_code', en: 'service_code not found in this jurisdiction' },
    });
  }
  const { answers, errors } = checkAnswers(questionsOf(category.questions), input.attributes);
  if (errors.length > 0) throw new AppError('VALIDATION', { errors });
  const description = input.description?.trim() || category.name;
  const place = await resolveRequestPlace(ctx.db, station.id, input);
  const request = await writeNewRequest(ctx.db, {
    category,
    handler: await categoryHandler(ctx.db, category),
    by: { user: null, ip: ctx.ip, userAgent: ctx.userAgent },
    values: {
      stationId: station.id,
      channel: 'open311',
      reporterUserId: null,
      reporterResidentId: null,
      householdId: null,
      path: place?.path ?? station.path,
      placeLabel: place?.label ?? null,
      placeText: input.placeText || null,
      description,
      attributes: answers,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      contact: input.contact,
      clientKeyId: input.client.keyId,
      isPublic: true,
      isAnonymous: true,
    },
    event: { client: input.client.name, ...(input.mediaUrl ? { mediaUrl: input.mediaUrl } : {}) },
    audit: { clientKeyId: input.client.keyId, client: input.client.name },
  });
  return { request, category };
}
