import { Alert, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDutyLog, useMyDesk } from './dutyApi.ts';
import { MyShifts } from './MyShifts.tsx';
import { SwapList } from './SwapModal.tsx';
import { VisitForm } from './VisitForm.tsx';
import { VisitList } from './VisitList.tsx';

/**
 * The member's duty desk, phone first: today's and coming shifts with 签到 / 签退, leave and swaps
 * (answering those waiting on me), the quick 记录来访 form and today's visits below it.
 */
export default function DutyDeskPage() {
  const { t } = useTranslation();
  const desk = useMyDesk();
  const [picked, setPicked] = useState<number | null>(null);
  const stations = desk.data?.stations ?? [];
  const stationId = picked ?? stations[0]?.id ?? null;
  const visits = useDutyLog(stationId, desk.data?.today);

  if (desk.isPending) return <Loading />;
  if (desk.error) return <ProblemAlert error={desk.error} />;
  const { today, shifts, incoming, outgoing } = desk.data;

  return (
    <>
      <PageTitle>{t('duty.deskTitle')}</PageTitle>
      <div className="stack" style={{ maxWidth: 640 }}>
        <SwapList incoming={incoming} outgoing={outgoing} />
        <MyShifts shifts={shifts} today={today} />
        {stations.length > 1 ? (
          <Select
            aria-label={t('duty.visit.station')}
            value={stationId}
            onChange={setPicked}
            options={stations.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : null}
        {stationId === null ? (
          <Alert type="info" showIcon title={t('duty.visit.notServing')} />
        ) : (
          <>
            <VisitForm key={stationId} stationId={stationId} />
            {visits.error ? <ProblemAlert error={visits.error} /> : null}
            <VisitList entries={visits.data ?? []} stationId={stationId} />
          </>
        )}
      </div>
    </>
  );
}
