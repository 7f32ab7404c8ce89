import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { can, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ownStations, StationChooser, type StationRef } from '../places/StationChooser.tsx';
import { ApprovalsCard } from './ApprovalsCard.tsx';
import { FundAccountsCard } from './FundAccounts.tsx';
import { FundLedger } from './FundLedger.tsx';
import { FundRulesCard } from './FundRules.tsx';
import './fund.css';

/**
 * 自治基金 for staff: a station's balances, the ledger with its chain check, and (for those who may post)
 * income, expenses, transfers, earmarked accounts and reversals. The station lives in the address.
 */
export default function FundPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const own = ownStations(me);
  // Officers who set rules for their area (a district's) see that area's approval rules too.
  const areas = (me?.grants ?? [])
    .filter((g) => g.path !== null && g.stationId === null && can(me, 'station.policy'))
    .filter((g) => g.role === 'districtOfficer' || g.role === 'cityOfficer')
    .map((g) => ({ id: Number(g.path!.split('/').at(-2)), name: g.scopeName }));
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('station'));
  const station: StationRef | null =
    Number.isInteger(id) && id > 0
      ? (own.find((s) => s.id === id) ?? { id, name: params.get('name') ?? '' })
      : (own[0] ?? null);
  const pick = (s: StationRef) =>
    setParams(new URLSearchParams({ station: String(s.id), name: s.name }), { replace: true });
  return (
    <>
      <PageTitle
        extra={
          station ? (
            <Link
              to={`/crowdfunding?${new URLSearchParams({ station: String(station.id), name: station.name })}`}
            >
              {t('crowdfunding.fromFund')}
            </Link>
          ) : null
        }
      >
        {t('fund.title')}
      </PageTitle>
      <div className="places-grid">
        <StationChooser title={t('fund.station')} own={own} current={station} onPick={pick} />
        {station ? (
          <div className="stack" key={station.id}>
            <FundAccountsCard station={station} />
            <ApprovalsCard stationId={station.id} />
            <FundLedger stationId={station.id} />
            <FundRulesCard base={`/stations/${station.id}`} title={t('fund.rules.heading')} station />
          </div>
        ) : (
          <Card>
            <p>{t('fund.pickStation')}</p>
          </Card>
        )}
      </div>
      {areas.map((a) => (
        <FundRulesCard
          key={a.id}
          base={`/areas/${a.id}`}
          title={t('fund.rules.areaHeading', { area: a.name })}
          station={false}
        />
      ))}
    </>
  );
}
