import { App, Button, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type ActionItem, useCompleteAction } from './deliberationApi.ts';

/**
 * Action items with their owner, due date and status, an overdue one highlighted; 完成 (with a note)
 * for its owner or, when `manage`, for anyone who runs deliberation (the server decides either way).
 */
export function ActionItems({ actions, manage }: { actions: ActionItem[]; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const [completing, setCompleting] = useState<ActionItem | null>(null);
  const at = chinaDateTime(i18n.language);
  if (actions.length === 0) return <p className="hint">{t('deliberation.actions.empty')}</p>;
  return (
    <>
      <ul className="plain-list action-items">
        {actions.map((a) => (
          <li key={a.id} className={`action-item${a.overdue ? ' action-overdue' : ''}`}>
            <div className="action-title">{a.title}</div>
            <div className="action-meta">
              {a.status === 'done' ? (
                <Tag color={TAG.good}>{t('deliberation.actions.done')}</Tag>
              ) : a.overdue ? (
                <Tag color={TAG.bad}>{t('deliberation.actions.overdue')}</Tag>
              ) : (
                <Tag color={TAG.info}>{t('deliberation.actions.open')}</Tag>
              )}
              <span>{t('deliberation.actions.owner', { name: a.ownerName })}</span>
              <span className={a.overdue ? 'action-due-overdue' : undefined}>
                {t('deliberation.actions.due', { date: a.dueOn })}
              </span>
            </div>
            {a.status === 'done' && a.doneAt ? (
              <div className="hint">
                {t('deliberation.actions.doneAt', { at: at(a.doneAt) })}
                {a.doneNote ? ` · ${a.doneNote}` : ''}
              </div>
            ) : null}
            {a.status === 'open' && (manage || (me && a.ownerUserId === me.id)) ? (
              <Button
                size="small"
                aria-label={t('deliberation.actions.completeTitle', { title: a.title })}
                onClick={() => setCompleting(a)}
              >
                {t('deliberation.actions.complete')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {completing ? <CompleteModal action={completing} onClose={() => setCompleting(null)} /> : null}
    </>
  );
}

function CompleteModal({ action, onClose }: { action: ActionItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const complete = useCompleteAction();
  const [note, setNote] = useState('');
  return (
    <Modal
      open
      title={t('deliberation.actions.completeTitle', { title: action.title })}
      okText={t('deliberation.actions.complete')}
      cancelText={t('common.cancel')}
      confirmLoading={complete.isPending}
      onCancel={onClose}
      onOk={() =>
        complete.mutate(
          { id: action.id, note: note.trim() },
          {
            onSuccess: () => {
              void message.success(t('deliberation.actions.completed'));
              onClose();
            },
          },
        )
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('deliberation.actions.note')} htmlFor="action-done-note">
          <Input.TextArea
            id="action-done-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      {complete.error ? <ProblemAlert error={complete.error} /> : null}
    </Modal>
  );
}
