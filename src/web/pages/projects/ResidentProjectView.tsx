import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Receipts } from './ExpensesCard.tsx';
import { membersOf, OriginLink, StageTag, Yuan } from './labels.tsx';
import { PhotoList } from './Photos.tsx';
import type { Project } from './projectsApi.ts';
import { AcceptanceBlock, EvaluationBlock, ObjectionsBlock } from './ResidentParts.tsx';
import { WorkCard } from './WorkCard.tsx';

const DISCLOSED = ['disclosure', 'evaluation', 'closed'];

/**
 * A project on a resident's phone: what is asked of them now first (accept the work, object during the
 * disclosure, rate it), then before / after photos and progress, then the money: each line's budget and
 * spending and, once disclosed, every expense with its invoices.
 */
export function ResidentProjectView({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const before = p.updates.filter((u) => u.kind === 'before').flatMap((u) => u.photos);
  const after = p.updates.filter((u) => u.kind === 'after').flatMap((u) => u.photos);
  const disclosed = DISCLOSED.includes(p.stage);
  return (
    <>
      <PageTitle>{p.title}</PageTitle>
      <div className="stack">
        <Card>
          <Space wrap size={4}>
            <StageTag stage={p.stage} />
            <span>{t('projects.resident.lead', { name: p.lead.name })}</span>
          </Space>
          {p.summary ? <p className="project-text">{p.summary}</p> : null}
          <p>
            {t('common.labelled', { label: t('projects.form.origin'), value: '' })}
            <OriginLink origin={p.origin} />
          </p>
          <p className="hint">
            {t('common.labelled', {
              label: t('projects.roles.supervisor'),
              value: membersOf(p, 'supervisor', t('common.none'), t('common.listSeparator')),
            })}
          </p>
        </Card>
        {p.stage === 'acceptance' || p.acceptance.mine ? (
          <Card title={<h2 className="section-title">{t('projects.resident.acceptTitle')}</h2>}>
            {p.stage === 'acceptance' ? <p>{t('projects.resident.acceptIntro')}</p> : null}
            <AcceptanceBlock project={p} />
          </Card>
        ) : null}
        {disclosed ? (
          <Card title={<h2 className="section-title">{t('projects.resident.disclosureTitle')}</h2>}>
            <div className="stack">
              <Money project={p} />
              <ObjectionsBlock project={p} />
            </div>
          </Card>
        ) : null}
        {['evaluation', 'closed'].includes(p.stage) ? (
          <Card title={<h2 className="section-title">{t('projects.resident.rateTitle')}</h2>}>
            <EvaluationBlock project={p} />
          </Card>
        ) : null}
        {before.length + after.length > 0 ? (
          <Card title={<h2 className="section-title">{t('projects.resident.beforeAfter')}</h2>}>
            <h3 className="section-title">{t('projects.updateKinds.before')}</h3>
            <PhotoList projectId={p.id} photos={before} label={t('projects.updateKinds.before')} />
            <h3 className="section-title">{t('projects.updateKinds.after')}</h3>
            <PhotoList projectId={p.id} photos={after} label={t('projects.updateKinds.after')} />
          </Card>
        ) : null}
        <WorkCard project={p} />
        {disclosed ? null : (
          <Card title={<h2 className="section-title">{t('projects.budget.title')}</h2>}>
            <Lines project={p} />
          </Card>
        )}
        <Link to="/projects">{t('projects.detail.back')}</Link>
      </div>
    </>
  );
}

function Lines({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list project-rows">
      {p.lines.map((l) => (
        <li key={l.id} className="project-row">
          <span>{l.name}</span>
          <span>
            {t('projects.resident.spentOf')} <Yuan fen={l.spentFen} /> /{' '}
            <Yuan fen={l.amountFen + l.extraFen} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** 公示: the settlement by line, the leftover returned, and every expense with its invoices. */
function Money({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const lineName = (id: number) => p.lines.find((l) => l.id === id)?.name ?? '';
  return (
    <section className="stack" aria-labelledby={`money-${p.id}`}>
      <h3 id={`money-${p.id}`} className="section-title">
        {t('projects.budget.title')}
      </h3>
      <Lines project={p} />
      <p>
        {t('projects.resident.totals')} <Yuan fen={p.totals.spentFen} /> /{' '}
        <Yuan fen={p.totals.budgetFen + p.totals.extraFen} />
        {' · '}
        {t('projects.resident.returned')} <Yuan fen={p.totals.leftFen} />
      </p>
      <ul className="plain-list stack">
        {p.expenses.map((e) => (
          <li key={e.postingId} className="project-record">
            <div className="project-row">
              <span>{e.memo}</span>
              <Yuan fen={e.amountFen} />
            </div>
            <p className="hint">
              {e.occurredOn} · {lineName(e.budgetLineId)}
              {e.counterparty ? ` · ${e.counterparty}` : ''}
            </p>
            <Receipts receipts={e.receipts} />
          </li>
        ))}
      </ul>
    </section>
  );
}
