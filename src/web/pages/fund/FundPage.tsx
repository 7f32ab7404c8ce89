import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ownStations, StationWorkspace, useStationInAddress } from '../places/StationChooser.tsx';
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
  const { station } = useStationInAddress(own);
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
      <StationWorkspace title={t('fund.station')} own={own} pickFirst={t('fund.pickStation')}>
        {(picked) => (
          <div className="stack">
            <FundAccountsCard station={picked} />
            <ApprovalsCard stationId={picked.id} />
            <FundLedger stationId={picked.id} />
            <FundRulesCard base={`/stations/${picked.id}`} title={t('fund.rules.heading')} station />
          </div>
        )}
      </StationWorkspace>
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
