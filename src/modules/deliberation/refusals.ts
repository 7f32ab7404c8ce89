import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { recordAudit } from '../audit/index.ts';

/**
 * An audit writer for one kind of subject at a station: `audit(action, id, summary)(tx)` writes
 * `<prefix>.<action>` about subject `id` in the caller's transaction.
 */
export function auditAt(
  ctx: AuthedCtx,
  station: { id: number; path: string },
  prefix: string,
  subjectType: string,
) {
  return (action: string, id: number, summary: Record<string, unknown> = {}) =>
    (tx: DbOrTx) =>
      recordAudit(tx, ctx, {
        action: `${prefix}.${action}`,
        subjectType,
        subjectId: id,
        stationId: station.id,
        path: station.path,
        summary,
      });
}
