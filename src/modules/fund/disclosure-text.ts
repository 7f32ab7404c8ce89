import type { IncomeSource } from './fund.tables.ts';
import { SOURCE_NAMES } from './fund.ts';

/**
 * What of a posting's words the public statement shows (PIPL, DESIGN §4: no personal data on public
 * pages). Money from people — donations 个人捐赠 and crowdfunding 居民众筹 — shows neither who paid nor
 * the memo (staff write donors' names there, the ledger writes collectors' names into the counterparty):
 * the source's name stands for both. Income of the source 其他 may come from a person too: its
 * counterparty is left out, its memo kept. Organisations (街道, 社区, 公益创投, sponsors) and the
 * suppliers paid show as written. A reversal is judged by the source it carries (its original's). Pure.
 */

const FROM_PEOPLE: readonly IncomeSource[] = ['donation', 'crowdfunding'];

export function publicWords(posting: { source: IncomeSource | null; counterparty: string; memo: string }): {
  counterparty: string | null;
  memo: string;
} {
  const { source } = posting;
  if (source && FROM_PEOPLE.includes(source)) return { counterparty: null, memo: SOURCE_NAMES[source] };
  if (source === 'other') return { counterparty: null, memo: posting.memo };
  return { counterparty: posting.counterparty || null, memo: posting.memo };
}
