import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/** Asks for the reason of a rejection (the resident sees it). */
export function RejectModal({
  claim,
  pending,
  error,
  onCancel,
  onReject,
}: {
  claim: Claim | null;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onReject: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (claim) form.resetFields();
  }, [claim, form]);

  return (
    <Modal
      open={!!claim}
      title={t('verification.rejectTitle')}
      okText={t('verification.reject')}
      okButtonProps={{ danger: true, loading: pending }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {claim ? (
        <p>
          {claim.householdLabel} · {claim.claimedName}
        </p>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => onReject(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('verification.reason')}
          rules={[{ required: true, whitespace: true, message: t('verification.reasonRequired') }]}
        >
          <Input.TextArea maxLength={200} showCount rows={3} />
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
    </Modal>
  );
}
