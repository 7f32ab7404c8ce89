import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCOME_SOURCES, type IncomeSource } from '../../../modules/fund/fund-kinds.ts';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { parseYuan } from '../../../shared/money.ts';
import { fieldErrorsOf, renamedFieldOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { positiveYuan } from '../../components/yuanRule.ts';
import { type FundAccount, type PostingKind, useOpenAccount, usePost } from './fundApi.ts';

interface Values {
  source?: IncomeSource;
  accountId?: number;
  fromAccountId?: number;
  toAccountId?: number;
  amount: string;
  counterparty?: string;
  memo: string;
  occurredOn: string;
}
const FIELDS = [
  'source',
  'accountId',
  'fromAccountId',
  'toAccountId',
  'amount',
  'counterparty',
  'memo',
  'occurredOn',
] as const;
/** The server names the amount amountFen; the form asks for yuan. */
const fieldOf = renamedFieldOf(FIELDS, { amountFen: 'amount' });

const TITLES = { income: 'incomeTitle', expense: 'expenseTitle', transfer: 'transferTitle' } as const;

/** 记录收入 / 记录支出 / 账户间转账: amounts typed in yuan, sent as integer fen. */
export function PostingModal(props: {
  stationId: number;
  kind: PostingKind;
  accounts: FundAccount[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const post = usePost(props.stationId, props.kind);
  const general = props.accounts.find((a) => a.kind === 'general');
  const accountOptions = props.accounts.map((a) => ({ value: a.id, label: a.name }));
  const accountRule = [{ required: true, message: t('fund.form.accountRequired') }];
  const submit = (v: Values) => {
    const { amount, ...rest } = v;
    post.mutate(
      { ...rest, amountFen: parseYuan(amount) },
      {
        onSuccess: () => {
          void message.success(t('fund.form.posted'));
          props.onClose();
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)),
      },
    );
  };
  return (
    <Modal
      open
      title={t(`fund.form.${TITLES[props.kind]}`)}
      okText={t('fund.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={post.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Form<Values>
        form={form}
        name={`fund-${props.kind}`}
        layout="vertical"
        initialValues={{
          occurredOn: chinaDate(),
          ...(props.kind === 'income' ? { accountId: general?.id } : {}),
        }}
        onFinish={submit}
      >
        {props.kind === 'income' ? (
          <>
            <Form.Item
              name="source"
              label={t('fund.form.source')}
              rules={[{ required: true, message: t('fund.form.sourceRequired') }]}
            >
              <Select options={INCOME_SOURCES.map((s) => ({ value: s, label: t(`fund.sources.${s}`) }))} />
            </Form.Item>
            <Form.Item name="accountId" label={t('fund.form.into')} rules={accountRule}>
              <Select options={accountOptions} />
            </Form.Item>
          </>
        ) : null}
        {props.kind === 'expense' ? (
          <Form.Item name="accountId" label={t('fund.form.from')} rules={accountRule}>
            <Select options={accountOptions} />
          </Form.Item>
        ) : null}
        {props.kind === 'transfer' ? (
          <>
            <Form.Item name="fromAccountId" label={t('fund.form.transferFrom')} rules={accountRule}>
              <Select options={accountOptions} />
            </Form.Item>
            <Form.Item name="toAccountId" label={t('fund.form.transferTo')} rules={accountRule}>
              <Select options={accountOptions} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="amount"
          label={t('fund.form.amount')}
          extra={t('fund.form.amountHint')}
          rules={[positiveYuan(t('fund.form.amountInvalid'))]}
        >
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
        {props.kind === 'transfer' ? null : (
          <Form.Item name="counterparty" label={t('fund.form.counterparty')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          name="memo"
          label={t('fund.form.memo')}
          rules={[{ required: true, whitespace: true, message: t('fund.form.memoRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('fund.form.occurredOn')} rules={[{ required: true }]}>
          <Input type="date" max={chinaDate()} />
        </Form.Item>
      </Form>
      <ProblemAlert error={post.error} />
    </Modal>
  );
}

/** 开设专项账户: an earmarked account, e.g. for one crowdfunding drive. */
export function OpenAccountModal(props: { stationId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; purpose: string }>();
  const open = useOpenAccount(props.stationId);
  return (
    <Modal
      open
      title={t('fund.form.openTitle')}
      okText={t('fund.form.create')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        name="fund-open-account"
        layout="vertical"
        onFinish={(v) =>
          open.mutate(
            { name: v.name.trim(), purpose: (v.purpose ?? '').trim() },
            {
              onSuccess: () => {
                void message.success(t('fund.form.opened'));
                props.onClose();
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, ['name', 'purpose'] as const)),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('fund.form.name')}
          rules={[{ required: true, whitespace: true, message: t('fund.form.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('fund.form.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="purpose" label={t('fund.form.purpose')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={open.error} />
    </Modal>
  );
}
