import { Alert, Card, List, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Grant } from '../../api/types.ts';
import { isStaff, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RESIDENT_TABS, STAFF_NAV, visibleNav } from '../../layouts/nav.tsx';
import { CrowdfundingHomeCard } from '../crowdfunding/CrowdfundingHomeCard.tsx';
import { DeliberationHomeCard } from '../deliberation/DeliberationHomeCard.tsx';
import { type MyDesk, useMyDesk } from '../duty/dutyApi.ts';
import { ProjectsHomeCard } from '../projects/ProjectsHomeCard.tsx';
import { VotesHomeCard } from '../votes/VotesHomeCard.tsx';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const desk = useMyDesk();
  if (!me) return null;
  const staff = isStaff(me);
  const links = visibleNav(staff ? STAFF_NAV : RESIDENT_TABS, me).filter((i) => i.path !== '/');

  return (
    <div className="stack">
      <PageTitle>{t('home.welcome', { name: me.displayName })}</PageTitle>
      <p>{t('home.intro')}</p>
      {me.pendingClaims > 0 ? (
        <Alert type="info" showIcon title={t('home.pendingClaims', { count: me.pendingClaims })} />
      ) : null}
      <DutyCard desk={desk.data} />
      {!staff && me.households.length > 0 ? <VotesHomeCard me={me} /> : null}
      {!staff && me.households.length > 0 ? <DeliberationHomeCard me={me} /> : null}
      {!staff && me.households.length > 0 ? <ProjectsHomeCard me={me} /> : null}
      {!staff && me.households.length > 0 ? <CrowdfundingHomeCard me={me} /> : null}
      <Card title={<h2 className="section-title">{t('home.grants')}</h2>}>
        {staff ? (
          <Table<Grant>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={me.grants}
            columns={[
              {
                title: t('home.role'),
                dataIndex: 'role',
                render: (role: Grant['role']) => t(`roles.${role}`),
              },
              { title: t('home.scope'), dataIndex: 'scopeName' },
            ]}
          />
        ) : (
          <p>{t('home.noGrants')}</p>
        )}
      </Card>
      {me.households.length > 0 ? (
        <Card title={<h2 className="section-title">{t('home.myHouseholds')}</h2>}>
          <List
            dataSource={me.households}
            renderItem={(h) => (
              <List.Item key={h.householdId}>
                {h.compoundName} {h.label}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card title={<h2 className="section-title">{t('home.quickLinks')}</h2>}>
        <nav aria-label={t('home.quickLinks')}>
          <ul className="quick-links">
            {links.map((item) => (
              <li key={item.path}>
                <Link to={item.path}>
                  <span aria-hidden="true">{item.icon}</span> {t(`nav.${item.label}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </Card>
    </div>
  );
}

/**
 * 我的值班: volunteers on a roster reach the duty desk from here (residents' tabs have no 值班); shown
 * when the user has a shift ahead or a swap waiting for an answer.
 */
function DutyCard({ desk }: { desk: MyDesk | undefined }) {
  const { t } = useTranslation();
  if (!desk || (desk.shifts.length === 0 && desk.incoming.length === 0)) return null;
  const next = desk.shifts[0];
  return (
    <Card title={<h2 className="section-title">{t('home.myDuty')}</h2>}>
      {next ? (
        <p>
          {t('home.nextShift', {
            date: next.date === desk.today ? t('home.today') : next.date,
            from: next.startsAt,
            to: next.endsAt,
            station: next.stationName,
          })}
          {desk.shifts.length > 1 ? t('home.moreShifts', { count: desk.shifts.length - 1 }) : null}
        </p>
      ) : null}
      {desk.incoming.length > 0 ? <p>{t('home.swapsWaiting', { count: desk.incoming.length })}</p> : null}
      <Link to="/duty">{t('home.openDuty')}</Link>
    </Card>
  );
}
