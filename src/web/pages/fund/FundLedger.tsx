import { App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../shared/money.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { type Posting, useFund, usePostings, useReverse } from './fundApi.ts';

/** 账本明细: every posting newest first with its entries; a posting not yet reversed can be (never edited). */
export function FundLedger({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const pages = usePostings(stationId);
  const canPost = useFund(stationId).data?.abilities.post ?? false;
  const [reversing, setReversing] = useState<Posting | null>(null);
  const signed = (fen: number) => `${fen > 0 ? '+' : ''}${yuanText(fen)}`;
  return (
    <Card title={<h2 className="section-title">{t('fund.ledger.heading')}</h2>}>
      <ProblemAlert error={pages.error} />
      <ScrollRegion label={t('fund.ledger.heading')}>
        <Table<Posting>
          rowKey="id"
          size="small"
          loading={pages.isPending}
          pagination={false}
          dataSource={rowsOf(pages)}
          locale={{ emptyText: t('fund.ledger.empty') }}
          columns={[
            { title: '#', dataIndex: 'id' },
            { title: t('fund.ledger.date'), dataIndex: 'occurredOn' },
            {
              title: t('fund.ledger.kind'),
              key: 'kind',
              render: (_, p) => (
                <>
                  <Tag>{t(`fund.postingKinds.${p.kind}`)}</Tag>
                  {p.source ? <span className="hint">{t(`fund.sources.${p.source}`)}</span> : null}
                </>
              ),
            },
            {
              title: t('fund.ledger.memo'),
              key: 'memo',
              render: (_, p) => (
                <>
                  <div>{p.memo}</div>
                  {p.counterparty ? <div className="hint">{p.counterparty}</div> : null}
                  {p.reversesId ? (
                    <div className="hint">{t('fund.ledger.reverses', { id: p.reversesId })}</div>
                  ) : null}
                </>
              ),
            },
            {
              title: t('fund.ledger.entries'),
              key: 'entries',
              render: (_, p) => (
                <ul className="fund-entries">
                  {p.entries.map((e) => (
                    <li key={e.seq}>
                      {e.account} <span className="fund-amount">{signed(e.amountFen)}</span>
                    </li>
                  ))}
                </ul>
              ),
            },
            { title: t('fund.ledger.by'), dataIndex: 'createdBy' },
            {
              title: '',
              key: 'actions',
              render: (_, p) =>
                p.reversedBy ? (
                  <Tag>{t('fund.ledger.reversedBy', { id: p.reversedBy })}</Tag>
                ) : canPost && p.kind !== 'reversal' ? (
                  <Button size="small" onClick={() => setReversing(p)}>
                    {t('fund.actions.reverse')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </ScrollRegion>
      <LoadMore pages={pages} />
      {reversing ? (
        <ReverseModal stationId={stationId} posting={reversing} onClose={() => setReversing(null)} />
      ) : null}
    </Card>
  );
}

function ReverseModal(props: { stationId: number; posting: Posting; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ memo: string }>();
  const reverse = useReverse(props.stationId);
  return (
    <Modal
      open
      title={t('fund.ledger.reverseTitle', { id: props.posting.id })}
      okText={t('fund.actions.reverse')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={reverse.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <p>{t('fund.ledger.reverseHint')}</p>
      <Form
        form={form}
        name="fund-reverse"
        layout="vertical"
        onFinish={(v) =>
          reverse.mutate(
            { postingId: props.posting.id, memo: v.memo.trim() },
            {
              onSuccess: () => {
                void message.success(t('fund.ledger.reversed'));
                props.onClose();
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, ['memo'] as const)),
            },
          )
        }
      >
        <Form.Item
          name="memo"
          label={t('fund.ledger.reverseMemo')}
          rules={[{ required: true, whitespace: true, message: t('fund.ledger.reverseMemoRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      <ProblemAlert error={reverse.error} />
    </Modal>
  );
}
