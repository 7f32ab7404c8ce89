import { App, Card, Descriptions, Switch } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../app/preferences.tsx';
import { isStaff, useMe } from '../../app/session.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LogoutButton } from '../../layouts/UserActions.tsx';
import { PasswordForm } from './PasswordForm.tsx';

export default function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const { largeMode, setLargeMode } = usePreferences();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const largeId = useId();
  const hintId = useId();

  if (!me) return null;
  return (
    <>
      <PageTitle>{isStaff(me) ? t('nav.settings') : t('nav.me')}</PageTitle>
      <div className="stack">
        <Card title={<h2 className="section-title">{t('settings.profile')}</h2>}>
          <Descriptions
            column={1}
            items={[
              { key: 'name', label: t('settings.name'), children: me.displayName },
              { key: 'phone', label: t('settings.phone'), children: me.phone },
            ]}
          />
        </Card>
        <Card title={<h2 className="section-title">{t('settings.display')}</h2>}>
          <div className="setting-row">
            <div>
              <label id={largeId} htmlFor={`${largeId}-switch`} className="setting-label">
                {t('settings.largeMode')}
              </label>
              <p id={hintId} className="setting-hint">
                {t('settings.largeModeHint')}
              </p>
            </div>
            <Switch
              id={`${largeId}-switch`}
              aria-labelledby={largeId}
              aria-describedby={hintId}
              checked={largeMode}
              loading={saving}
              onChange={(on) => {
                setSaving(true);
                setError(null);
                setLargeMode(on)
                  .then(() => void message.success(t('common.saved')))
                  .catch(setError)
                  .finally(() => setSaving(false));
              }}
            />
          </div>
          <div className="setting-row">
            <span className="setting-label">{t('settings.language')}</span>
            <LanguageSwitch />
          </div>
          <ProblemAlert error={error} />
        </Card>
        <Card title={<h2 className="section-title">{t('settings.changePassword')}</h2>}>
          <PasswordForm />
        </Card>
        <Card title={<h2 className="section-title">{t('settings.account')}</h2>}>
          <LogoutButton block />
        </Card>
      </div>
    </>
  );
}
