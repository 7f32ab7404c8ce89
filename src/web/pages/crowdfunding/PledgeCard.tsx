import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseYuan, yuanText } from '../../../shared/money.ts';
import { fieldErrorsOf, renamedFieldOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { positiveYuan } from '../../components/yuanRule.ts';
import { type DonorShown, type Drive, type MyHousehold, usePledge } from './crowdfundingApi.ts';
import { ShownField } from './DriveParts.tsx';

/** 我家认捐: for each of the resident's households the drive asks: what was pledged and paid, and the pledge form. */
export function PledgeCard({ drive }: { drive: Drive }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="section-title">{t('crowdfunding.pledge.title')}</h2>}>
      <div className="stack">
        {drive.myHouseholds.map((h) => (
          <HouseholdPledge key={h.householdId} drive={drive} household={h} />
        ))}
      </div>
    </Card>
  );
}

interface Values {
  amount: string;
  shown: DonorShown;
}
const fieldOf = renamedFieldOf(['amount', 'shown'], { amountFen: 'amount' });

function HouseholdPledge({ drive, household }: { drive: Drive; household: MyHousehold }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const pledge = usePledge(drive.id);
  const yuan = (fen: number) => t('crowdfunding.yuan', { amount: yuanText(fen) });
  const headingId = `pledge-${household.householdId}`;
  return (
    <section className="pledge-household" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {household.label}
      </h3>
      <p role="status">
        {household.pledgeFen === null
          ? t('crowdfunding.pledge.none')
          : t('crowdfunding.pledge.pledged', {
              amount: yuan(household.pledgeFen),
              shown: t(`crowdfunding.shown.${household.shown ?? 'masked'}`),
            })}
        {household.paidFen > 0
          ? ` ${t('crowdfunding.pledge.paid', { amount: yuan(household.paidFen) })}`
          : ''}
      </p>
      {drive.abilities.pledge ? (
        <Form<Values>
          form={form}
          name={`pledge-${household.householdId}`}
          layout="vertical"
          initialValues={{
            amount: yuanText(household.pledgeFen ?? drive.suggestedFen).replace(/,/g, ''),
            shown: household.shown ?? 'masked',
          }}
          onFinish={(v) =>
            pledge.mutate(
              { householdId: household.householdId, amountFen: parseYuan(v.amount) ?? 0, shown: v.shown },
              {
                onSuccess: () => void message.success(t('crowdfunding.pledge.saved')),
                onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)),
              },
            )
          }
        >
          <Form.Item
            name="amount"
            label={t('crowdfunding.pledge.amount')}
            extra={t('crowdfunding.pledge.suggested', { amount: yuan(drive.suggestedFen) })}
            rules={[positiveYuan(t('crowdfunding.form.amountInvalid'))]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <ShownField />
          <Button type="primary" htmlType="submit" loading={pledge.isPending} block>
            {household.pledgeFen === null ? t('crowdfunding.pledge.submit') : t('crowdfunding.pledge.change')}
          </Button>
          <ProblemAlert error={pledge.error} />
        </Form>
      ) : null}
    </section>
  );
}
