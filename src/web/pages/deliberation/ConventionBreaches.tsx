import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { MoveBreachModal } from './ConventionBreachMove.tsx';
import { BreachStatusTag } from './ConventionLabels.tsx';
import { type Breach, type Convention, useRecordBreach } from './conventionsApi.ts';

type Move = { breach: Breach; to: 'refer' | 'resolve' };

/**
 * 违约记录, the station staff's own record: each breach with its day, place, what happened, where it was
 * referred; 记录违约 for staff, 移交执法 and 处理完毕 for those who manage deliberation.
 */
export function ConventionBreaches({
  convention: c,
  breaches,
}: {
  convention: Convention;
  breaches: Breach[];
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [moving, setMoving] = useState<Move | null>(null);
  const inForce = c.versions.some((v) => v.status === 'published');
  const manage = c.abilities.manage;
  return (
    <Card title={<h2 className="section-title">{t('conventions.breaches.heading')}</h2>}>
      <div className="stack">
        <p className="hint">{t('conventions.breaches.hint')}</p>
        {inForce ? (
          <div>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRecording(true)}>
              {t('conventions.breaches.record')}
            </Button>
          </div>
        ) : null}
        {breaches.length === 0 ? (
          <p className="hint">{t('conventions.breaches.empty')}</p>
        ) : (
          <ul className="plain-list breach-list">
            {breaches.map((b) => {
              const what = { date: b.occurredOn, place: b.place };
              return (
                <li key={b.id} className="breach-item">
                  <div className="topic-row-meta">
                    <BreachStatusTag status={b.status} />
                    <strong className="breach-place">
                      {b.occurredOn} · {b.place}
                    </strong>
                    <span className="hint">{t('conventions.breaches.ofVersion', { n: b.version })}</span>
                  </div>
                  <p className="breach-description">{b.description}</p>
                  {b.referredTo ? (
                    <div>{t('conventions.breaches.referredTo', { department: b.referredTo })}</div>
                  ) : null}
                  {b.note ? (
                    <div className="hint">{t('conventions.breaches.note', { note: b.note })}</div>
                  ) : null}
                  {b.resolutionNote ? (
                    <div className="hint">
                      {t('conventions.breaches.resolutionNote', { note: b.resolutionNote })}
                    </div>
                  ) : null}
                  {manage && b.status !== 'resolved' ? (
                    <Space wrap className="breach-moves">
                      {b.status === 'recorded' ? (
                        <Button
                          size="small"
                          aria-label={t('conventions.breaches.referFor', what)}
                          onClick={() => setMoving({ breach: b, to: 'refer' })}
                        >
                          {t('conventions.breaches.refer')}
                        </Button>
                      ) : null}
                      <Button
                        size="small"
                        aria-label={t('conventions.breaches.resolveFor', what)}
                        onClick={() => setMoving({ breach: b, to: 'resolve' })}
                      >
                        {t('conventions.breaches.resolve')}
                      </Button>
                    </Space>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {recording ? <RecordBreachModal conventionId={c.id} onClose={() => setRecording(false)} /> : null}
      {moving ? (
        <MoveBreachModal breach={moving.breach} to={moving.to} onClose={() => setMoving(null)} />
      ) : null}
    </Card>
  );
}

interface RecordValues {
  occurredOn: string;
  place: string;
  description: string;
}
const FIELDS = ['occurredOn', 'place', 'description'] as const;

/** 记录违约: the day (today or before, China time), the place and what happened. */
function RecordBreachModal({ conventionId, onClose }: { conventionId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordBreach(conventionId);
  const today = chinaDate();
  const submit = (v: RecordValues) =>
    record.mutate(
      { occurredOn: v.occurredOn, place: v.place.trim(), description: v.description.trim() },
      {
        onSuccess: () => {
          void message.success(t('conventions.breaches.recorded'));
          onClose();
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
      },
    );
  return (
    <Modal
      open
      title={t('conventions.breaches.record')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<RecordValues>
        form={form}
        name="record-breach"
        layout="vertical"
        initialValues={{ occurredOn: today, place: '', description: '' }}
        onFinish={submit}
      >
        <Form.Item
          name="occurredOn"
          label={t('conventions.breaches.occurredOn')}
          rules={[{ required: true, message: t('conventions.breaches.occurredOnRequired') }]}
        >
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('conventions.breaches.place')}
          rules={[{ required: true, whitespace: true, message: t('conventions.breaches.placeRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('conventions.breaches.description')}
          rules={[
            { required: true, whitespace: true, message: t('conventions.breaches.descriptionRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
      {record.error ? <ProblemAlert error={record.error} /> : null}
    </Modal>
  );
}
