import { Alert, Card, List, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Grant } from '../../api/types.ts';
import { isStaff, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RESIDENT_TABS, STAFF_NAV, visibleNav } from '../../layouts/nav.tsx';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
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
