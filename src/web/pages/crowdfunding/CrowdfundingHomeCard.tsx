import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../api/types.ts';
import { useDrives } from './crowdfundingApi.ts';

/** 社区众筹 on a resident's home page: the open drives of their home's station. */
export function CrowdfundingHomeCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const stationId = me.households[0]?.stationId ?? null;
  const drives = useDrives(stationId);
  if (stationId === null || !drives.data) return null;
  const open = drives.data.items.filter((d) => d.status === 'open');
  if (open.length === 0) return null;
  return (
    <Card title={<h2 className="section-title">{t('crowdfunding.home.title')}</h2>}>
      <p>{t('crowdfunding.home.open', { count: open.length })}</p>
      <ul className="plain-list drive-home-list">
        {open.map((d) => (
          <li key={d.id}>
            <Link to={`/crowdfunding/${d.id}`}>{d.title}</Link>
          </li>
        ))}
      </ul>
      <Link to="/crowdfunding">{t('crowdfunding.home.all')}</Link>
    </Card>
  );
}
