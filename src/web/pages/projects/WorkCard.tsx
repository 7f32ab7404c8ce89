import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UPDATE_KINDS } from '../../../modules/fund/fund-kinds.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { PhotoList } from './Photos.tsx';
import { type Project, usePost } from './projectsApi.ts';
import { RecordModal } from './RecordModal.tsx';
import { ReplyForm } from './ReplyForm.tsx';

/** 实施情况: milestones, progress updates with before / after photos, and the supervision group's inspections. */
export function WorkCard({ project: p }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const at = chinaDateTime(i18n.language);
  const [writing, setWriting] = useState<'update' | 'inspect' | null>(null);
  return (
    <Card
      title={<h2 className="section-title">{t('projects.work.title')}</h2>}
      extra={
        <Space wrap>
          {p.abilities.update ? (
            <Button onClick={() => setWriting('update')}>{t('projects.work.addUpdate')}</Button>
          ) : null}
          {p.abilities.inspect ? (
            <Button type="primary" onClick={() => setWriting('inspect')}>
              {t('projects.work.inspect')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <section className="stack" aria-labelledby={`milestones-${p.id}`}>
        <h3 id={`milestones-${p.id}`} className="section-title">
          {t('projects.work.milestones')}
        </h3>
        {p.milestones.length === 0 ? <p className="hint">{t('projects.work.noMilestones')}</p> : null}
        <ul className="plain-list project-rows">
          {p.milestones.map((m) => (
            <li key={m.id} className="project-row">
              <span>{m.title}</span>
              <span className="hint">{t('projects.work.due', { day: m.dueOn })}</span>
              {m.doneOn ? (
                <Tag color={TAG.good}>{t('projects.work.doneOn', { day: m.doneOn })}</Tag>
              ) : p.abilities.milestone ? (
                <MilestoneDone id={m.id} title={m.title} />
              ) : (
                <Tag>{t('projects.work.open')}</Tag>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby={`updates-${p.id}`}>
        <h3 id={`updates-${p.id}`} className="section-title">
          {t('projects.work.updates')}
        </h3>
        {p.updates.length === 0 ? <p className="hint">{t('projects.work.noUpdates')}</p> : null}
        <ul className="plain-list stack">
          {p.updates.map((u) => (
            <li key={u.id} className="project-record">
              <Space wrap size={4}>
                <Tag color={u.kind === 'progress' ? TAG.plain : TAG.info}>
                  {t(`projects.updateKinds.${u.kind}`)}
                </Tag>
                <span className="hint">{t('projects.work.byAt', { by: u.by, at: at(u.createdAt) })}</span>
              </Space>
              <p className="project-text">{u.text}</p>
              <PhotoList projectId={p.id} photos={u.photos} label={t(`projects.updateKinds.${u.kind}`)} />
            </li>
          ))}
        </ul>
      </section>
      <Inspections project={p} />
      {writing === 'update' ? (
        <RecordModal
          title={t('projects.work.addUpdate')}
          choiceLabel={t('projects.work.kind')}
          choices={UPDATE_KINDS.map((k) => ({ value: k, label: t(`projects.updateKinds.${k}`) }))}
          textLabel={t('projects.work.text')}
          path={`/fund-projects/${p.id}/updates`}
          keys={{ choice: 'kind', text: 'text' }}
          photosPath={(id) => `/fund-project-updates/${id}/photos`}
          onClose={() => setWriting(null)}
        />
      ) : null}
      {writing === 'inspect' ? (
        <RecordModal
          title={t('projects.work.inspect')}
          choiceLabel={t('projects.work.result')}
          choices={(['passed', 'issues'] as const).map((r) => ({
            value: r,
            label: t(`projects.work.results.${r}`),
          }))}
          textLabel={t('projects.work.findings')}
          path={`/fund-projects/${p.id}/inspections`}
          keys={{ choice: 'result', text: 'findings' }}
          photosPath={(id) => `/fund-inspections/${id}/photos`}
          onClose={() => setWriting(null)}
        />
      ) : null}
    </Card>
  );
}

function Inspections({ project: p }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const at = chinaDateTime(i18n.language);
  return (
    <section className="stack" aria-labelledby={`inspections-${p.id}`}>
      <h3 id={`inspections-${p.id}`} className="section-title">
        {t('projects.work.inspections')}
      </h3>
      {p.inspections.length === 0 ? <p className="hint">{t('projects.work.noInspections')}</p> : null}
      <ul className="plain-list stack">
        {p.inspections.map((i) => (
          <li key={i.id} className="project-record">
            <Space wrap size={4}>
              <Tag color={i.result === 'passed' ? TAG.good : TAG.warn}>
                {t(`projects.work.results.${i.result}`)}
              </Tag>
              <span className="hint">
                {t('projects.work.byAt', { by: i.inspector, at: at(i.createdAt) })}
              </span>
            </Space>
            <p className="project-text">{i.findings}</p>
            <PhotoList projectId={p.id} photos={i.photos} label={t('projects.work.inspectionPhotos')} />
            {i.response ? (
              <p className="project-text">
                {t('common.labelled', { label: t('projects.work.response'), value: i.response })}
              </p>
            ) : i.result === 'issues' && p.abilities.respond ? (
              <ReplyForm
                path={`/fund-inspections/${i.id}/response`}
                bodyKey="response"
                label={t('projects.work.respond')}
                sendLabel={t('projects.work.sendResponse')}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MilestoneDone({ id, title }: { id: number; title: string }) {
  const { t } = useTranslation();
  const done = usePost<{ doneOn?: string }>(`/fund-milestones/${id}/done`);
  return (
    <>
      <Button
        size="small"
        aria-label={t('projects.work.markDoneOf', { title })}
        loading={done.isPending}
        onClick={() => done.mutate({})}
      >
        {t('projects.work.markDone')}
      </Button>
      <ProblemAlert error={done.error} />
    </>
  );
}
