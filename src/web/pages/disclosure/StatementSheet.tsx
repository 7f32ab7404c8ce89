import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { periodName, type Statement, type StatementLine, statementPath } from './disclosureApi.ts';

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

      <section aria-labelledby="st-summary">
        <h2 id="st-summary" className="section-title">
          {t(`${k}.summary`)}
        </h2>
        <table className="public-table">
          <thead>
            <tr>
              <th scope="col">{t(`${k}.item`)}</th>
              <th scope="col" className="num">
                {t('disclosure.amountYuan')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['opening', s.openingFen],
                ['income', s.income.totalFen],
                ['spending', s.spending.totalFen],
                ['closing', s.closingFen],
              ] as const
            ).map(([key, fen]) => (
              <tr key={key}>
                <th scope="row">{t(`${k}.${key}`)}</th>
                <td className="num">{yuan(fen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {s.transfers.count > 0 ? (
          <p>{t(`${k}.transfers`, { count: s.transfers.count, amount: yuan(s.transfers.amountFen) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="st-accounts">
        <h2 id="st-accounts" className="section-title">
          {t(`${k}.accounts`)}
        </h2>
        <table className="public-table">
          <thead>
            <tr>
              <th scope="col">{t('disclosure.account')}</th>
              <th scope="col" className="num">
                {t(`${k}.openingCol`)}
              </th>
              <th scope="col" className="num">
                {t(`${k}.closingCol`)}
              </th>
            </tr>
          </thead>
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
      </section>

      <section aria-labelledby="st-income">
        <h2 id="st-income" className="section-title">
          {t(`${k}.incomeBySource`)}
        </h2>
        <table className="public-table">
          <tbody>
            {s.income.bySource.map((r) => (
              <tr key={r.source}>
                <th scope="row">{t(`fund.sources.${r.source}`)}</th>
                <td className="num">{yuan(r.amountFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('disclosure.total')}</th>
              <td className="num">{yuan(s.income.totalFen)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section aria-labelledby="st-spending">
        <h2 id="st-spending" className="section-title">
          {t(`${k}.spendingByProject`)}
        </h2>
        <table className="public-table">
          <tbody>
            {s.spending.byProject.map((p) => (
              <tr key={p.projectId}>
                <th scope="row">{p.title}</th>
                <td className="num">{yuan(p.amountFen)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('disclosure.unassigned')}</th>
              <td className="num">{yuan(s.spending.unassignedFen)}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('disclosure.total')}</th>
              <td className="num">{yuan(s.spending.totalFen)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section aria-labelledby="st-lines">
        <h2 id="st-lines" className="section-title">
          {t(`${k}.lines`)}
        </h2>
        {s.lines.length === 0 ? (
          <p>{t(`${k}.noLines`)}</p>
        ) : (
          <ScrollRegion label={t(`${k}.lines`)}>
            <table className="public-table public-lines">
              <thead>
                <tr>
                  <th scope="col">{t(`${k}.date`)}</th>
                  <th scope="col">{t(`${k}.memo`)}</th>
                  <th scope="col" className="num">
                    {t('disclosure.amountYuan')}
                  </th>
                </tr>
              </thead>
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
      </section>

      <section aria-labelledby="st-verify" className="public-verify">
        <h2 id="st-verify" className="section-title">
          {t(`${k}.verifyTitle`)}
        </h2>
        <p>{t(`${k}.verify`, { seq: s.head.seq })}</p>
        <ChainHead head={s.head} />
        <p>
          <code className="public-hash">{`linshe fund verify ${s.station.id} --head ${s.head.hash}`}</code>
        </p>
        <p>
          {t(`${k}.again`)} <span className="public-url">{again}</span>
        </p>
      </section>
    </>
  );
}
