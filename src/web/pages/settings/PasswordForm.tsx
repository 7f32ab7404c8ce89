import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const MIN = 8;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<unknown>('/me/password', { method: 'POST', body }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('settings.passwordChanged'));
    },
    onError: (err) => form.setFields(fieldErrorsOf(err, ['currentPassword', 'newPassword'] as const)),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
    >
      <Form.Item
        name="currentPassword"
        label={t('settings.currentPassword')}
        rules={[{ required: true, message: t('settings.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('settings.newPassword')}
        rules={[
          { required: true, message: t('settings.passwordRequired') },
          { min: MIN, message: t('settings.passwordMin', { min: MIN }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('settings.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('settings.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('settings.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {change.error ? (
        <Form.Item>
          <ProblemAlert error={change.error} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('settings.changePassword')}
      </Button>
    </Form>
  );
}
