import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import type { Me } from '../../api/types.ts';
import { isStaff, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  grantStations,
  HomeStationList,
  homeStations,
  type StationRef,
  StationWorkspace,
} from '../places/StationChooser.tsx';
import { CreateDriveModal } from './CreateDriveModal.tsx';
import { useDrives } from './crowdfundingApi.ts';
import { DriveStatusTag } from './DriveParts.tsx';
import './crowdfunding.css';

/** 众筹: staff choose a station and see its drives (and open one); residents see their homes' stations' drives. */
export default function CrowdfundingPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <>
      <PageTitle>{t('crowdfunding.title')}</PageTitle>
      {isStaff(me) ? <StaffDrives me={me} /> : <ResidentDrives me={me} />}
    </>
  );
}

function StaffDrives({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <StationWorkspace
      title={t('crowdfunding.station')}
      own={grantStations(me)}
      pickFirst={t('crowdfunding.pickStation')}
    >
      {(station) => <DriveList station={station} />}
    </StationWorkspace>
  );
}

function ResidentDrives({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <HomeStationList stations={homeStations(me)} noHome={t('crowdfunding.noHome')}>
      {(station) => <DriveList station={station} />}
    </HomeStationList>
  );
}

function DriveList({ station }: { station: StationRef }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const drives = useDrives(station.id);
  const [creating, setCreating] = useState(false);
  const yuan = (fen: number) => t('crowdfunding.yuan', { amount: yuanText(fen) });
  return (
    <Card
      title={<h2 className="section-title">{t('crowdfunding.of', { station: station.name })}</h2>}
      extra={
        drives.data?.abilities.create ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('crowdfunding.create')}
          </Button>
        ) : null
      }
    >
      {drives.error ? <ProblemAlert error={drives.error} /> : null}
      <List
        loading={drives.isPending}
        dataSource={drives.data?.items ?? []}
        locale={{ emptyText: t('crowdfunding.empty') }}
        renderItem={(d) => (
          <List.Item key={d.id}>
            <div className="drive-row">
              <Link to={`/crowdfunding/${d.id}`} className="drive-row-title">
                {d.title}
              </Link>
              <div className="drive-row-meta">
                <DriveStatusTag status={d.status} />
                <span>{t('crowdfunding.deadlineOn', { day: d.deadline })}</span>
                <span className="fund-amount">
                  {t('crowdfunding.raisedOf', { paid: yuan(d.paidFen), target: yuan(d.targetFen) })}
                </span>
              </div>
            </div>
          </List.Item>
        )}
      />
      {creating ? (
        <CreateDriveModal
          station={station}
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate(`/crowdfunding/${id}`)}
        />
      ) : null}
    </Card>
  );
}
