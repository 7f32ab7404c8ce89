import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { periodName, statementPath, usePublicFund } from './disclosureApi.ts';
import { PublicSection, TableHead, TotalFoot } from './PublicTable.tsx';
import { ChainHead } from './StatementSheet.tsx';
import './disclosure.css';

/**
 * 自治基金公示: a station's fund for anyone, on a phone, without signing in — what each account holds,
 * income by source, spending per project, and the statements per month and quarter, each openable.
 */
export default function PublicFundPage() {
  const { t } = useTranslation();
  const stationId = Number(useParams().stationId);
  const fund = usePublicFund(stationId);
  const yuan = (fen: number) => t('disclosure.yuan', { amount: yuanText(fen) });
  return (
    <main className="public-page" id="main">
      <div className="public-lang">
        <LanguageSwitch />
      </div>
      {fund.isPending ? (
        <Loading />
      ) : fund.isError ? (
        <ProblemAlert error={fund.error} />
      ) : (
        <>
          <PageTitle>{t('disclosure.of', { station: fund.data.station.name })}</PageTitle>
          <p>{t('disclosure.intro')}</p>

          <PublicSection id="pf-balances" title={t('disclosure.balances')} className="public-card">
            <table className="public-table">
              <TableHead text={[t('disclosure.account')]} num={[t('disclosure.balance')]} />
              <tbody>
                {fund.data.accounts.map((a) => (
                  <tr key={a.name}>
                    <td>
                      {a.name}
                      <span className="public-note">{t(`disclosure.kinds.${a.kind}`)}</span>
                    </td>
                    <td className="num">{yuan(a.balanceFen)}</td>
                  </tr>
                ))}
              </tbody>
              <TotalFoot amount={yuan(fund.data.balanceFen)} />
            </table>
          </PublicSection>

          <PublicSection id="pf-income" title={t('disclosure.income')} className="public-card">
            {fund.data.income.bySource.length === 0 ? (
              <p>{t('disclosure.noIncome')}</p>
            ) : (
              <table className="public-table">
                <TableHead text={[t('disclosure.source')]} num={[t('disclosure.amount')]} />
                <tbody>
                  {fund.data.income.bySource.map((r) => (
                    <tr key={r.source}>
                      <td>{t(`fund.sources.${r.source}`)}</td>
                      <td className="num">{yuan(r.amountFen)}</td>
                    </tr>
                  ))}
                </tbody>
                <TotalFoot amount={yuan(fund.data.income.totalFen)} />
              </table>
            )}
          </PublicSection>

          <PublicSection id="pf-spending" title={t('disclosure.spending')} className="public-card">
            <table className="public-table">
              <TableHead
                text={[t('disclosure.project')]}
                num={[t('disclosure.budget'), t('disclosure.spent')]}
              />
              <tbody>
                {fund.data.spending.byProject.map((p) => (
                  <tr key={p.projectId}>
                    <td>
                      {p.title}
                      <span className="public-note">{t(`disclosure.stages.${p.stage}`)}</span>
                    </td>
                    <td className="num">
                      {p.budgetFen === null ? t('disclosure.notApproved') : yuan(p.budgetFen)}
                    </td>
                    <td className="num">{yuan(p.spentFen)}</td>
                  </tr>
                ))}
                <tr>
                  <td>{t('disclosure.unassigned')}</td>
                  <td />
                  <td className="num">{yuan(fund.data.spending.unassignedFen)}</td>
                </tr>
              </tbody>
              <TotalFoot amount={yuan(fund.data.spending.totalFen)} skip={1} />
            </table>
          </PublicSection>

          <PublicSection id="pf-statements" title={t('disclosure.statements')} className="public-card">
            {fund.data.statements.months.length === 0 ? (
              <p>{t('disclosure.noStatements')}</p>
            ) : (
              (['months', 'quarters'] as const).map((kind) => (
                <nav key={kind} aria-label={t(`disclosure.${kind}`)}>
                  <h3 className="public-subtitle">{t(`disclosure.${kind}`)}</h3>
                  <ul className="public-periods">
                    {fund.data.statements[kind].map((key) => (
                      <li key={key}>
                        <Link to={statementPath(stationId, key)}>{periodName(t, key)}</Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              ))
            )}
          </PublicSection>
          <ChainHead head={fund.data.head} />
        </>
      )}
    </main>
  );
}
