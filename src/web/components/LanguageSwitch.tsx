import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../app/preferences.tsx';
import { LANGUAGES } from '../i18n/index.ts';

/** 中文 / English. Saved to the account when signed in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = usePreferences();
  return (
    <Radio.Group
      role="radiogroup"
      aria-label={t('lang.label')}
      optionType="button"
      value={language}
      onChange={(e) => void setLanguage(e.target.value)}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`lang.${lng}`) }))}
    />
  );
}
