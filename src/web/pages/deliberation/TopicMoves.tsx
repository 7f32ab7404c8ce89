import { App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TopicMove, topicMove } from '../../../modules/deliberation/topic-lifecycle.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TOPIC_OUTCOMES, type TopicDetail, type TopicOutcome, useMoveTopic } from './deliberationApi.ts';

/** The moves in the order a topic usually takes them; the lifecycle says which apply now. */
const MOVES: TopicMove[] = ['toAgenda', 'deliberate', 'decide', 'decline'];

interface Values {
  reason: string;
  outcome: TopicOutcome;
  outcomeId: number | null;
  outcomeNote: string;
}
const FIELDS = ['reason', 'outcome', 'outcomeId', 'outcomeNote'] as const;

/** 列入议程 / 开始协商 / 议定 (with what came of it) / 不予采纳 (with why), for deliberation.manage. */
export function TopicMoves({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveTopic(topic.id);
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<TopicMove | null>(null);
  const available = MOVES.filter((m) => topicMove(topic.status, m) !== null);
  if (available.length === 0) return null;
  const open = (m: TopicMove) => {
    move.reset();
    form.resetFields();
    setChosen(m);
  };
  const submit = (v: Values) => {
    if (!chosen) return;
    move.mutate(
      {
        move: chosen,
        ...(chosen === 'decline' ? { reason: (v.reason ?? '').trim() || undefined } : {}),
        ...(chosen === 'decide'
          ? {
              outcome: v.outcome,
              ...(v.outcomeId ? { outcomeId: v.outcomeId } : {}),
              ...((v.outcomeNote ?? '').trim() ? { outcomeNote: v.outcomeNote.trim() } : {}),
            }
          : {}),
      },
      {
        onSuccess: () => {
          setChosen(null);
          void message.success(t('deliberation.topic.moved'));
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
      },
    );
  };
  return (
    <Card title={<h2 className="section-title">{t('deliberation.topic.manage')}</h2>}>
      <Space wrap>
        {available.map((m) => (
          <Button
            key={m}
            type={m === 'decline' ? 'default' : 'primary'}
            danger={m === 'decline'}
            onClick={() => open(m)}
          >
            {t(`deliberation.move.${m}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={chosen !== null}
        forceRender
        title={chosen ? t(`deliberation.move.${chosen}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: chosen === 'decline' }}
        confirmLoading={move.isPending}
        onCancel={() => setChosen(null)}
        onOk={() => form.submit()}
      >
        <Form<Values>
          form={form}
          name="move-topic"
          layout="vertical"
          initialValues={{ reason: '', outcome: 'project', outcomeId: null, outcomeNote: '' }}
          onFinish={submit}
        >
          {chosen === 'toAgenda' || chosen === 'deliberate' ? (
            <p>{t(`deliberation.topic.confirm.${chosen}`, { title: topic.title })}</p>
          ) : null}
          {chosen === 'decline' ? (
            <Form.Item
              name="reason"
              label={t('deliberation.topic.reason')}
              rules={[{ required: true, whitespace: true, message: t('deliberation.topic.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          ) : null}
          {chosen === 'decide' ? (
            <>
              <Form.Item name="outcome" label={t('deliberation.topic.outcome')} required>
                <Radio.Group
                  role="radiogroup"
                  aria-label={t('deliberation.topic.outcome')}
                  options={TOPIC_OUTCOMES.map((o) => ({ value: o, label: t(`deliberation.outcome.${o}`) }))}
                />
              </Form.Item>
              <Form.Item name="outcomeNote" label={t('deliberation.topic.outcomeNote')}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item
                name="outcomeId"
                label={t('deliberation.topic.outcomeId')}
                extra={t('deliberation.topic.outcomeIdHint')}
              >
                <InputNumber min={1} />
              </Form.Item>
            </>
          ) : null}
        </Form>
        {move.error ? <ProblemAlert error={move.error} /> : null}
      </Modal>
    </Card>
  );
}
