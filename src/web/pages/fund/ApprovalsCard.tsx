import { Card, List, Space, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Approval, useApprovals } from './fundApi.ts';

const STATUS_COLOR: Record<Approval['status'], string> = {
  pending: TAG.warn,
  approved: TAG.good,
  rejected: TAG.bad,
  withdrawn: TAG.plain,
};

/** 用款审批: the station's requests with their levels decided so far; decided on the project's page. */
export function ApprovalsCard({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const approvals = useApprovals(stationId);
  return (
    <Card title={<h2 className="section-title">{t('fund.approvals.heading')}</h2>}>
      <ProblemAlert error={approvals.error} />
      <List<Approval>
        loading={approvals.isPending}
        dataSource={approvals.data?.items ?? []}
        locale={{ emptyText: t('fund.approvals.empty') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Link key="open" to={`/projects/${a.projectId}`}>
                {t('fund.approvals.open')}
              </Link>,
            ]}
          >
            <Space orientation="vertical" size={4} className="full-width">
              <Space wrap size={4}>
                <Tag color={STATUS_COLOR[a.status]}>{t(`fund.approvals.statuses.${a.status}`)}</Tag>
                <strong>{t(`fund.approvals.subjects.${a.subject}`)}</strong>
                <span className="fund-amount">{t('fund.yuan', { amount: yuanText(a.amountFen) })}</span>
                <span className="hint">{t('fund.approvals.project', { id: a.projectId })}</span>
              </Space>
              <span>{a.reason}</span>
              <Steps
                size="small"
                current={a.decisions.length}
                status={a.status === 'rejected' ? 'error' : a.status === 'approved' ? 'finish' : 'process'}
                items={a.levels.map((level) => ({ title: t(`fund.approvals.levels.${level}`) }))}
              />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
