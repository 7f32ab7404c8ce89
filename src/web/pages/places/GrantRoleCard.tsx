import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import type { GrantRoleRequest, PlaceNode, Role } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { GrantScope } from './grantScope.ts';

const FIELDS = ['phone', 'role'] as const;
const PHONE = /^1[3-9]\d{9}$/;

interface Values {
  phone: string;
  role?: Role;
}

/**
 * 授予角色 on the selected node (role.manage): a registered account by phone and one of the roles
 * that fit the node. The server checks the rest (409 already held, 404 no account, 403 not yours).
 */
export function GrantRoleCard({ node, scope }: { node: PlaceNode; scope: GrantScope }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const headingId = useId();
  const [form] = Form.useForm<Values>();
  const grant = useMutation({
    mutationFn: (body: GrantRoleRequest) => api<{ id: number }>('/role-grants', { method: 'POST', body }),
  });

  return (
    <Card
      title={
        <h2 id={headingId} className="section-title">
          {t('grants.title')}
        </h2>
      }
    >
      <p>{t('grants.intro', { name: node.name })}</p>
      <Form<Values>
        form={form}
        name={`grant-${node.kind}-${node.id}`}
        layout="vertical"
        aria-labelledby={headingId}
        initialValues={{ role: scope.roles.length === 1 ? scope.roles[0] : undefined }}
        onValuesChange={() => grant.error && grant.reset()}
        onFinish={(v) => {
          if (!v.role) return;
          const role = v.role;
          grant.mutate(
            { phone: v.phone.trim(), role, ...scope.body },
            {
              onSuccess: () => {
                form.resetFields(['phone']);
                void message.success(
                  t('grants.granted', { role: t(`roles.${role}`), phone: v.phone.trim(), name: node.name }),
                );
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
            },
          );
        }}
      >
        <Form.Item
          name="phone"
          label={t('grants.phone')}
          rules={[
            { required: true, whitespace: true, message: t('grants.phoneRequired') },
            { pattern: PHONE, message: t('grants.phoneInvalid') },
          ]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('grants.role')}
          rules={[{ required: true, message: t('grants.roleRequired') }]}
        >
          <Select<Role>
            placeholder={t('grants.chooseRole')}
            options={scope.roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        {grant.error ? (
          <Form.Item>
            <ProblemAlert error={grant.error} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={grant.isPending}>
          {t('grants.submit')}
        </Button>
      </Form>
    </Card>
  );
}
