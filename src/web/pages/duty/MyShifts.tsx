import { Button, Card, Empty, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Shift, useLeave, useShiftAction } from './dutyApi.ts';
import { SwapModal } from './SwapModal.tsx';
import { ShiftStateTag, useShiftLabel } from './shiftLabels.tsx';

/** My shifts from today on: check in and out at the desk, ask for leave, propose a swap. */
export function MyShifts({ shifts, today }: { shifts: Shift[]; today: string }) {
  const { t, i18n } = useTranslation();
  const label = useShiftLabel();
  const act = useShiftAction();
  const [leaveOf, setLeaveOf] = useState<Shift | null>(null);
  const [swapOf, setSwapOf] = useState<Shift | null>(null);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });

  return (
    <section aria-labelledby="my-shifts" className="stack">
      <h2 id="my-shifts" className="section-title">
        {t('duty.shifts.title')}
      </h2>
      {act.error ? <ProblemAlert error={act.error} /> : null}
      {shifts.length === 0 ? <Empty description={t('duty.shifts.none')} /> : null}
      {shifts.map((s) => (
        <Card key={s.id} size="small">
          <Space orientation="vertical" size={8} className="full-width">
            <Space wrap size={4}>
              {s.date === today ? <Tag color={TAG.warn}>{t('duty.shifts.today')}</Tag> : null}
              <strong>{label(s)}</strong>
              <ShiftStateTag state={s.state} />
            </Space>
            <span className="hint">
              {s.stationName}
              {s.checkedInAt
                ? ` · ${t('duty.shifts.checkedInAt', { at: time.format(new Date(s.checkedInAt)) })}`
                : ''}
            </span>
            <Space wrap>
              {s.actions.includes('checkIn') ? (
                <Button
                  type="primary"
                  size="large"
                  loading={act.isPending}
                  onClick={() => act.mutate({ id: s.id, action: 'check-in' })}
                >
                  {t('duty.shifts.checkIn')}
                </Button>
              ) : null}
              {s.actions.includes('checkOut') ? (
                <Button
                  size="large"
                  loading={act.isPending}
                  onClick={() => act.mutate({ id: s.id, action: 'check-out' })}
                >
                  {t('duty.shifts.checkOut')}
                </Button>
              ) : null}
              {s.actions.includes('leave') ? (
                <Button onClick={() => setLeaveOf(s)}>{t('duty.shifts.leave')}</Button>
              ) : null}
              {s.actions.includes('swap') ? (
                <Button onClick={() => setSwapOf(s)}>{t('duty.shifts.swap')}</Button>
              ) : null}
            </Space>
          </Space>
        </Card>
      ))}
      {leaveOf ? <LeaveModal shift={leaveOf} onClose={() => setLeaveOf(null)} /> : null}
      {swapOf ? <SwapModal shift={swapOf} onClose={() => setSwapOf(null)} /> : null}
    </section>
  );
}

function LeaveModal({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useShiftLabel();
  const leave = useLeave();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={`${t('duty.leave.title')} · ${label(shift)}`}
      okText={t('duty.leave.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={leave.isPending}
      okButtonProps={{ disabled: reason.trim() === '' }}
      onCancel={onClose}
      onOk={() => leave.mutate({ id: shift.id, reason: reason.trim() }, { onSuccess: onClose })}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('duty.leave.reason')} htmlFor="leave-reason" required>
          <Input.TextArea
            id="leave-reason"
            rows={2}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
      {leave.error ? <ProblemAlert error={leave.error} /> : null}
    </Modal>
  );
}
