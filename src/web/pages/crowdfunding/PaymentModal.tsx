import { Button, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { parseYuan, yuanText } from '../../../shared/money.ts';
import { fieldErrorsOf, renamedFieldOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { positiveYuan } from '../../components/yuanRule.ts';
import {
  type DonorShown,
  type Drive,
  type DriveHousehold,
  type PaymentMethod,
  usePay,
} from './crowdfundingApi.ts';
import { ShownField } from './DriveParts.tsx';

interface Values {
  method: PaymentMethod;
  amount: string;
  payerName: string;
  shown: DonorShown;
}
const FIELDS = ['method', 'amount', 'payerName', 'shown'] as const;
const fieldOf = renamedFieldOf(FIELDS, { amountFen: 'amount' });

/**
 * 收款 from one household: cash (collectors, handed in later) or at the desk / by transfer (fund staff,
 * posted at once). Once taken it shows the receipt number to write on the paper receipt, and its page.
 */
export function PaymentModal(props: { drive: Drive; household: DriveHousehold; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const pay = usePay(props.drive.id);
  const { collect, post } = props.drive.abilities;
  const methods: PaymentMethod[] = [
    ...(collect ? (['cash'] as const) : []),
    ...(post ? (['desk', 'transfer'] as const) : []),
  ];
  const paid = pay.data;
  const title = t('crowdfunding.payment.title', { label: props.household.label });
  return (
    <Modal
      open
      title={title}
      onCancel={props.onClose}
      footer={
        paid ? (
          <Button onClick={props.onClose}>{t('common.close')}</Button>
        ) : (
          <>
            <Button onClick={props.onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={pay.isPending} onClick={() => form.submit()}>
              {t('crowdfunding.payment.submit')}
            </Button>
          </>
        )
      }
    >
      {paid ? (
        <div className="receipt" role="status">
          <p className="receipt-title">{t('crowdfunding.payment.receiptNo')}</p>
          <p className="receipt-code">{paid.receiptNo}</p>
          <p className="receipt-note">
            {t('crowdfunding.payment.taken', {
              amount: yuanText(paid.amountFen),
              method: t(`crowdfunding.method.${paid.method}`),
            })}
          </p>
          <p className="receipt-note">
            {paid.method === 'cash'
              ? t('crowdfunding.payment.cashNote')
              : t('crowdfunding.payment.postedNote')}
          </p>
          <Link to={`/crowdfunding/receipts/${paid.id}`}>{t('crowdfunding.payment.openReceipt')}</Link>
        </div>
      ) : (
        <Form<Values>
          form={form}
          name="crowdfunding-payment"
          layout="vertical"
          initialValues={{
            method: methods[0],
            amount: yuanText(props.household.pledgeFen ?? props.drive.suggestedFen).replace(/,/g, ''),
            payerName: props.household.pledgeName ?? '',
            shown: props.household.shown ?? 'masked',
          }}
          onFinish={(v) =>
            pay.mutate(
              {
                householdId: props.household.id,
                amountFen: parseYuan(v.amount) ?? 0,
                method: v.method,
                payerName: v.payerName.trim(),
                shown: v.shown,
              },
              { onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)) },
            )
          }
        >
          {methods.length > 1 ? (
            <Form.Item name="method" label={t('crowdfunding.payment.method')}>
              <Radio.Group className="shown-options">
                {methods.map((m) => (
                  <Radio key={m} value={m}>
                    {t(`crowdfunding.method.${m}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          ) : (
            <Form.Item name="method" hidden>
              <Input />
            </Form.Item>
          )}
          <Form.Item
            name="amount"
            label={t('crowdfunding.payment.amount')}
            rules={[positiveYuan(t('crowdfunding.form.amountInvalid'))]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="payerName"
            label={t('crowdfunding.payment.payerName')}
            rules={[{ required: true, whitespace: true, message: t('crowdfunding.payment.payerRequired') }]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <ShownField />
        </Form>
      )}
      <ProblemAlert error={pay.error} />
    </Modal>
  );
}
