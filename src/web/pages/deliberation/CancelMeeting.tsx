import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type Meeting, useCancelMeeting } from './deliberationApi.ts';

/** 会议已取消 with its reason, for everyone who sees the meeting. */
export function CancelledNotice({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (m.status !== 'cancelled') return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={
        m.cancelReason
          ? t('deliberation.meeting.cancelledReason', { reason: m.cancelReason })
          : t('deliberation.meeting.cancelled')
      }
    />
  );
}

/** 取消会议: a planned meeting called off by one who runs it, with the reason those invited will read. */
export function CancelMeeting({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelMeeting(m.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!m.abilities.manage || m.status !== 'planned') return null;
  const k = 'deliberation.meeting';
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t(`${k}.cancel`)}
      </Button>
      <Modal
        open={open}
        title={t(`${k}.cancelTitle`, { title: m.title })}
        okText={t(`${k}.cancelConfirm`)}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={cancel.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          name="cancel-meeting"
          onFinish={(v) =>
            cancel.mutate(v.reason.trim(), {
              onSuccess: () => {
                void message.success(t(`${k}.cancelled`));
                setOpen(false);
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, ['reason'] as const)),
            })
          }
        >
          <Form.Item
            name="reason"
            label={t(`${k}.cancelReason`)}
            extra={t(`${k}.cancelHint`)}
            rules={[{ required: true, whitespace: true, message: t(`${k}.cancelReasonRequired`) }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
        {cancel.error ? <ProblemAlert error={cancel.error} /> : null}
      </Modal>
    </>
  );
}
