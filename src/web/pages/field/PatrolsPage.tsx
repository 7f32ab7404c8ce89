import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';

export default function PatrolsPage() {
  const { t } = useTranslation();
  return <PageTitle>{t('field.title')}</PageTitle>;
}
