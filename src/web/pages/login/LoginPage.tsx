import { Button, Card, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { problemOf } from '../../api/client.ts';
import { useLogin, useMe } from '../../app/session.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

interface LoginForm {
  phone: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  // Field errors from the problem body go next to their fields.
  useEffect(() => {
    if (!login.error) return;
    const errors = problemOf(login.error).errors ?? [];
    form.setFields(
      errors
        .filter((e) => e.path === 'phone' || e.path === 'password')
        .map((e) => ({ name: e.path as keyof LoginForm, errors: [e.message] })),
    );
  }, [login.error, form]);

  if (me.data) return <Navigate to={from} replace />;

  return (
    <main className="center-page" id="main">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card>
        <h1 className="login-title">{t('login.title')}</h1>
        <p>{t('login.subtitle')}</p>
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) =>
            login.mutate(values, { onSuccess: () => void navigate(from, { replace: true }) })
          }
        >
          <Form.Item
            name="phone"
            label={t('login.phone')}
            rules={[
              { required: true, message: t('login.phoneRequired') },
              { pattern: /^1[3-9]\d{9}$/, message: t('login.phoneInvalid') },
            ]}
          >
            <Input inputMode="numeric" autoComplete="username" maxLength={11} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {login.error ? (
            <Form.Item>
              <ProblemAlert error={login.error} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
