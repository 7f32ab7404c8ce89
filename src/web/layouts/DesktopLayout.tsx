import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../app/session.ts';
import { activePath, STAFF_NAV, visibleNav } from './nav.tsx';
import { LogoutButton } from './UserActions.tsx';

/** Staff: a header, a side menu (a drawer on narrow screens) and the page. */
export function DesktopLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = visibleNav(STAFF_NAV, me);
  const selected = activePath(items, pathname);

  const menu = (
    <nav aria-label={t('nav.main')}>
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(`nav.${item.label}`) }))}
        onClick={({ key }) => {
          setDrawerOpen(false);
          void navigate(key);
        }}
      />
    </nav>
  );

  return (
    <Layout className="desktop-layout">
      <Layout.Header className="app-header">
        {wide ? null : (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <span className="app-brand">{t('app.name')}</span>
        <span className="header-spacer" />
        <span className="header-user">{me?.displayName}</span>
        <LogoutButton />
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={220} className="app-sider">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.name')}
            size={260}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content className="app-content" id="main">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
