import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useMe } from '../app/session.ts';
import { RESIDENT_TABS, visibleNav } from './nav.tsx';

/** Residents: a phone-shaped column with a bottom tab bar (also centred on wide screens). */
export function PhoneLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const tabs = visibleNav(RESIDENT_TABS, me);
  return (
    <div className="phone-layout">
      <header className="phone-header">
        <span className="app-brand">{t('app.name')}</span>
      </header>
      <main className="phone-content" id="main">
        <Outlet />
      </main>
      <nav className="tab-bar" aria-label={t('nav.tabs')}>
        {tabs.map((tab) => (
          <NavLink key={tab.path} to={tab.path} end={tab.path === '/'} className="tab-bar-item">
            <span aria-hidden="true" className="tab-bar-icon">
              {tab.icon}
            </span>
            <span>{t(`nav.${tab.label}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
