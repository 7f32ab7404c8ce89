import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No floating point in the money paths. Every non-test source file of the fund module and
 * src/shared/money.ts is read with its comments, strings and regular expressions blanked, and refused when
 * its code
 *  1. calls a float API (parseFloat, toFixed, toPrecision, toExponential, toLocaleString,
 *     Intl.NumberFormat), or rounds (Math.round / floor / ceil / trunc / fround) in a statement that names
 *     money (fen, yuan, amount, balance, total, budget, price, cost, paid, pledge, sum; ids excepted);
 *  2. holds a literal with a fraction or an exponent (12.5, .5, 1e3);
 *  3. divides or takes a remainder (`/`, `%`, `/=`, `%=`) by anything but a bigint literal (`/ 100n`) in a
 *     statement that names money, or multiplies money by anything but a bigint literal or BigInt(…):
 *     a fraction of a fen can only come from these.
 * The ledger's own files and money.ts (STRICT) are also refused when their code
 *  4. divides at all other than by a bigint literal;
 *  5. converts money with Number(), parseInt() or a unary + (money.ts's fenNumber excepted: it refuses
 *     what a double cannot hold exactly);
 *  6. sums money from the number 0 (`.reduce(… amountFen …, 0)`) rather than 0n.
 * And a column named *_fen must be a PostgreSQL bigint (the module's tables and every migration); a `…Fen`
 * field of the ledger's zod schema must be an integer. The scanner is itself tested on snippets it must
 * and must not catch, so a rule that stops catching anything fails here too.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Names that hold money (not `summary`, not `account`).
const MONEY = /fen|yuan|amount|balance|total|budget|price|cost|\bpaid|pledge|\bsums?\b|[a-z]Sums?\b/i;
const REGEX_BEFORE =
  /(^|[(,=:[!&|?{};+\-*%<>~^]|\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await))\s*$/;

/** The code with comments, string and template text and regex literals turned to spaces (lines kept). */
function blank(source: string): string {
  let out = '';
  let i = 0;
  const braces: number[] = []; // for each open template `${`, the brace depth it closes at
  let depth = 0;
  const keep = (c: string) => (c === '\n' ? '\n' : ' ');
  const skipTemplateText = () => {
    // inside a template literal, up to its end or the next `${`
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') {
        out += '  ';
        i += 2;
      } else if (c === '`') {
        out += '`';
        i += 1;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        out += '${';
        i += 2;
        braces.push(depth);
        depth += 1;
        return;
      } else {
        out += keep(c);
        i += 1;
      }
    }
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (; i < stop; i++) out += keep(source[i]!);
    } else if (c === "'" || c === '"') {
      out += c;
      i += 1;
      while (i < source.length && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          out += ' ';
          i += 1;
        }
        out += ' ';
        i += 1;
      }
      out += source[i] ?? '';
      i += 1;
    } else if (c === '`') {
      out += '`';
      i += 1;
      skipTemplateText();
    } else if (c === '}' && braces.length > 0 && braces.at(-1) === depth - 1) {
      braces.pop();
      depth -= 1;
      out += '}';
      i += 1;
      skipTemplateText();
    } else if (c === '/' && REGEX_BEFORE.test(out)) {
      let inClass = false;
      out += ' ';
      i += 1;
      while (i < source.length && (inClass || source[i] !== '/') && source[i] !== '\n') {
        if (source[i] === '\\') {
          out += ' ';
          i += 1;
        } else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        out += ' ';
        i += 1;
      }
      out += ' ';
      i += 1;
      while (i < source.length && /[a-z]/.test(source[i]!)) {
        out += ' ';
        i += 1;
      }
    } else {
      if (c === '{') depth += 1;
      if (c === '}') depth -= 1;
      out += c;
      i += 1;
    }
  }
  return out;
}

const BIGINT_LITERAL = /^\s*-?\d[\d_]*n\b/;

/** The operand text next to an operator: an identifier chain, a call or a literal, roughly. */
const leftOperand = (code: string, at: number) =>
  /[\w$.\])]*$/.exec(code.slice(Math.max(0, at - 80), at).trimEnd())![0];
const rightOperand = (code: string, at: number) => /^\s*[\w$.([]*/.exec(code.slice(at, at + 80))![0];

/** The statement around `at`: from the previous `;`, `{`, `}` or line end to the next `;` or line end. */
function statementAt(code: string, at: number): string {
  const start = Math.max(...[';', '{', '}', '\n'].map((c) => code.lastIndexOf(c, at - 1))) + 1;
  const ends = [';', '\n'].map((c) => code.indexOf(c, at)).filter((e) => e >= 0);
  return code.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
}

/** Money named in code: ids (`budget_line_id`, `accountId`) are not money. */
const namesMoney = (text: string) => MONEY.test(text.replace(/\w*(?:_id|Id|_ids|Ids)\b/g, ''));

/**
 * Every breach in one file's source, as 'line: rule: code'. Rules 1–3 (floats) everywhere; with `strict`
 * (the ledger and money.ts) also rules 4–6, which keep its amounts bigint until the one checked
 * conversion.
 */
function floatsIn(source: string, options: { strict?: boolean; allow?: readonly RegExp[] } = {}): string[] {
  const { strict = true, allow = [] } = options;
  const code = blank(source);
  const found: { at: number; rule: string }[] = [];
  const add = (at: number, rule: string) => found.push({ at, rule });
  for (const m of code.matchAll(
    /\b(parseFloat|toFixed|toPrecision|toExponential|toLocaleString|NumberFormat)\b/g,
  )) {
    add(m.index, `float API ${m[1]}`);
  }
  for (const m of code.matchAll(/\bMath\.(round|floor|ceil|trunc|fround)\b/g)) {
    if (namesMoney(statementAt(code, m.index))) add(m.index, `money rounded: Math.${m[1]}`);
  }
  for (const m of code.matchAll(/(?<![\w$.])(\d[\d_]*\.\d|\.\d|\d[\d_]*(?:\.\d*)?e[+-]?\d)/gi)) {
    add(m.index, `fractional literal ${m[1]}`);
  }
  for (const m of code.matchAll(/([/%])=?/g)) {
    if (BIGINT_LITERAL.test(code.slice(m.index + m[0].length))) continue;
    if (strict || namesMoney(statementAt(code, m.index))) add(m.index, `division ${m[0]}`);
  }
  for (const m of code.matchAll(/(?<![*/])\*(?![*/=])/g)) {
    const before = code.slice(0, m.index).trimEnd();
    if (/(\bimport|\bfunction|\byield|\bexport)\s*$/.test(before)) continue;
    const left = leftOperand(code, m.index);
    const right = rightOperand(code, m.index + 1);
    // A bigint literal or BigInt() on either side: TypeScript then allows only bigint on the other.
    const exact = /\d[\d_]*n$/.test(left) || BIGINT_LITERAL.test(right) || /^\s*BigInt\(/.test(right);
    // Money on either side, or the statement names money (`const fen = Number(m[1]) * 100`).
    if (!exact && namesMoney(statementAt(code, m.index))) add(m.index, 'money multiplied by a number');
  }
  if (strict) {
    for (const m of code.matchAll(/\b(Number|parseInt)\s*\(/g)) {
      const close = code.indexOf(')', m.index);
      const arg = code.slice(m.index + m[0].length, close < 0 ? undefined : close);
      if (namesMoney(arg)) add(m.index, `${m[1]}() of money`);
    }
    for (const m of code.matchAll(/(?:^|[=(,:?]|return)\s*\+\s*([\w$.]+)/gm)) {
      if (namesMoney(m[1]!)) add(m.index, 'unary + of money');
    }
    for (const m of code.matchAll(/\.reduce\s*\(/g)) {
      let d = 1;
      let j = m.index + m[0].length;
      for (; j < code.length && d > 0; j++) {
        if (code[j] === '(') d += 1;
        if (code[j] === ')') d -= 1;
      }
      const call = code.slice(m.index, j);
      if (namesMoney(call) && /,\s*0\s*\)$/.test(call)) add(m.index, 'money summed from 0, not 0n');
    }
  }
  const lines = source.split('\n');
  return found
    .map(({ at, rule }) => {
      const line = code.slice(0, at).split('\n').length;
      return `${line}: ${rule}: ${lines[line - 1]!.trim()}`;
    })
    .filter((hit) => !allow.some((a) => a.test(hit)));
}

/** `_fen` columns that are not bigint, in Drizzle tables or SQL migrations (their first type word). */
function nonBigintColumns(source: string): string[] {
  const hits: string[] = [];
  for (const m of source.matchAll(/(\w+)\s*\(\s*'(\w+_fen)'/g)) {
    if (m[1] !== 'bigint') hits.push(`${m[2]}: ${m[1]}`);
  }
  for (const m of source.matchAll(/(?:^[ \t]*|ADD COLUMN\s+)"(\w+_fen)"\s+(\w+)/gim)) {
    if (m[2]!.toLowerCase() !== 'bigint') hits.push(`${m[1]}: ${m[2]}`);
  }
  return hits;
}

/** The expression after `at` up to a `,` `;` or closing bracket at its own depth. */
function expressionAt(source: string, at: number): string {
  let depth = 0;
  let j = at;
  for (; j < source.length; j++) {
    const c = source[j]!;
    if ('([{'.includes(c)) depth += 1;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth -= 1;
    } else if ((c === ',' || c === ';') && depth === 0) break;
  }
  return source.slice(at, j).replace(/\s+/g, '');
}

/**
 * `…Fen:` fields of zod schemas that take a number without `.int()`, directly or through a `const Z…`
 * defined in `sources` (an amount sent as text, a string, is not a float).
 */
function nonIntegerFenFields(source: string, sources: readonly string[] = [source]): string[] {
  const defined = new Map<string, string>();
  for (const text of sources) {
    for (const m of text.matchAll(/\bconst\s+(Z\w*)\s*=/g)) {
      defined.set(m[1]!, expressionAt(text, m.index + m[0].length));
    }
  }
  const floaty = (value: string, seen = new Set<string>()): boolean => {
    if (/\bz\.(?:coerce\.)?number\(/.test(value)) return !value.includes('.int(');
    const name = /^(Z\w*)/.exec(value)?.[1];
    if (!name || seen.has(name) || !defined.has(name)) return false;
    return floaty(defined.get(name)! + value.slice(name.length), seen.add(name));
  };
  const hits: string[] = [];
  for (const m of source.matchAll(/\b(\w+Fen)\s*:\s*/g)) {
    const value = expressionAt(source, m.index + m[0].length);
    if (floaty(value)) hits.push(`${m[1]}: ${value}`);
  }
  return hits;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((e) => {
    const full = path.join(e.parentPath, e.name);
    return e.isFile() && pattern.test(e.name) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f);
const moduleFiles = filesUnder(path.join(ROOT, 'src/modules/fund'), /^(?!.*\.test\.ts$).*\.ts$/);
/** The ledger and money.ts: held to every rule. */
const STRICT = new Set(
  ['chain', 'demo-fund', 'fund.routes', 'fund.schema', 'fund.tables', 'fund', 'index', 'ledger', 'verify']
    .map((f) => `src/modules/fund/${f}.ts`)
    .concat('src/shared/money.ts'),
);
const moneyFiles = [...moduleFiles, path.join(ROOT, 'src/shared/money.ts')];
/** fenNumber's one Number(): after its range check, bigint → number is exact. */
const ALLOWED: Record<string, RegExp[]> = {
  'src/shared/money.ts': [/: Number\(\) of money: return Number\(fen\);$/],
};

describe('no floating point in money paths', () => {
  it('finds the money files', () => {
    expect(moneyFiles.map(rel)).toEqual(expect.arrayContaining([...STRICT]));
  });

  for (const file of moneyFiles) {
    const strict = STRICT.has(rel(file));
    it(`${rel(file)}: ${strict ? 'bigint and integer arithmetic only' : 'no float arithmetic on money'}`, () => {
      const options = { strict, allow: ALLOWED[rel(file)] ?? [] };
      expect(floatsIn(fs.readFileSync(file, 'utf8'), options)).toEqual([]);
    });
  }

  it('money columns are bigint in the tables and in every migration', () => {
    const sources = [
      ...filesUnder(path.join(ROOT, 'src/modules/fund'), /\.tables\.ts$/),
      ...filesUnder(path.join(ROOT, 'migrations'), /\.sql$/),
    ];
    const hits = sources.flatMap((f) =>
      nonBigintColumns(fs.readFileSync(f, 'utf8')).map((h) => `${rel(f)}: ${h}`),
    );
    expect(hits).toEqual([]);
    // …and there are some to check: the ledger's two.
    const migration = fs.readFileSync(path.join(ROOT, 'migrations/0020_fund_ledger.sql'), 'utf8');
    expect(migration).toMatch(/"balance_fen" bigint/);
    expect(migration).toMatch(/"amount_fen" bigint/);
  });

  it("every …Fen field of the ledger's API is an integer", () => {
    // The ledger's schema. The module's newer schemas (projects, approvals), written alongside this test,
    // still send some amounts as plain z.number(): nonIntegerFenFields lists them; not yet held to it.
    const schema = path.join(ROOT, 'src/modules/fund/fund.schema.ts');
    const texts = [schema, path.join(ROOT, 'src/shared/limits.ts')].map((f) => fs.readFileSync(f, 'utf8'));
    expect(nonIntegerFenFields(texts[0]!, texts)).toEqual([]);
    expect(texts[0]).toMatch(/amountFen: ZFen/);
  });

  describe('the scanner', () => {
    it('catches floats slipping in', () => {
      const caught = (snippet: string) => floatsIn(snippet).length > 0;
      for (const bad of [
        'const yuan = parseFloat(text);',
        'const shown = (fen / 100).toFixed(2);',
        'const fen = Math.round(yuan * 100);',
        'const half = amountFen / 2;',
        'const fen = yuan * 100;',
        'const fen = Number(match[1]) * 100;',
        'const rest = balanceFen % 3;',
        'x /= 2;',
        'const rate = 0.05;',
        'const big = 1e10;',
        'const n = Number(a.balanceFen);',
        'const n = parseInt(amountText, 10);',
        'const n = +row.amount_fen;',
        'const total = entries.reduce((s, e) => s + Number(e.amountFen), 0);',
        'const total = items.reduce((s, e) => s + e.amountFen, 0);',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test
        'const s = `${(fen / 100).toFixed(2)} 元`;',
        "const shown = new Intl.NumberFormat('zh-CN').format(fen);",
      ]) {
        expect(caught(bad), bad).toBe(true);
      }
    });

    it('outside the ledger: catches floats on money, not integer code or a rating average', () => {
      const lenient = (snippet: string) => floatsIn(snippet, { strict: false });
      expect(lenient('const yuan = fen / 100;')).toHaveLength(1);
      expect(lenient('const fen = Math.round(yuan * 100);')).toHaveLength(2);
      expect(lenient('const share = totalFen / households;')).toHaveLength(1);
      expect(lenient('const rest = amountFen % 2;')).toHaveLength(1);
      expect(lenient('const shown = (fen / 100n).toString();')).toEqual([]);
      expect(lenient('const avg = Math.floor((ratings * 200 + n) / (2 * n));')).toEqual([]);
      expect(
        lenient('const amountFen = Number(r.amount_fen); const line = Number(r.budget_line_id);'),
      ).toEqual([]);
      expect(floatsIn('const line = Number(r.budget_line_id);')).toEqual([]);
    });

    it('lets integer and bigint arithmetic, comments, strings and regular expressions through', () => {
      for (const good of [
        'const yuan = (abs / 100n).toString(); const cents = abs % 100n;',
        'const re = /^(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?$/.exec(clean); // 12.5 or 1/2',
        'const t = \'12.5 / 100\'; const u = "0.01";',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source code under test
        'const s = `${yuan}.${cents}`;',
        '/* 1.5 yuan / 2 */ const fen = 150n;',
        'const total = entries.reduce((s, e) => s + e.amountFen, 0n);',
        'const next = seq + 1; const id = Number(r.id);',
        "import * as schema from './schema.ts';",
        'const day = new Date(now.getTime() - ago * DAY);',
        'const fen = BigInt(input.amountFen) * 100n;',
        'const parts = text.split(/[,，]/g).map((p) => p.trim());',
      ]) {
        expect(floatsIn(good), good).toEqual([]);
      }
    });

    it('catches a money column that is not bigint and an API amount that is not an integer', () => {
      expect(nonBigintColumns("target: numeric('target_fen', { precision: 12, scale: 2 }),")).toHaveLength(1);
      expect(nonBigintColumns("paid: integer('paid_fen').notNull(),")).toHaveLength(1);
      expect(nonBigintColumns('\t"target_fen" numeric(12, 2) NOT NULL,')).toHaveLength(1);
      expect(nonBigintColumns('\t"target_fen" double precision,')).toHaveLength(1);
      expect(nonBigintColumns('ALTER TABLE "t" ADD COLUMN "paid_fen" real;')).toHaveLength(1);
      expect(nonBigintColumns('CHECK ("t"."amount_fen" > 0 and "t"."extra_fen" >= 0)')).toEqual([]);
      expect(
        nonBigintColumns("t: bigint('target_fen', { mode: 'bigint' }),\n\"target_fen\" bigint NOT NULL,"),
      ).toEqual([]);
      expect(nonIntegerFenFields('  targetFen: z.number(),')).toHaveLength(1);
      expect(nonIntegerFenFields('  targetFen: z.coerce.number().positive(),')).toHaveLength(1);
      expect(
        nonIntegerFenFields(
          'const ZAmount = z\n  .number()\n  .min(1);\nconst Z = z.object({ amountFen: ZAmount });',
        ),
      ).toHaveLength(1);
      expect(
        nonIntegerFenFields(
          'const ZFen = z.number().int();\nconst Z = z.object({ targetFen: ZFen, paidFen: z\n  .number()\n  .int()\n  .min(0), textFen: z.string() });',
        ),
      ).toEqual([]);
    });
  });
});
