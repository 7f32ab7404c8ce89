import { Button, Card, Empty, Form, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCategories } from '../requests/requestsApi.ts';
import { type LogEntry, useToRequest } from './dutyApi.ts';

/** Who came: the household, else the name given, else 匿名来访. */
export function useVisitor() {
  const { t } = useTranslation();
  return (e: LogEntry) =>
    [e.householdLabel, e.visitorName].filter(Boolean).join(' ') || t('duty.visit.anonymousVisitor');
}

/** One entry's request: a link once filed, else the 转为诉求 button (asking the category when it has none). */
export function ToRequest({ entry, stationId }: { entry: LogEntry; stationId: number }) {
  const { t } = useTranslation();
  const toRequest = useToRequest();
  const categories = useCategories(stationId);
  const [asking, setAsking] = useState(false);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  if (entry.requestId !== null) {
    return (
      <Link to={`/requests/${entry.requestId}`}>{t('duty.visit.request', { id: entry.requestId })}</Link>
    );
  }
  return (
    <>
      <Button
        loading={toRequest.isPending}
        onClick={() => (entry.categoryId === null ? setAsking(true) : toRequest.mutate({ id: entry.id }))}
      >
        {t('duty.visit.toRequest')}
      </Button>
      {toRequest.error && !asking ? <ProblemAlert error={toRequest.error} /> : null}
      <Modal
        open={asking}
        title={t('duty.visit.toRequest')}
        okText={t('duty.visit.toRequest')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: categoryId === null }}
        confirmLoading={toRequest.isPending}
        onCancel={() => setAsking(false)}
        onOk={() =>
          toRequest.mutate(
            { id: entry.id, categoryId: categoryId ?? 0 },
            { onSuccess: () => setAsking(false) },
          )
        }
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('duty.visit.chooseCategory')} required>
            <Select
              aria-label={t('duty.visit.category')}
              value={categoryId}
              onChange={setCategoryId}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Form>
        {toRequest.error ? <ProblemAlert error={toRequest.error} /> : null}
      </Modal>
    </>
  );
}

/** Today's visits at the desk, newest first. */
export function VisitList({ entries, stationId }: { entries: LogEntry[]; stationId: number }) {
  const { t, i18n } = useTranslation();
  const visitor = useVisitor();
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  return (
    <section aria-labelledby="visits-today" className="stack">
      <h2 id="visits-today" className="section-title">
        {t('duty.visit.today')}
      </h2>
      {entries.length === 0 ? <Empty description={t('duty.visit.none')} /> : null}
      <ul className="plain-list stack">
        {entries.map((e) => (
          <li key={e.id}>
            <Card size="small">
              <Space wrap size={4}>
                <span className="hint">{time.format(new Date(e.at))}</span>
                <strong>{visitor(e)}</strong>
                <Tag>{t(`duty.outcome.${e.outcome}`)}</Tag>
                {e.categoryName ? <Tag>{e.categoryName}</Tag> : null}
              </Space>
              <p>
                {e.matter}
                {e.referredTo ? ` → ${e.referredTo}` : ''}
              </p>
              <ToRequest entry={e} stationId={stationId} />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
