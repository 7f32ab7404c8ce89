import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG } from '../../components/tagColors.ts';
import type { Status } from './requestsApi.ts';

const COLORS: Record<Status, string> = {
  submitted: TAG.warn,
  accepted: TAG.info,
  assigned: TAG.info,
  inProgress: TAG.busy,
  resolved: TAG.good,
  closed: TAG.plain,
  rejected: TAG.bad,
  duplicate: TAG.plain,
  withdrawn: TAG.plain,
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`requests.status.${status}`)}</Tag>;
}
