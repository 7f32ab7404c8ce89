import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { can, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { CoverageTable, DutyLogTable } from './DutyReports.tsx';
import { PoolEditor } from './PoolEditor.tsx';
import { RosterTab } from './RosterTab.tsx';
import { HoursEditor, SlotsEditor } from './SetupEditors.tsx';

/** This month in China Standard Time, 'YYYY-MM'. */
const thisMonth = () => chinaDate().slice(0, 7);

/**
 * The station's duty desk for the chair (desktop): the month's roster with 生成排班 and cover for leave,
 * coverage per member, opening hours, duty slots, the rota pool with days away, and the duty log.
 */
export default function StationDutyPage() {
  const { t } = useTranslation();
  const stationId = Number(useParams().id);
  const me = useMe().data;
  // What the server lists in /me; each change is checked again by the server at this station.
  const manage = can(me, 'station.manage');
  const serve = can(me, 'duty.serve');
  const [month, setMonth] = useState(thisMonth);

  return (
    <>
      <PageTitle>{t('duty.stationTitle')}</PageTitle>
      <Tabs
        items={[
          {
            key: 'roster',
            label: t('duty.roster.title'),
            children: <RosterTab stationId={stationId} month={month} onMonth={setMonth} manage={manage} />,
          },
          {
            key: 'coverage',
            label: t('duty.coverage.title'),
            children: <CoverageTable stationId={stationId} month={month} />,
          },
          {
            key: 'hours',
            label: t('duty.hours.title'),
            children: <HoursEditor stationId={stationId} manage={manage} />,
          },
          {
            key: 'slots',
            label: t('duty.slots.title'),
            children: <SlotsEditor stationId={stationId} manage={manage} />,
          },
          {
            key: 'pool',
            label: t('duty.pool.title'),
            children: <PoolEditor stationId={stationId} month={month} manage={manage} />,
          },
          {
            key: 'log',
            label: t('duty.log.title'),
            children: <DutyLogTable stationId={stationId} serve={serve} />,
          },
        ]}
      />
    </>
  );
}
