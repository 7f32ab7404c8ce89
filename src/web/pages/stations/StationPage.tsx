import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';

export default function StationPage() {
  const { t } = useTranslation();
  return <PageTitle>{t('council.title')}</PageTitle>;
}
