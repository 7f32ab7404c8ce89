import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';

export default function DutyDeskPage() {
  const { t } = useTranslation();
  return <PageTitle>{t('duty.title')}</PageTitle>;
}
