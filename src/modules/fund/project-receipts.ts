import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import type { BlobStore } from '../../server/storage/blob-store.ts';
import { storePhoto } from '../requests/index.ts';
import { fundPostings } from './fund.tables.ts';
import { auditProject, notNow, projectFor } from './project-access.ts';
import { allows, seesReceipts } from './project-lifecycle.ts';
import { fundReceipts } from './projects.tables.ts';
import { cleanName, RECEIPT_MAX_BYTES, receiptProblem, sniffReceipt } from './receipt-check.ts';

/**
 * Receipts and invoices 票据 of a project's expenses: checked by their bytes (receipt-check.ts), images
 * through the requests' photo pipeline (re-encoded, no EXIF), PDFs kept as they are; uploaded first, then
 * named by the expense they belong to (project-expenses.ts). Read by the station's fund staff and the
 * project's team, by its residents once the settlement is disclosed; an unattached one by its uploader.
 */

export async function uploadReceipt(
  ctx: AuthedCtx,
  blobs: BlobStore,
  projectId: number,
  file: { data: Buffer; name: string | null },
) {
  const { project, station, who } = await projectFor(ctx, projectId);
  if (!who.post) throw new AppError('FORBIDDEN');
  if (!allows(project.stage, 'expense')) throw notNow();
  if (file.data.length > RECEIPT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const name = cleanName(file.name);
  const content = sniffReceipt(file.data);
  const problem = receiptProblem(name, content);
  if (problem) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: problem });
  let stored: { blobKey: string; mime: string; bytes: number };
  if (content === 'pdf') {
    const hash = createHash('sha256').update(file.data).digest('hex');
    await blobs.put(`${hash}.pdf`, file.data);
    stored = { blobKey: `${hash}.pdf`, mime: 'application/pdf', bytes: file.data.length };
  } else {
    const photo = await storePhoto(blobs, file.data);
    stored = { blobKey: `${photo.hash}.jpg`, mime: 'image/jpeg', bytes: photo.full.length };
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundReceipts)
      .values({ stationId: project.stationId, ...stored, name, uploadedBy: ctx.user.userId })
      .returning();
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.receipt.upload',
        subjectType: 'fundReceipt',
        subjectId: row!.id,
        summary: { projectId, mime: stored.mime, bytes: stored.bytes },
      },
    );
    return { id: row!.id, name: row!.name, mime: row!.mime, bytes: row!.bytes };
  });
}

/** A receipt's bytes for one who may see it; 404 for everyone else. */
export async function readReceipt(ctx: AuthedCtx, blobs: BlobStore, receiptId: number) {
  const [receipt] = await ctx.db.select().from(fundReceipts).where(eq(fundReceipts.id, receiptId));
  if (!receipt) throw new AppError('NOT_FOUND');
  if (receipt.postingId === null) {
    if (receipt.uploadedBy !== ctx.user.userId) throw new AppError('NOT_FOUND');
  } else {
    const [posting] = await ctx.db
      .select({ projectId: fundPostings.projectId })
      .from(fundPostings)
      .where(eq(fundPostings.id, receipt.postingId));
    if (!posting?.projectId) throw new AppError('NOT_FOUND');
    const { project, who } = await projectFor(ctx, posting.projectId);
    if (!seesReceipts(who, project.stage)) throw new AppError('NOT_FOUND');
  }
  const data = await blobs.get(receipt.blobKey);
  if (!data) throw new AppError('NOT_FOUND');
  return { data, mime: receipt.mime, name: receipt.name, key: receipt.blobKey };
}
