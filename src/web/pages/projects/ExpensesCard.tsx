import { FilePdfOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { parseYuan, yuanText } from '../../../shared/money.ts';
import { fieldErrorsOf, renamedFieldOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import { positiveYuan } from '../../components/yuanRule.ts';
import { Yuan } from './labels.tsx';
import { FileUpload } from './Photos.tsx';
import { type Project, receiptUrl, uploadFile, usePost } from './projectsApi.ts';

type Expense = Project['expenses'][number];
type Receipt = Expense['receipts'][number];

/** The receipts of an expense, each a link to its file. */
export function Receipts({ receipts }: { receipts: Receipt[] }) {
  return (
    <Space wrap size={4}>
      {receipts.map((r) => (
        <a key={r.id} href={receiptUrl(r.id)} target="_blank" rel="noreferrer">
          {r.mime === 'application/pdf' ? <FilePdfOutlined aria-hidden /> : <PictureOutlined aria-hidden />}{' '}
          {r.name}
        </a>
      ))}
    </Space>
  );
}

/** 支出与票据: the project's expenses by line with their receipts; recording one; asking to go over a line. */
export function ExpensesCard({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'expense' | 'over' | null>(null);
  const lineName = (id: number) => p.lines.find((l) => l.id === id)?.name ?? '';
  const title = t('projects.expenses.title');
  return (
    <Card
      title={<h2 className="section-title">{title}</h2>}
      extra={
        <Space wrap>
          {p.abilities.expense ? (
            <Button type="primary" onClick={() => setOpen('expense')}>
              {t('projects.expenses.add')}
            </Button>
          ) : null}
          {p.abilities.overBudget ? (
            <Button onClick={() => setOpen('over')}>{t('projects.expenses.overBudget')}</Button>
          ) : null}
        </Space>
      }
    >
      <ScrollRegion label={title}>
        <Table<Expense>
          rowKey="postingId"
          size="small"
          pagination={false}
          dataSource={p.expenses}
          locale={{ emptyText: t('projects.expenses.empty') }}
          columns={[
            { title: t('projects.expenses.day'), dataIndex: 'occurredOn' },
            { title: t('projects.expenses.line'), key: 'line', render: (_, e) => lineName(e.budgetLineId) },
            { title: t('projects.expenses.counterparty'), dataIndex: 'counterparty' },
            {
              title: t('projects.expenses.memo'),
              key: 'memo',
              render: (_, e) => (
                <>
                  {e.memo}
                  {e.reversedBy ? <Tag color={TAG.warn}>{t('projects.expenses.reversed')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('projects.expenses.amount'),
              key: 'amount',
              align: 'right',
              render: (_, e) => <Yuan fen={e.amountFen} />,
            },
            {
              title: t('projects.expenses.receipts'),
              key: 'receipts',
              render: (_, e) => <Receipts receipts={e.receipts} />,
            },
          ]}
        />
      </ScrollRegion>
      {open === 'expense' ? <ExpenseModal project={p} onClose={() => setOpen(null)} /> : null}
      {open === 'over' ? <OverBudgetModal project={p} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

interface ExpenseValues {
  budgetLineId?: number;
  amount: string;
  counterparty?: string;
  memo: string;
  occurredOn: string;
}
const EXPENSE_FIELDS = ['budgetLineId', 'amount', 'counterparty', 'memo', 'occurredOn'] as const;
const fieldOf = renamedFieldOf(EXPENSE_FIELDS, { amountFen: 'amount' });

/** The budget line (with what it has left) and an amount in yuan, as both modals ask them. */
function LineAndAmount({ project: p, amountLabel }: { project: Project; amountLabel: string }) {
  const { t } = useTranslation();
  const options = p.lines.map((l) => ({
    value: l.id,
    label: t('projects.expenses.lineLeft', { name: l.name, left: yuanText(l.leftFen) }),
  }));
  return (
    <>
      <Form.Item name="budgetLineId" label={t('projects.expenses.line')} rules={[{ required: true }]}>
        <Select options={options} />
      </Form.Item>
      <Form.Item name="amount" label={amountLabel} rules={[positiveYuan(t('projects.form.amountInvalid'))]}>
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
    </>
  );
}

function ExpenseModal({ project: p, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpenseValues>();
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const post = usePost<Record<string, unknown>>(`/fund-projects/${p.id}/expenses`);
  const submit = (v: ExpenseValues) =>
    post.mutate(
      {
        budgetLineId: v.budgetLineId,
        amountFen: parseYuan(v.amount),
        counterparty: v.counterparty ?? '',
        memo: v.memo,
        occurredOn: v.occurredOn,
        receiptIds: receipts.map((r) => r.id),
      },
      {
        onSuccess: () => {
          void message.success(t('projects.expenses.saved'));
          onClose();
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)),
      },
    );
  return (
    <Modal
      open
      title={t('projects.expenses.add')}
      okText={t('projects.expenses.save')}
      cancelText={t('common.cancel')}
      confirmLoading={post.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<ExpenseValues>
        form={form}
        name="project-expense"
        layout="vertical"
        initialValues={{ occurredOn: chinaDate(), budgetLineId: p.lines[0]?.id }}
        onFinish={submit}
      >
        <LineAndAmount project={p} amountLabel={t('projects.expenses.amountYuan')} />
        <Form.Item name="counterparty" label={t('projects.expenses.counterparty')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="memo"
          label={t('projects.expenses.memo')}
          rules={[{ required: true, whitespace: true, message: t('projects.expenses.memoRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('projects.expenses.day')} rules={[{ required: true }]}>
          <Input type="date" max={chinaDate()} />
        </Form.Item>
      </Form>
      <FileUpload
        label={t('projects.expenses.receiptUpload')}
        accept="image/jpeg,image/png,image/webp,application/pdf"
        upload={async (file) => {
          const r = await uploadFile<Receipt>(`/fund-projects/${p.id}/receipts`, file);
          setReceipts((all) => [...all, r]);
        }}
      />
      {receipts.length > 0 ? (
        <ul className="plain-list" aria-label={t('projects.expenses.receipts')}>
          {receipts.map((r) => (
            <li key={r.id}>{t('projects.expenses.uploaded', { name: r.name })}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('projects.expenses.receiptHint')}</p>
      )}
      <ProblemAlert error={post.error} />
    </Modal>
  );
}

function OverBudgetModal({ project: p, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ budgetLineId?: number; amount: string; reason: string }>();
  const ask = usePost<Record<string, unknown>>(`/fund-projects/${p.id}/over-budget`);
  return (
    <Modal
      open
      title={t('projects.expenses.overBudget')}
      okText={t('projects.expenses.ask')}
      cancelText={t('common.cancel')}
      confirmLoading={ask.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <p className="hint">{t('projects.expenses.overBudgetHint')}</p>
      <Form
        form={form}
        name="project-over-budget"
        layout="vertical"
        initialValues={{ budgetLineId: p.lines[0]?.id }}
        onFinish={(v) =>
          ask.mutate(
            { budgetLineId: v.budgetLineId, amountFen: parseYuan(v.amount), reason: v.reason },
            {
              onSuccess: () => {
                void message.success(t('projects.expenses.asked'));
                onClose();
              },
            },
          )
        }
      >
        <LineAndAmount project={p} amountLabel={t('projects.expenses.extraYuan')} />
        <Form.Item
          name="reason"
          label={t('projects.expenses.reason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      <ProblemAlert error={ask.error} />
    </Modal>
  );
}
