import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { api } from '../../api/client.ts';
import type { HouseholdRow, Page } from '../../api/types.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import {
  useAddVisitTarget,
  useRecordVisit,
  useVisitRecords,
  useVisits,
  type VisitTarget,
} from './fieldApi.ts';

const STATUS_COLOR = { overdue: TAG.bad, dueSoon: TAG.warn, later: TAG.plain } as const;

/**
 * A station's visit list: households due regular visits, overdue first and highlighted, each with
 * 记录走访. Only rendered where the server said the viewer may use it (it answers 404 otherwise).
 */
export function VisitList({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const visits = useVisits(stationId);
  const [recording, setRecording] = useState<VisitTarget | null>(null);
  const [adding, setAdding] = useState(false);
  if (visits.isPending) return <Loading />;
  if (visits.isError) return <ProblemAlert error={visits.error} />;
  const items = visits.data.items;
  return (
    <section className="stack" aria-label={t('field.visits.title')}>
      <p className="hint">{t('field.visits.sensitive')}</p>
      <Flex justify="end">
        <Button onClick={() => setAdding(true)}>{t('field.visits.add')}</Button>
      </Flex>
      {items.length === 0 ? <Empty description={t('field.visits.none')} /> : null}
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((v) => (
          <li key={v.id}>
            <Card
              size="small"
              title={<h3 style={{ margin: 0, fontSize: 16 }}>{v.household}</h3>}
              extra={<Tag color={STATUS_COLOR[v.status]}>{t(`field.visits.status.${v.status}`)}</Tag>}
              style={v.status === 'overdue' ? { borderColor: '#cf1322', background: '#fff1f0' } : undefined}
            >
              <p style={{ margin: 0 }}>
                {v.reason} · {t('field.visits.everyDays', { n: v.everyDays })}
              </p>
              <p style={{ margin: 0 }}>
                {v.lastVisitedOn ? t('field.visits.last', { day: v.lastVisitedOn }) : t('field.visits.never')}{' '}
                · {t('field.visits.due', { day: v.dueOn })}
                {v.status === 'overdue' ? (
                  <strong style={{ color: TAG.bad }}>
                    {' '}
                    · {t('field.visits.overdueDays', { n: v.daysOverdue })}
                  </strong>
                ) : null}
              </p>
              <Button
                type={v.status === 'overdue' ? 'primary' : 'default'}
                style={{ marginTop: 8 }}
                aria-label={`${t('field.visits.record')}：${v.household}`}
                onClick={() => setRecording(v)}
              >
                {t('field.visits.record')}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
      {recording ? <RecordVisitModal target={recording} onClose={() => setRecording(null)} /> : null}
      {adding ? <AddTargetModal stationId={stationId} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}

function RecordVisitModal({ target, onClose }: { target: VisitTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [visitedOn, setVisitedOn] = useState(chinaDate());
  const [note, setNote] = useState('');
  const record = useRecordVisit();
  const history = useVisitRecords(target.id);
  const title = t('field.visits.recordFor', { household: target.household });
  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={() =>
        record.mutate(
          { id: target.id, visitedOn, ...(note.trim() ? { note: note.trim() } : {}) },
          {
            onSuccess: () => {
              void message.success(t('field.visits.recorded'));
              onClose();
            },
          },
        )
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('field.visits.visitedOn')} htmlFor="visit-on">
          <Input
            id="visit-on"
            type="date"
            value={visitedOn}
            max={chinaDate()}
            onChange={(e) => setVisitedOn(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('field.visits.note')} htmlFor="visit-note">
          <Input.TextArea
            id="visit-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={record.error} />
      <h3 style={{ fontSize: 14 }}>{t('field.visits.history')}</h3>
      <ul>
        {(history.data ?? []).map((r) => (
          <li key={r.id}>
            {r.visitedOn} · {r.visitor}
            {r.note ? ` · ${r.note}` : ''}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

function AddTargetModal({ stationId, onClose }: { stationId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<HouseholdRow[]>([]);
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [reason, setReason] = useState<string>(t('field.visits.reasons.elderly'));
  const [everyDays, setEveryDays] = useState<number>(14);
  const add = useAddVisitTarget(stationId);
  const search = async (q: string) => {
    const page = await api<Page<HouseholdRow>>('/households', { query: { stationId, q, limit: 20 } });
    setOptions(page.items);
  };
  return (
    <Modal
      open
      title={t('field.visits.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => add.mutate({ householdId: householdId ?? 0, reason, everyDays }, { onSuccess: onClose })}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('field.visits.household')} required>
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            aria-label={t('field.visits.household')}
            placeholder={t('field.visits.householdSearch')}
            value={householdId}
            onChange={setHouseholdId}
            onFocus={() => void search('')}
            options={options.map((h) => ({ value: h.id, label: h.label }))}
          />
        </Form.Item>
        <Form.Item label={t('field.visits.reason')} htmlFor="visit-reason" required>
          <Input
            id="visit-reason"
            maxLength={40}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            list="visit-reasons"
          />
          <datalist id="visit-reasons">
            <option value={t('field.visits.reasons.elderly')} />
            <option value={t('field.visits.reasons.hardship')} />
          </datalist>
        </Form.Item>
        <Form.Item label={t('field.visits.every')} htmlFor="visit-every" required>
          <InputNumber
            id="visit-every"
            min={1}
            max={366}
            value={everyDays}
            onChange={(v) => setEveryDays(v ?? 14)}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={add.error} />
    </Modal>
  );
}
