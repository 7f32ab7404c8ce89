import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';

export default function StationsPage() {
  const { t } = useTranslation();
  return <PageTitle>{t('council.title')}</PageTitle>;
}
