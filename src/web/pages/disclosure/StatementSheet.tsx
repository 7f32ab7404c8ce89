import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { periodName, type Statement, type StatementLine, statementPath } from './disclosureApi.ts';
import { PublicSection, SumRow, TableHead, TotalFoot } from './PublicTable.tsx';

/** "南江绿苑 自治基金2026 年 3 月收支公示": the statement's one heading. */
export const statementTitle = (t: TFunction, s: Statement) =>
  t('disclosure.statement.title', { station: s.station.name, period: periodName(t, s.period.key) });

/** The ledger's chain head a page or statement was made at. */
export function ChainHead({ head }: { head: Statement['head'] }) {
  const { t } = useTranslation();
  return (
    <p className="public-head">
      {head.seq === 0 ? t('disclosure.emptyHead') : t('disclosure.head', { seq: head.seq })}
      <code className="public-hash">{head.hash}</code>
    </p>
  );
}

function lineText(t: TFunction, l: StatementLine): string {
  const what =
    l.kind === 'reversal'
      ? t('disclosure.statement.reversal', { id: l.reversesId })
      : t(`fund.postingKinds.${l.kind}`);
  const side = l.project ?? (l.source ? t(`fund.sources.${l.source}`) : null);
  return [what, side, l.counterparty].filter(Boolean).join(' · ');
}

/** Everything a statement says, as tables that read on a phone and print on A4. */
export function StatementSheet({ statement: s, origin }: { statement: Statement; origin: string }) {
  const { t, i18n } = useTranslation();
  const k = 'disclosure.statement';
  const yuan = (fen: number) => yuanText(fen);
  const again = `${origin}${statementPath(s.station.id, s.period.key)}?upTo=${s.head.seq}`;
  return (
    <>
      <p className="public-meta">
        {t(`${k}.period`, { from: s.period.from, through: s.period.through })}
        <br />
        {t(`${k}.madeAt`, { at: chinaDateTime(i18n.language)(s.madeAt) })}
      </p>

      <PublicSection id="st-summary" title={t(`${k}.summary`)}>
        <table className="public-table">
          <TableHead text={[t(`${k}.item`)]} num={[t('disclosure.amountYuan')]} />
          <tbody>
            {(
              [
                ['opening', s.openingFen],
                ['income', s.income.totalFen],
                ['spending', s.spending.totalFen],
                ['closing', s.closingFen],
              ] as const
            ).map(([key, fen]) => (
              <SumRow key={key} label={t(`${k}.${key}`)} amount={yuan(fen)} />
            ))}
          </tbody>
        </table>
        {s.transfers.count > 0 ? (
          <p>{t(`${k}.transfers`, { count: s.transfers.count, amount: yuan(s.transfers.amountFen) })}</p>
        ) : null}
      </PublicSection>

      <PublicSection id="st-accounts" title={t(`${k}.accounts`)}>
        <table className="public-table">
          <TableHead text={[t('disclosure.account')]} num={[t(`${k}.openingCol`), t(`${k}.closingCol`)]} />
          <tbody>
            {s.accounts.map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td className="num">{yuan(a.openingFen)}</td>
                <td className="num">{yuan(a.closingFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </PublicSection>

      <PublicSection id="st-income" title={t(`${k}.incomeBySource`)}>
        <table className="public-table">
          <tbody>
            {s.income.bySource.map((r) => (
              <SumRow key={r.source} label={t(`fund.sources.${r.source}`)} amount={yuan(r.amountFen)} />
            ))}
          </tbody>
          <TotalFoot amount={yuan(s.income.totalFen)} />
        </table>
      </PublicSection>

      <PublicSection id="st-spending" title={t(`${k}.spendingByProject`)}>
        <table className="public-table">
          <tbody>
            {s.spending.byProject.map((p) => (
              <SumRow key={p.projectId} label={p.title} amount={yuan(p.amountFen)} />
            ))}
            <SumRow label={t('disclosure.unassigned')} amount={yuan(s.spending.unassignedFen)} />
          </tbody>
          <TotalFoot amount={yuan(s.spending.totalFen)} />
        </table>
      </PublicSection>

      <PublicSection id="st-lines" title={t(`${k}.lines`)}>
        {s.lines.length === 0 ? (
          <p>{t(`${k}.noLines`)}</p>
        ) : (
          <ScrollRegion label={t(`${k}.lines`)}>
            <table className="public-table public-lines">
              <TableHead text={[t(`${k}.date`), t(`${k}.memo`)]} num={[t('disclosure.amountYuan')]} />
              <tbody>
                {s.lines.map((l) => (
                  <tr key={l.postingId}>
                    <td className="public-date">{l.occurredOn}</td>
                    <td>
                      {l.memo}
                      <span className="public-note">
                        #{l.postingId} {lineText(t, l)}
                      </span>
                    </td>
                    <td className="num">
                      {l.heldFen === 0
                        ? `${yuan(l.amountFen)} (${t(`${k}.internal`)})`
                        : `${l.heldFen > 0 ? '+' : ''}${yuan(l.heldFen)}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </PublicSection>

      <PublicSection id="st-verify" title={t(`${k}.verifyTitle`)} className="public-verify">
        <p>{t(`${k}.verify`, { seq: s.head.seq })}</p>
        <ChainHead head={s.head} />
        <p>
          <code className="public-hash">{`linshe fund verify ${s.station.id} --head ${s.head.hash}`}</code>
        </p>
        <p>
          {t(`${k}.again`)} <span className="public-url">{again}</span>
        </p>
      </PublicSection>
    </>
  );
}
