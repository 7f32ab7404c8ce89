import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG } from '../../components/tagColors.ts';
import type { DriveSummary } from './crowdfundingApi.ts';

const STATUS_COLOR = { open: TAG.good, closed: TAG.plain, cancelled: TAG.bad } as const;

export function DriveStatusTag({ status }: { status: DriveSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`crowdfunding.status.${status}`)}</Tag>;
}

/** How far the paid amount is towards a goal, in whole percent (integers only; capped at 100 for the bar). */
export function percentOf(paidFen: number, goalFen: number): number {
  if (goalFen <= 0) return 0;
  return Math.min(100, Math.floor((paidFen * 100) / goalFen));
}
