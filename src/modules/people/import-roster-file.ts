import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { findPlace } from '../places/find-place.ts';
import { writeRoster } from './import-roster.ts';
import { parseRoster, RosterFileError, readCells } from './roster-parse.ts';

const FILE_ERRORS = {
  XLSX: { zh: '无法读取该 XLSX 文件', en: 'The XLSX file could not be read' },
  CSV: { zh: '无法读取该 CSV 文件（请使用 UTF-8 编码）', en: 'The CSV file could not be read (use UTF-8)' },
  TYPE: { zh: '只支持 CSV 或 XLSX 文件', en: 'Only CSV or XLSX files are accepted' },
} as const;

/** Imports a roster into a compound: every row valid, or nothing written and every bad row named. */
export async function importRosterFile(
  ctx: AuthedCtx,
  input: { compoundId: number; fileName: string; data: Buffer },
) {
  const compound = await findPlace(ctx.db, ctx.user, 'compound', input.compoundId, 'household.read');
  if (!can(ctx.user, 'roster.import', compound)) throw new AppError('FORBIDDEN');
  let lines: Awaited<ReturnType<typeof readCells>>;
  try {
    lines = await readCells(input.fileName, input.data);
  } catch (err) {
    if (err instanceof RosterFileError) {
      throw new AppError('VALIDATION', {
        detail: FILE_ERRORS[err.message as keyof typeof FILE_ERRORS] ?? FILE_ERRORS.TYPE,
      });
    }
    throw err;
  }
  const { rows, problems } = parseRoster(lines);
  if (problems.length > 0) {
    throw new AppError('IMPORT_INVALID', {
      detail: {
        zh: `共 ${problems.length} 行有错误，未导入任何数据`,
        en: `${problems.length} bad rows; nothing was imported`,
      },
      extra: { rows: problems },
    });
  }
  return ctx.db.transaction((tx) =>
    writeRoster(tx, ctx, {
      compound: { id: compound.id, stationId: compound.stationId!, path: compound.path },
      fileName: input.fileName,
      rows,
      importedBy: ctx.user.userId,
    }),
  );
}
