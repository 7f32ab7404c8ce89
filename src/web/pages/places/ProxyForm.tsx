import { App, Button, Form, Input } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useAddProxy } from './residentApi.ts';

const FIELDS = ['phone', 'note'] as const;
const PHONE = /^1[3-9]\d{9}$/;

interface Values {
  phone: string;
  note?: string;
}

/**
 * 登记代办人: a family member or helper with an account (found by phone) who may act for the
 * resident. A phone without an account comes back as a 404 problem whose detail says so.
 */
export function ProxyForm({ residentId }: { residentId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const headingId = useId();
  const [form] = Form.useForm<Values>();
  const add = useAddProxy(residentId);

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title form-heading">
        {t('resident.proxy')}
      </h3>
      <p>{t('resident.proxyIntro')}</p>
      <Form<Values>
        form={form}
        name={`proxy-${residentId}`}
        layout="vertical"
        aria-labelledby={headingId}
        onValuesChange={() => add.error && add.reset()}
        onFinish={(v) => {
          const note = v.note?.trim();
          add.mutate(
            { phone: v.phone.trim(), ...(note ? { note } : {}) },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('resident.proxyAdded'));
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
            },
          );
        }}
      >
        <Form.Item
          name="phone"
          label={t('resident.proxyPhone')}
          rules={[
            { required: true, whitespace: true, message: t('resident.proxyPhoneRequired') },
            { pattern: PHONE, message: t('resident.phoneInvalid') },
          ]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t('resident.note')}>
          <Input maxLength={100} placeholder={t('resident.notePlaceholder')} autoComplete="off" />
        </Form.Item>
        {add.error ? (
          <Form.Item>
            <ProblemAlert error={add.error} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('resident.proxySubmit')}
        </Button>
      </Form>
    </section>
  );
}
