import { Alert, Button, Card, Flex, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type FieldOverview, usePlanPatrols, useStationPatrols, useTemplates } from './fieldApi.ts';

/** The daily plan for a date range (station managers), and every patrol with its result. */
export function PlanTab({ overview }: { overview: FieldOverview }) {
  const { t } = useTranslation();
  const stationId = overview.station.id;
  const templates = useTemplates(stationId);
  const patrols = useStationPatrols(stationId);
  const plan = usePlanPatrols(stationId);
  const today = chinaDate();
  const [templateId, setTemplateId] = useState('');
  const [compoundId, setCompoundId] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  return (
    <div className="stack">
      {overview.abilities.manage ? (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('field.plan.title')}</h2>}>
          <p className="hint">{t('field.plan.hint')}</p>
          <Flex gap={12} align="end" wrap>
            <NativeSelect
              label={t('field.plan.template')}
              placeholder={t('field.plan.chooseTemplate')}
              options={(templates.data ?? [])
                .filter((x) => x.active)
                .map((x) => ({ value: String(x.id), label: x.name }))}
              value={templateId}
              onChange={setTemplateId}
            />
            <NativeSelect
              label={t('field.plan.compound')}
              placeholder={t('field.plan.allCompounds')}
              options={overview.compounds.map((c) => ({ value: String(c.id), label: c.name }))}
              value={compoundId}
              onChange={setCompoundId}
            />
            <div className="native-field">
              <label htmlFor="plan-from">{t('field.plan.from')}</label>
              <Input id="plan-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="native-field">
              <label htmlFor="plan-to">{t('field.plan.to')}</label>
              <Input id="plan-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </div>
            <Button
              type="primary"
              loading={plan.isPending}
              onClick={() =>
                plan.mutate({
                  templateId: Number(templateId),
                  from,
                  to,
                  ...(compoundId ? { compoundId: Number(compoundId) } : {}),
                })
              }
            >
              {t('field.plan.submit')}
            </Button>
          </Flex>
          <ProblemAlert error={plan.error} />
          {plan.data ? (
            <Alert type="success" showIcon role="status" title={t('field.plan.result', plan.data)} />
          ) : null}
        </Card>
      ) : null}
      <h2 style={{ fontSize: 16, margin: 0 }}>{t('field.plan.list')}</h2>
      <ProblemAlert error={patrols.error} />
      <Table
        rowKey="id"
        loading={patrols.isPending}
        dataSource={rowsOf(patrols)}
        pagination={false}
        locale={{ emptyText: t('field.patrol.none') }}
        columns={[
          {
            title: t('field.plan.day'),
            key: 'day',
            render: (_: unknown, p) => (
              <Link
                to={`/patrols?patrol=${p.id}`}
                aria-label={t('field.patrol.open', { compound: p.compoundName, day: p.plannedOn })}
              >
                {p.plannedOn}
              </Link>
            ),
          },
          { title: t('field.workers.compound'), dataIndex: 'compoundName' },
          { title: t('field.workers.worker'), dataIndex: 'workerName' },
          { title: t('field.plan.template'), dataIndex: 'templateName' },
          {
            title: t('field.plan.status'),
            key: 'status',
            render: (_: unknown, p) =>
              p.doneAt ? (
                <Tag color={TAG.good}>{t('field.patrol.done')}</Tag>
              ) : p.plannedOn < today ? (
                <Tag color={TAG.bad}>{t('field.patrol.missed')}</Tag>
              ) : (
                <Tag>{t('field.patrol.pending')}</Tag>
              ),
          },
          {
            title: t('field.finding.title'),
            key: 'counts',
            render: (_: unknown, p) =>
              [
                p.issues > 0 ? t('field.patrol.issues', { n: p.issues }) : null,
                p.findings > 0 ? t('field.patrol.findings', { n: p.findings }) : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—',
          },
        ]}
      />
      <LoadMore pages={patrols} />
    </div>
  );
}
