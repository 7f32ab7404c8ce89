import { Button, Card, Form, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type Shift, type Swap, useDecideSwap, useProposeSwap, useSwapOptions } from './dutyApi.ts';
import { useShiftLabel } from './shiftLabels.tsx';

/** Propose a swap of my shift for someone else's, or ask someone to cover it; they must agree. */
export function SwapModal({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useShiftLabel();
  const options = useSwapOptions(shift.id);
  const propose = useProposeSwap();
  const [kind, setKind] = useState<'exchange' | 'cover'>('exchange');
  const [picked, setPicked] = useState<number | null>(null);
  const submit = () =>
    propose.mutate(
      kind === 'exchange'
        ? { shiftId: shift.id, counterpartShiftId: picked ?? 0 }
        : { shiftId: shift.id, counterpartUserId: picked ?? 0 },
      { onSuccess: onClose },
    );
  return (
    <Modal
      open
      title={`${t('duty.swap.title')} · ${label(shift)}`}
      okText={t('duty.swap.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={propose.isPending}
      okButtonProps={{ disabled: picked === null }}
      onCancel={onClose}
      onOk={submit}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('duty.swap.kind')}>
          <Radio.Group
            aria-label={t('duty.swap.kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPicked(null);
            }}
            options={[
              { value: 'exchange', label: t('duty.swap.exchange') },
              { value: 'cover', label: t('duty.swap.cover') },
            ]}
            optionType="button"
          />
        </Form.Item>
        {kind === 'exchange' ? (
          <Form.Item label={t('duty.swap.shift')} required>
            <Select
              aria-label={t('duty.swap.shift')}
              loading={options.isPending}
              value={picked}
              onChange={setPicked}
              notFoundContent={t('duty.swap.none')}
              options={(options.data?.shifts ?? []).map((s) => ({
                value: s.id,
                label: `${label(s)} · ${s.name}`,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('duty.swap.person')} required>
            <Select
              aria-label={t('duty.swap.person')}
              loading={options.isPending}
              value={picked}
              onChange={setPicked}
              options={(options.data?.people ?? []).map((p) => ({ value: p.userId, label: p.name }))}
            />
          </Form.Item>
        )}
      </Form>
      {propose.error ? <ProblemAlert error={propose.error} /> : null}
    </Modal>
  );
}

/** Swaps waiting for my answer (同意 / 拒绝), and those I proposed (撤回). */
export function SwapList({ incoming, outgoing }: { incoming: Swap[]; outgoing: Swap[] }) {
  const { t } = useTranslation();
  const label = useShiftLabel();
  const decide = useDecideSwap();
  if (incoming.length === 0 && outgoing.length === 0) return null;
  const describe = (s: Swap, mine: boolean) => {
    const values = {
      name: mine ? s.counterpart.name : s.requestedBy.name,
      mine: label(s.shift),
      theirs: s.counterpartShift ? label(s.counterpartShift) : '',
    };
    if (mine) return t(s.counterpartShift ? 'duty.swap.sentExchange' : 'duty.swap.sentCover', values);
    return t(s.counterpartShift ? 'duty.swap.wantsExchange' : 'duty.swap.wantsCover', values);
  };
  const group = (title: string, swaps: Swap[], mine: boolean) =>
    swaps.length === 0 ? null : (
      <section aria-label={title} className="stack">
        <h2 className="section-title">{title}</h2>
        {swaps.map((s) => (
          <Card key={s.id} size="small">
            <p>{describe(s, mine)}</p>
            <Space wrap>
              <Tag>{t(`duty.swapState.${s.state}`)}</Tag>
              {mine ? (
                <Button onClick={() => decide.mutate({ id: s.id, decision: 'cancel' })}>
                  {t('duty.swap.cancel')}
                </Button>
              ) : (
                <>
                  <Button type="primary" onClick={() => decide.mutate({ id: s.id, decision: 'accept' })}>
                    {t('duty.swap.accept')}
                  </Button>
                  <Button danger onClick={() => decide.mutate({ id: s.id, decision: 'decline' })}>
                    {t('duty.swap.decline')}
                  </Button>
                </>
              )}
            </Space>
          </Card>
        ))}
      </section>
    );
  return (
    <>
      {decide.error ? <ProblemAlert error={decide.error} /> : null}
      {group(t('duty.swap.incoming'), incoming, false)}
      {group(t('duty.swap.outgoing'), outgoing, true)}
    </>
  );
}
