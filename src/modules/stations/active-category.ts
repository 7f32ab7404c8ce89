import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { categories } from '../requests/index.ts';

/**
 * The station's request category, if it exists there and is active. Callers say what a missing one
 * means: 404 for a portfolio's category (a path part), a 400 on `categoryId` for a duty log entry.
 */
export async function findActiveCategory(db: DbOrTx, stationId: number, categoryId: number) {
  const [category] = await db
    .select()
    .from(categories)
    .where(
      and(eq(categories.id, categoryId), eq(categories.stationId, stationId), eq(categories.active, true)),
    );
  return category;
}
