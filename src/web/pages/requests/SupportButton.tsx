import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { useSupport } from './requestsApi.ts';

/** "+1 我也遇到" on someone else's open request, or taking the +1 back; the list shows `support.error`. */
export function SupportButton(props: {
  request: { id: number; description: string; supported: boolean };
  support: ReturnType<typeof useSupport>;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  const { request: r, support } = props;
  return (
    <Button
      type={props.type}
      size={props.size}
      loading={support.isPending && support.variables?.id === r.id}
      aria-pressed={r.supported}
      aria-label={t('requests.similar.plusOneFor', { text: r.description.slice(0, 20) })}
      onClick={() => support.mutate({ id: r.id, on: !r.supported })}
    >
      {r.supported ? t('requests.similar.supported') : t('requests.similar.plusOne')}
    </Button>
  );
}
