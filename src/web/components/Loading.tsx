import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spin />
      <span className="sr-only">{t('common.loading')}</span>
    </div>
  );
}
