import { App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type StaffAction, useVoteAction, type Vote } from './votesApi.ts';

/** 开始表决 / 结束表决 / 取消表决 for deliberation.manage, each confirmed in a dialog (a reason for cancelling). */
export function StaffActions({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useVoteAction(vote.id);
  const [action, setAction] = useState<StaffAction | null>(null);
  const [reason, setReason] = useState('');
  const available: StaffAction[] =
    vote.status === 'draft' ? ['open', 'cancel'] : vote.status === 'open' ? ['close', 'cancel'] : [];
  if (available.length === 0) return null;
  const open = (a: StaffAction) => {
    act.reset();
    setReason('');
    setAction(a);
  };
  return (
    <Card title={<h2 className="section-title">{t('votes.staff.title')}</h2>}>
      <Space wrap>
        {available.map((a) => (
          <Button
            key={a}
            type={a === 'cancel' ? 'default' : 'primary'}
            danger={a === 'cancel'}
            onClick={() => open(a)}
          >
            {t(`votes.staff.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`votes.staff.${action}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{
          danger: action === 'cancel' || action === 'close',
          // The server refuses a cancellation without its reason.
          disabled: action === 'cancel' && !reason.trim(),
        }}
        confirmLoading={act.isPending}
        onCancel={() => setAction(null)}
        onOk={() => {
          if (!action) return;
          act.mutate(
            { action, ...(action === 'cancel' ? { reason: reason.trim() } : {}) },
            {
              onSuccess: () => {
                setAction(null);
                void message.success(t('votes.staff.done'));
              },
            },
          );
        }}
      >
        {action === 'open' ? <p>{t('votes.staff.openConfirm')}</p> : null}
        {action === 'close' ? <p>{t('votes.staff.closeConfirm')}</p> : null}
        {action === 'cancel' ? (
          <Form layout="vertical" component="div">
            <Form.Item label={t('votes.staff.reason')} htmlFor="vote-cancel-reason" required>
              <Input.TextArea
                id="vote-cancel-reason"
                rows={3}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
          </Form>
        ) : null}
        {act.error ? <ProblemAlert error={act.error} /> : null}
      </Modal>
    </Card>
  );
}
