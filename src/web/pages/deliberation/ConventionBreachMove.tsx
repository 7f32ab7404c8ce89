import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type Breach, useMoveBreach } from './conventionsApi.ts';

const DEPARTMENTS = ['enforcement', 'chengguan', 'police'] as const;

interface Values {
  department: string;
  note: string;
}
const FIELDS = ['department', 'note'] as const;

/** 移交执法 (to a department: 综合执法, 城管, 派出所… or any other, with a note) or 处理完毕 (with a note). */
export function MoveBreachModal(props: { breach: Breach; to: 'refer' | 'resolve'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const move = useMoveBreach();
  const { breach, to } = props;
  const what = { date: breach.occurredOn, place: breach.place };
  const submit = (v: Values) =>
    move.mutate(
      to === 'refer'
        ? { id: breach.id, to, department: v.department.trim(), note: (v.note ?? '').trim() }
        : { id: breach.id, to, note: (v.note ?? '').trim() },
      {
        onSuccess: () => {
          void message.success(
            t(to === 'refer' ? 'conventions.breaches.referred' : 'conventions.breaches.resolved'),
          );
          props.onClose();
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
      },
    );
  return (
    <Modal
      open
      title={t(to === 'refer' ? 'conventions.breaches.referFor' : 'conventions.breaches.resolveFor', what)}
      okText={t(to === 'refer' ? 'conventions.breaches.refer' : 'conventions.breaches.resolve')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <p className="breach-description">{breach.description}</p>
      <Form<Values>
        form={form}
        name={`${to}-breach`}
        layout="vertical"
        initialValues={{ department: '', note: '' }}
        onFinish={submit}
      >
        {to === 'refer' ? (
          <Form.Item
            name="department"
            label={t('conventions.breaches.department')}
            rules={[
              { required: true, whitespace: true, message: t('conventions.breaches.departmentRequired') },
            ]}
          >
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        ) : null}
        {to === 'refer' ? (
          <Space
            wrap
            className="breach-departments"
            role="group"
            aria-label={t('conventions.breaches.commonDepartments')}
          >
            {DEPARTMENTS.map((d) => {
              const name = t(`conventions.breaches.departments.${d}`);
              return (
                <Button
                  key={d}
                  size="small"
                  onClick={() => form.setFields([{ name: 'department', value: name, errors: [] }])}
                >
                  {name}
                </Button>
              );
            })}
          </Space>
        ) : null}
        <Form.Item
          name="note"
          label={t(to === 'refer' ? 'conventions.breaches.referNote' : 'conventions.breaches.resolveNote')}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {move.error ? <ProblemAlert error={move.error} /> : null}
    </Modal>
  );
}
