import { Form, Radio, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG } from '../../components/tagColors.ts';
import { DONOR_SHOWN, type DriveSummary } from './crowdfundingApi.ts';

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

/** The form field `shown`: how the donor is to be shown on the public list. */
export function ShownField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="shown" label={t('crowdfunding.pledge.shownLabel')}>
      <Radio.Group className="shown-options">
        {DONOR_SHOWN.map((s) => (
          <Radio key={s} value={s}>
            {t(`crowdfunding.shown.${s}`)}
          </Radio>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}
