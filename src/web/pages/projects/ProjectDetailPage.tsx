import { Card, Descriptions, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isStaff, useMe } from '../../app/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ApprovalsCard } from './ApprovalsCard.tsx';
import { BudgetCard } from './BudgetCard.tsx';
import { ExpensesCard } from './ExpensesCard.tsx';
import { membersOf, OriginLink, StageTag } from './labels.tsx';
import { ProjectMoves } from './ProjectMoves.tsx';
import { MAIN_PATH, type Project, useProject } from './projectsApi.ts';
import { AcceptanceBlock, EvaluationBlock, ObjectionsBlock } from './ResidentParts.tsx';
import { ResidentProjectView } from './ResidentProjectView.tsx';
import { WorkCard } from './WorkCard.tsx';
import './projects.css';

/** One project: the staff's desk view on a desktop, the residents' view on a phone. */
export default function ProjectDetailPage() {
  const id = Number(useParams().id);
  const me = useMe().data;
  const project = useProject(id);
  if (project.isPending) return <Loading />;
  if (project.error) return <ProblemAlert error={project.error} />;
  return isStaff(me) ? (
    <StaffProjectView project={project.data} />
  ) : (
    <ResidentProjectView project={project.data} />
  );
}

const AFTER_SETTLEMENT = ['disclosure', 'evaluation', 'closed'];

function StaffProjectView({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const at = MAIN_PATH.indexOf(p.stage);
  const sep = t('common.listSeparator');
  const none = t('common.none');
  return (
    <>
      <PageTitle extra={<StageTag stage={p.stage} />}>{p.title}</PageTitle>
      <div className="stack">
        <Card>
          <Steps
            size="small"
            className="project-steps"
            current={Math.max(at, 0)}
            status={at < 0 ? 'error' : p.stage === 'closed' ? 'finish' : 'process'}
            items={MAIN_PATH.map((s) => ({ title: t(`projects.stages.${s}`) }))}
          />
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'summary', label: t('projects.form.summary'), children: p.summary || none },
              { key: 'origin', label: t('projects.form.origin'), children: <OriginLink origin={p.origin} /> },
              { key: 'lead', label: t('projects.form.lead'), children: p.lead.name },
              { key: 'team', label: t('projects.roles.team'), children: membersOf(p, 'team', none, sep) },
              {
                key: 'sup',
                label: t('projects.roles.supervisor'),
                children: membersOf(p, 'supervisor', none, sep),
              },
              {
                key: 'partner',
                label: t('projects.roles.partner'),
                children: membersOf(p, 'partner', none, sep),
              },
              ...(p.objectionsUntil
                ? [{ key: 'until', label: t('projects.detail.objectionsUntil'), children: p.objectionsUntil }]
                : []),
            ]}
          />
          <ProjectMoves project={p} />
          <p>
            <Link to={`/projects?station=${p.stationId}`}>{t('projects.detail.back')}</Link>
          </p>
        </Card>
        <ApprovalsCard project={p} />
        <BudgetCard project={p} />
        <ExpensesCard project={p} />
        <WorkCard project={p} />
        {['acceptance', 'settlement', ...AFTER_SETTLEMENT].includes(p.stage) ? (
          <Card title={<h2 className="section-title">{t('projects.residents.title')}</h2>}>
            <div className="stack">
              <AcceptanceBlock project={p} />
              {AFTER_SETTLEMENT.includes(p.stage) ? <ObjectionsBlock project={p} /> : null}
              {['evaluation', 'closed'].includes(p.stage) ? <EvaluationBlock project={p} /> : null}
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
