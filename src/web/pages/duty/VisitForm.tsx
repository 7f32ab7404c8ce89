import { Alert, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useUnitHouseholds } from '../places/placesApi.ts';
import { BuildingUnitSelects, NO_PLACE, type PickedPlace } from '../requests/PlacePicker.tsx';
import { useCategories } from '../requests/requestsApi.ts';
import { type NewLogEntry, useLogVisit } from './dutyApi.ts';

type Outcome = NewLogEntry['outcome'];
const OUTCOMES: Outcome[] = ['answered', 'request', 'referred'];

/**
 * 记录来访: who (a household of the station, or anonymous), the matter, the category and what was done,
 * in one short form a member fills in on a phone while the visitor is still there.
 */
export function VisitForm({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const [who, setWho] = useState<'household' | 'anonymous'>('household');
  const [picked, setPicked] = useState<PickedPlace>(NO_PLACE);
  const [visitorName, setVisitorName] = useState('');
  const [matter, setMatter] = useState('');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('answered');
  const [referredTo, setReferredTo] = useState('');
  const [saved, setSaved] = useState(false);
  const categories = useCategories(stationId);
  const rooms = useUnitHouseholds(who === 'household' ? picked.unitId : null);
  const logVisit = useLogVisit(stationId);

  const submit = () => {
    setSaved(false);
    logVisit.mutate(
      {
        matter: matter.trim(),
        outcome,
        ...(who === 'household' && picked.householdId ? { householdId: picked.householdId } : {}),
        ...(visitorName.trim() ? { visitorName: visitorName.trim() } : {}),
        ...(categoryId !== null ? { categoryId } : {}),
        ...(outcome === 'referred' ? { referredTo: referredTo.trim() } : {}),
      },
      {
        onSuccess: () => {
          setPicked(NO_PLACE);
          setVisitorName('');
          setMatter('');
          setCategoryId(null);
          setOutcome('answered');
          setReferredTo('');
          setSaved(true);
        },
      },
    );
  };

  return (
    <section aria-labelledby="visit-form" className="stack">
      <h2 id="visit-form" className="section-title">
        {t('duty.visit.title')}
      </h2>
      <Form layout="vertical" component="div">
        <Form.Item label={t('duty.visit.who')}>
          <Radio.Group
            aria-label={t('duty.visit.who')}
            value={who}
            onChange={(e) => setWho(e.target.value)}
            options={[
              { value: 'household', label: t('duty.visit.household') },
              { value: 'anonymous', label: t('duty.visit.anonymous') },
            ]}
            optionType="button"
          />
        </Form.Item>
        {who === 'household' ? (
          <Form.Item label={t('duty.visit.household')}>
            <Space wrap>
              <BuildingUnitSelects stationId={stationId} value={picked} onChange={setPicked} />
              <Select
                aria-label={t('requests.desk.household')}
                placeholder={t('requests.desk.household')}
                allowClear
                disabled={picked.unitId === null}
                loading={rooms.isFetching}
                style={{ minWidth: 120 }}
                value={picked.householdId}
                onChange={(v) => setPicked({ ...picked, householdId: v ?? null })}
                options={(rooms.data?.items ?? []).map((h) => ({ value: h.id, label: h.label }))}
              />
            </Space>
          </Form.Item>
        ) : null}
        <Form.Item label={t('duty.visit.visitorName')} htmlFor="visit-name">
          <Input
            id="visit-name"
            maxLength={40}
            value={visitorName}
            onChange={(e) => setVisitorName(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('duty.visit.matter')} htmlFor="visit-matter" required>
          <Input.TextArea
            id="visit-matter"
            rows={3}
            maxLength={2000}
            value={matter}
            onChange={(e) => setMatter(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('duty.visit.category')} required={outcome === 'request'}>
          <Select
            aria-label={t('duty.visit.category')}
            allowClear
            value={categoryId}
            onChange={(v) => setCategoryId(v ?? null)}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label={t('duty.visit.outcome')}>
          <Radio.Group
            aria-label={t('duty.visit.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`duty.outcome.${o}`) }))}
          />
        </Form.Item>
        {outcome === 'referred' ? (
          <Form.Item label={t('duty.visit.referredTo')} htmlFor="visit-referred" required>
            <Input
              id="visit-referred"
              maxLength={100}
              value={referredTo}
              onChange={(e) => setReferredTo(e.target.value)}
            />
          </Form.Item>
        ) : null}
        <Button type="primary" size="large" block loading={logVisit.isPending} onClick={submit}>
          {t('duty.visit.submit')}
        </Button>
      </Form>
      {logVisit.error ? <ProblemAlert error={logVisit.error} /> : null}
      {saved ? <Alert type="success" showIcon role="status" title={t('duty.visit.saved')} /> : null}
    </section>
  );
}
