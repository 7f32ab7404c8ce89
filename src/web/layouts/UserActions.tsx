import { LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../app/session.ts';

export function LogoutButton({ block }: { block?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Button
      icon={<LogoutOutlined />}
      block={block ?? false}
      loading={logout.isPending}
      onClick={() =>
        logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })
      }
    >
      {t('nav.logout')}
    </Button>
  );
}
