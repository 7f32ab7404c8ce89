import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type MoveInput, type Project, useMove } from './projectsApi.ts';

type Move = MoveInput['move'];
/** The moves in the order a project makes them; each shown only when its ability is true. */
const MOVES: Move[] = [
  'submit',
  'toAcceptance',
  'rework',
  'toSettlement',
  'settle',
  'toEvaluation',
  'close',
  'withdraw',
];

/** The project's next steps: a button per allowed move, each confirmed in a dialog (with its reason or days). */
export function ProjectMoves({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Move | null>(null);
  const allowed = MOVES.filter((m) => p.abilities[m]);
  if (allowed.length === 0 && !p.abilities.edit) return null;
  return (
    <Space wrap>
      {p.abilities.edit ? <Link to={`/projects/${p.id}/edit`}>{t('projects.moves.edit')}</Link> : null}
      {allowed.map((m) => (
        <Button
          key={m}
          type={m === 'withdraw' || m === 'rework' ? 'default' : 'primary'}
          danger={m === 'withdraw'}
          onClick={() => setOpen(m)}
        >
          {t(`projects.moves.${m}`)}
        </Button>
      ))}
      {open ? <MoveModal project={p} move={open} onClose={() => setOpen(null)} /> : null}
    </Space>
  );
}

function MoveModal({ project: p, move, onClose }: { project: Project; move: Move; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useMove(p.id);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('7');
  const [note, setNote] = useState('');
  const openMilestones = p.milestones.filter((m) => !m.doneOn).length;
  const body = (): MoveInput => {
    switch (move) {
      case 'toAcceptance':
        return { move, reason: reason.trim() };
      case 'rework':
        return { move, reason: reason.trim() };
      case 'settle':
        return { move, objectionDays: Number(days), note: note.trim() };
      default:
        return { move } as MoveInput;
    }
  };
  return (
    <Modal
      open
      title={t(`projects.moves.${move}`)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={go.isPending}
      onCancel={onClose}
      onOk={() =>
        go.mutate(body(), {
          onSuccess: (r) => {
            void message.success(t('projects.moves.done', { stage: t(`projects.stages.${r.stage}`) }));
            onClose();
          },
        })
      }
    >
      <p>{t(`projects.moves.explain.${move}`)}</p>
      <Form layout="vertical" component="div">
        {move === 'toAcceptance' || move === 'rework' ? (
          <Form.Item
            label={
              move === 'rework'
                ? t('projects.moves.reworkReason')
                : t('projects.moves.reason', { n: openMilestones })
            }
            htmlFor="move-reason"
            required={move === 'rework' || openMilestones > 0}
          >
            <Input.TextArea
              id="move-reason"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        ) : null}
        {move === 'settle' ? (
          <>
            <Form.Item
              label={t('projects.moves.days')}
              htmlFor="move-days"
              extra={t('projects.moves.daysHint')}
            >
              <Input
                id="move-days"
                type="number"
                min={3}
                max={30}
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
            </Form.Item>
            <Form.Item label={t('projects.moves.note')} htmlFor="move-note">
              <Input.TextArea
                id="move-note"
                rows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Form.Item>
          </>
        ) : null}
      </Form>
      <ProblemAlert error={go.error} />
    </Modal>
  );
}
