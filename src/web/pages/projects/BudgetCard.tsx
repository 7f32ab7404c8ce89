import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { Yuan } from './labels.tsx';
import type { Project, ProjectLine } from './projectsApi.ts';

/** 预算与实际: each line's budget, the approved extra, what it spent and what is left; the totals under it. */
export function BudgetCard({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const title = t('projects.budget.title');
  return (
    <Card title={<h2 className="section-title">{title}</h2>}>
      <ScrollRegion label={title}>
        <Table<ProjectLine>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.lines}
          columns={[
            { title: t('projects.budget.line'), dataIndex: 'name' },
            { title: t('projects.budget.source'), dataIndex: 'sourceAccount' },
            {
              title: t('projects.budget.amount'),
              key: 'a',
              align: 'right',
              render: (_, l) => <Yuan fen={l.amountFen} />,
            },
            {
              title: t('projects.budget.extra'),
              key: 'e',
              align: 'right',
              render: (_, l) => <Yuan fen={l.extraFen} />,
            },
            {
              title: t('projects.budget.spent'),
              key: 's',
              align: 'right',
              render: (_, l) => <Yuan fen={l.spentFen} />,
            },
            {
              title: t('projects.budget.left'),
              key: 'l',
              align: 'right',
              render: (_, l) => <Yuan fen={l.leftFen} />,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('projects.budget.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Yuan fen={p.totals.budgetFen} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Yuan fen={p.totals.extraFen} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Yuan fen={p.totals.spentFen} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Yuan fen={p.totals.leftFen} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </ScrollRegion>
      {['disclosure', 'evaluation', 'closed'].includes(p.stage) ? (
        <p className="project-settled">
          {p.settlementPostingId
            ? t('projects.budget.returned', { id: p.settlementPostingId })
            : t('projects.budget.nothingLeft')}
          {p.settlementNote ? ` ${p.settlementNote}` : ''}
        </p>
      ) : null}
    </Card>
  );
}
