import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, List, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import {
  type RaiseTopicInput,
  TOPIC_SOURCES,
  TOPIC_STATUSES,
  type Topic,
  type TopicSource,
  useRaiseTopic,
  useSetThreshold,
  useSupportTopic,
  useTopics,
} from './deliberationApi.ts';
import { TopicStatusTag } from './labels.tsx';

/** A station's topics with their status and support; 附议, 提出议题, and for staff the support threshold. */
export function TopicList({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const topics = useTopics(stationId);
  const support = useSupportTopic();
  const [status, setStatus] = useState('');
  const [raising, setRaising] = useState(false);
  const data = topics.data;
  const shown = (data?.items ?? []).filter((x) => !status || x.status === status);
  return (
    <div className="stack">
      {topics.error ? <ProblemAlert error={topics.error} /> : null}
      <div className="topic-tools">
        <NativeSelect
          label={t('deliberation.topics.filter')}
          placeholder={t('deliberation.topics.all')}
          value={status}
          onChange={setStatus}
          options={TOPIC_STATUSES.map((s) => ({ value: s, label: t(`deliberation.topicStatus.${s}`) }))}
        />
        {data?.canRaise ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRaising(true)}>
            {t('deliberation.topics.raise')}
          </Button>
        ) : null}
      </div>
      {data ? (
        <p className="hint">{t('deliberation.topics.thresholdHint', { n: data.supportThreshold })}</p>
      ) : null}
      {support.error ? <ProblemAlert error={support.error} /> : null}
      <List<Topic>
        loading={topics.isPending}
        dataSource={shown}
        locale={{ emptyText: t('deliberation.topics.empty') }}
        renderItem={(topic) => (
          <List.Item key={topic.id}>
            <div className="topic-row">
              <Link to={`/topics/${topic.id}`} className="topic-row-title">
                {topic.title}
              </Link>
              <div className="topic-row-meta">
                <TopicStatusTag status={topic.status} />
                <span>
                  {topic.status === 'proposed'
                    ? t('deliberation.topics.supportOf', {
                        n: topic.supportCount,
                        of: data?.supportThreshold ?? 0,
                      })
                    : t('deliberation.topics.supporters', { n: topic.supportCount })}
                </span>
                {topic.supportedByMe ? (
                  <Tag color={TAG.good}>{t('deliberation.topics.supported')}</Tag>
                ) : topic.canSupport ? (
                  <Button
                    size="small"
                    loading={support.isPending && support.variables === topic.id}
                    aria-label={t('deliberation.topics.supportFor', { title: topic.title })}
                    onClick={() => support.mutate(topic.id)}
                  >
                    {t('deliberation.topics.support')}
                  </Button>
                ) : null}
              </div>
            </div>
          </List.Item>
        )}
      />
      {data?.canManage ? <ThresholdForm stationId={stationId} current={data.supportThreshold} /> : null}
      {raising && data ? (
        <RaiseTopicModal stationId={stationId} staff={data.canManage} onClose={() => setRaising(false)} />
      ) : null}
    </div>
  );
}

function ThresholdForm({ stationId, current }: { stationId: number; current: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetThreshold(stationId);
  const [value, setValue] = useState<number | null>(current);
  return (
    <section className="threshold-form" aria-labelledby="topic-threshold-heading">
      <h3 id="topic-threshold-heading" className="section-title">
        {t('deliberation.topics.threshold')}
      </h3>
      <Space wrap align="center">
        <label htmlFor="topic-threshold">{t('deliberation.topics.thresholdLabel')}</label>
        <InputNumber id="topic-threshold" min={1} max={10000} value={value} onChange={setValue} />
        <span>{t('deliberation.topics.thresholdUnit')}</span>
        <Button
          loading={save.isPending}
          disabled={value === null}
          onClick={() =>
            value !== null &&
            save.mutate(value, {
              onSuccess: () => void message.success(t('deliberation.topics.thresholdSaved')),
            })
          }
        >
          {t('common.save')}
        </Button>
      </Space>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </section>
  );
}

interface RaiseValues {
  title: string;
  body: string;
  source: TopicSource;
  /** Request numbers typed by staff: the topic grows from them. */
  requestIds: string[];
}
const RAISE_FIELDS = ['title', 'body', 'source', 'requestIds'] as const;
/** '#12' or '12' → 12. */
const requestNumber = (typed: string) => Number(typed.trim().replace(/^#/, ''));

function RaiseTopicModal(props: { stationId: number; staff: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RaiseValues>();
  const raise = useRaiseTopic(props.stationId);
  const submit = (v: RaiseValues) => {
    const input: RaiseTopicInput = {
      title: v.title.trim(),
      body: (v.body ?? '').trim(),
      ...(props.staff ? { source: v.source, requestIds: (v.requestIds ?? []).map(requestNumber) } : {}),
    };
    raise.mutate(input, {
      onSuccess: () => {
        void message.success(t('deliberation.topics.raised'));
        props.onClose();
      },
      onError: (err) => form.setFields(fieldErrorsOf(err, RAISE_FIELDS)),
    });
  };
  return (
    <Modal
      open
      title={t('deliberation.topics.raise')}
      okText={t('deliberation.topics.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={raise.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Form<RaiseValues>
        form={form}
        name="raise-topic"
        layout="vertical"
        initialValues={{ title: '', body: '', source: 'council', requestIds: [] }}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label={t('deliberation.topics.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('deliberation.topics.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('deliberation.topics.body')}>
          <Input.TextArea rows={4} maxLength={5000} placeholder={t('deliberation.topics.bodyPlaceholder')} />
        </Form.Item>
        {props.staff ? (
          <Form.Item name="source" label={t('deliberation.topics.source')}>
            <Select
              options={TOPIC_SOURCES.filter((s) => s !== 'requests').map((s) => ({
                value: s,
                label: t(`deliberation.topicSource.${s}`),
              }))}
            />
          </Form.Item>
        ) : null}
        {props.staff ? (
          <Form.Item
            name="requestIds"
            label={t('deliberation.topics.requestIds')}
            extra={t('deliberation.topics.requestIdsHint')}
            rules={[
              {
                validator: (_, typed: string[] = []) =>
                  typed.every((x) => Number.isSafeInteger(requestNumber(x)) && requestNumber(x) > 0)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('deliberation.topics.requestIdsBad'))),
              },
            ]}
          >
            <Select<string[]> mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        ) : null}
      </Form>
      {raise.error ? <ProblemAlert error={raise.error} /> : null}
    </Modal>
  );
}
