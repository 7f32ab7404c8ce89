import ExcelJS from 'exceljs';
import { yuanText } from '../../shared/money.ts';
import type { Statement, StatementLine } from './disclosure.schema.ts';
import { SOURCE_NAMES } from './fund.ts';

/**
 * A statement as an Excel workbook (exceljs), the same figures as the page: 汇总 (summary with the chain
 * head), 收入 (income by source and its postings), 支出 (spending by project and its postings) and 分录
 * (every entry with its seq and hash). Amounts are written twice: integer fen, which add up exactly in
 * any spreadsheet, and yuan as text ("1,280.50"), never as a float.
 */

const KIND_NAMES: Record<StatementLine['kind'], string> = {
  income: '收入',
  expense: '支出',
  transfer: '转账',
  reversal: '冲销',
};

const MONEY_HEADERS = ['金额（元）', '金额（分）'];
const money = (fen: number) => [yuanText(fen), fen];

function sheet(book: ExcelJS.Workbook, name: string, widths: number[]) {
  const ws = book.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function header(ws: ExcelJS.Worksheet, cells: string[]) {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  return row;
}

const kindOf = (l: StatementLine) =>
  l.kind === 'reversal'
    ? `冲销第 ${l.reversesId} 笔${l.reversesKind ? KIND_NAMES[l.reversesKind] : ''}`
    : KIND_NAMES[l.kind];

/** The postings of one side; `fenOf` gives each its amount as that side counts it. */
function lines(
  ws: ExcelJS.Worksheet,
  rows: StatementLine[],
  first: (l: StatementLine) => string,
  fenOf: (l: StatementLine) => number,
) {
  header(ws, ['日期', '记账号', '类型', '类别', '摘要', '对方', ...MONEY_HEADERS]);
  for (const l of rows) {
    ws.addRow([
      l.occurredOn,
      l.postingId,
      kindOf(l),
      first(l),
      l.memo,
      l.counterparty ?? '',
      ...money(fenOf(l)),
    ]);
  }
}

export async function statementWorkbook(s: Statement): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Linshe 邻舍';
  book.created = new Date(s.madeAt);
  const periodName = s.period.kind === 'month' ? '月度' : '季度';

  const summary = sheet(book, '汇总', [28, 70, 16]);
  summary.addRow([`${s.station.name} 自治基金${periodName}收支公示`]).font = { bold: true, size: 14 };
  summary.addRow(['公示期间', `${s.period.key}（${s.period.from} 至 ${s.period.through}）`]);
  summary.addRow(['生成时间', s.madeAt]);
  summary.addRow(['账本链头序号', s.head.seq]);
  summary.addRow(['账本链头哈希', s.head.hash]);
  summary.addRow(['核验命令', `linshe fund verify ${s.station.id} --head ${s.head.hash}`]);
  summary.addRow([]);
  header(summary, ['项目', ...MONEY_HEADERS]);
  summary.addRow(['期初余额', ...money(s.openingFen)]);
  summary.addRow(['本期收入', ...money(s.income.totalFen)]);
  summary.addRow(['本期支出', ...money(s.spending.totalFen)]);
  summary.addRow(['期末余额', ...money(s.closingFen)]);
  summary.addRow([`账户间转账（内部，${s.transfers.count} 笔）`, ...money(s.transfers.amountFen)]);
  summary.addRow([]);
  header(summary, ['账户', '期初（元）', '期末（元）', '期初（分）', '期末（分）']);
  for (const a of s.accounts) {
    summary.addRow([a.name, yuanText(a.openingFen), yuanText(a.closingFen), a.openingFen, a.closingFen]);
  }

  const income = sheet(book, '收入', [12, 10, 20, 16, 40, 24, 16, 14]);
  header(income, ['来源', ...MONEY_HEADERS]);
  for (const r of s.income.bySource) income.addRow([SOURCE_NAMES[r.source], ...money(r.amountFen)]);
  income.addRow(['合计', ...money(s.income.totalFen)]);
  income.addRow([]);
  lines(
    income,
    s.lines.filter((l) => (l.reversesKind ?? l.kind) === 'income'),
    (l) => (l.source ? SOURCE_NAMES[l.source] : ''),
    (l) => l.heldFen,
  );

  const spending = sheet(book, '支出', [12, 10, 20, 24, 40, 24, 16, 14]);
  header(spending, ['项目', ...MONEY_HEADERS]);
  for (const p of s.spending.byProject) spending.addRow([p.title, ...money(p.amountFen)]);
  spending.addRow(['未关联项目', ...money(s.spending.unassignedFen)]);
  spending.addRow(['合计', ...money(s.spending.totalFen)]);
  spending.addRow([]);
  lines(
    spending,
    s.lines.filter((l) => (l.reversesKind ?? l.kind) === 'expense'),
    (l) => l.project ?? '未关联项目',
    // Money out of the holding accounts is spending: shown positive, a reversal negative.
    (l) => -l.heldFen,
  );

  const entries = sheet(book, '分录', [8, 70, 10, 12, 20, 28, 16, 14]);
  header(entries, ['序号', '哈希', '记账号', '日期', '类型', '账户', ...MONEY_HEADERS]);
  for (const l of s.lines) {
    for (const e of l.entries) {
      entries.addRow([e.seq, e.hash, l.postingId, l.occurredOn, kindOf(l), e.account, ...money(e.amountFen)]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
