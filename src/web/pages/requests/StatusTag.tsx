import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Status } from './requestsApi.ts';

// Dark enough on white for WCAG AA with white text.
const COLORS: Record<Status, string> = {
  submitted: '#ad4e00',
  accepted: '#0958d9',
  assigned: '#0958d9',
  inProgress: '#531dab',
  resolved: '#237804',
  closed: '#434343',
  rejected: '#a8071a',
  duplicate: '#434343',
  withdrawn: '#434343',
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`requests.status.${status}`)}</Tag>;
}
