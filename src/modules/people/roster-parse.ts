import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { LIMITS, ZPhone } from '../../shared/limits.ts';
import { ZAreaM2 } from '../places/places.schema.ts';
import { ZIdNumber } from './people.schema.ts';

/**
 * Reads a property company's roster (CSV or XLSX): one row per person in a household.
 * Pure: returns the rows or every bad row with its line number and reason; writes nothing.
 */

export interface RosterRow {
  line: number;
  building: string;
  unit: string;
  room: string;
  areaCm2: number;
  name: string;
  phone: string | null;
  relation: 'owner' | 'tenant' | 'member';
  isVoter: boolean;
  idNumber: string | null;
  birthYear: number | null;
}

export interface RosterProblem {
  line: number;
  reason: string;
}

const COLUMNS = {
  building: ['楼幢', '楼栋', '幢', 'building'],
  unit: ['单元', 'unit'],
  room: ['房号', '室', 'room'],
  area: ['面积', '专有面积', '建筑面积', 'area', 'aream2'],
  name: ['姓名', 'name'],
  phone: ['手机', '手机号', '电话', 'phone'],
  relation: ['关系', '身份', 'relation'],
  voter: ['投票人', 'voter'],
  idNumber: ['身份证号', '身份证', 'idnumber'],
  birthYear: ['出生年份', 'birthyear'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['building', 'unit', 'room', 'area', 'name', 'relation'];

const RELATIONS: Record<string, RosterRow['relation']> = {
  业主: 'owner',
  owner: 'owner',
  租户: 'tenant',
  tenant: 'tenant',
  家庭成员: 'member',
  家属: 'member',
  member: 'member',
};
const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export class RosterFileError extends Error {}

/** Cells of each line, with 1-based line numbers as a spreadsheet shows them. */
export async function readCells(
  fileName: string,
  data: Buffer,
): Promise<{ line: number; cells: string[] }[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw new RosterFileError('XLSX');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const lines: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      lines.push({ line, cells: values.map(cellText) });
    });
    return lines;
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    let records: string[][];
    try {
      records = parseCsv(data, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: true,
      }) as string[][];
    } catch {
      throw new RosterFileError('CSV');
    }
    return records.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c !== ''));
  }
  throw new RosterFileError('TYPE');
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
    if (value instanceof Date) return value.toISOString();
  }
  return String(value).trim();
}

export function parseRoster(lines: { line: number; cells: string[] }[]): {
  rows: RosterRow[];
  problems: RosterProblem[];
} {
  const [header, ...body] = lines;
  if (!header) return { rows: [], problems: [{ line: 1, reason: '文件为空 / the file is empty' }] };
  const index = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const key = cell.replace(/\s|（.*）|\(.*\)/g, '').toLowerCase();
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(key) && !index.has(column)) index.set(column, i);
    }
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: header.line,
          reason: `缺少列：${missing.map((c) => COLUMNS[c][0]).join('、')} / missing columns`,
        },
      ],
    };
  }
  if (body.length > LIMITS.rosterRowsMax) {
    return {
      rows: [],
      problems: [{ line: header.line, reason: `行数超过上限 ${LIMITS.rosterRowsMax} / too many rows` }],
    };
  }
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const householdArea = new Map<string, { areaCm2: number; line: number }>();
  const voters = new Map<string, number>();
  const people = new Map<string, number>();
  const thisYear = new Date().getFullYear();

  for (const { line, cells } of body) {
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const reasons: string[] = [];
    const building = get('building');
    const unit = get('unit');
    const room = get('room');
    const name = get('name');
    if (!building) reasons.push('楼幢为空');
    if (!unit) reasons.push('单元为空');
    if (!room) reasons.push('房号为空');
    if (!name) reasons.push('姓名为空');
    if (building.length > 60 || unit.length > 60 || room.length > 20 || name.length > LIMITS.nameMax)
      reasons.push('内容过长');
    const area = ZAreaM2.safeParse(get('area'));
    if (!area.success) reasons.push(`面积“${get('area').slice(0, 12)}”无效（应为数字，最多两位小数）`);
    const phoneText = get('phone');
    const phone = phoneText ? ZPhone.safeParse(phoneText) : null;
    if (phone && !phone.success) reasons.push(`手机号“${phoneText.slice(0, 15)}”无效（应为11位手机号）`);
    const relation = RELATIONS[get('relation').toLowerCase()];
    if (!relation) reasons.push(`关系“${get('relation').slice(0, 10)}”无效（应为业主、租户或家庭成员）`);
    const voterText = get('voter').toLowerCase();
    const isVoter = YES.has(voterText);
    if (!isVoter && !NO.has(voterText)) reasons.push('投票人应为“是”或“否”');
    if (isVoter && relation && relation !== 'owner') reasons.push('投票人必须是业主');
    const idText = get('idNumber');
    const idNumber = idText ? ZIdNumber.safeParse(idText) : null;
    if (idNumber && !idNumber.success) reasons.push('身份证号无效（应为18位）');
    const birthText = get('birthYear');
    const birthYear = birthText ? Number(birthText) : null;
    if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > thisYear))
      reasons.push('出生年份无效');

    const key = `${building}\u0000${unit}\u0000${room}`;
    if (area.success) {
      const seen = householdArea.get(key);
      if (seen && seen.areaCm2 !== area.data) reasons.push(`同一房屋的面积与第 ${seen.line} 行不一致`);
      if (!seen) householdArea.set(key, { areaCm2: area.data, line });
    }
    if (isVoter) {
      const other = voters.get(key);
      if (other !== undefined) reasons.push(`同一房屋已在第 ${other} 行指定投票人`);
      else voters.set(key, line);
    }
    const personKey = `${key}\u0000${name}`;
    const dup = people.get(personKey);
    if (dup !== undefined) reasons.push(`与第 ${dup} 行重复`);
    else people.set(personKey, line);

    if (reasons.length > 0) {
      problems.push({ line, reason: reasons.join('；') });
      continue;
    }
    rows.push({
      line,
      building,
      unit,
      room,
      areaCm2: area.data!,
      name,
      phone: phone?.data ?? null,
      relation: relation!,
      isVoter,
      idNumber: idNumber?.data ?? null,
      birthYear,
    });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: header.line, reason: '没有数据行 / no data rows' });
  return { rows, problems };
}
