import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { TAG } from '../../components/tagColors.ts';
import type { Project, ProjectStage } from './projectsApi.ts';

const STAGE_COLOR: Record<ProjectStage, string> = {
  application: TAG.plain,
  approval: TAG.warn,
  implementation: TAG.busy,
  acceptance: TAG.info,
  settlement: TAG.info,
  disclosure: TAG.info,
  evaluation: TAG.info,
  closed: TAG.good,
  rejected: TAG.bad,
  withdrawn: TAG.plain,
};

export function StageTag({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLOR[stage]}>{t(`projects.stages.${stage}`)}</Tag>;
}

/** "1,234.50 元" for fen. */
export function useYuan() {
  const { t } = useTranslation();
  return (fen: number) => t('projects.yuan', { amount: yuanText(fen) });
}

/** An amount, right-aligned in tables with tabular digits. */
export function Yuan({ fen }: { fen: number }) {
  const yuan = useYuan();
  return <span className="project-amount">{yuan(fen)}</span>;
}

const ORIGIN_PATH = { topic: '/topics', vote: '/votes', meeting: '/meetings' } as const;

export function OriginLink({ origin }: { origin: Project['origin'] }) {
  const { t } = useTranslation();
  if (!origin) return <>{t('projects.detail.noOrigin')}</>;
  return (
    <Link to={`${ORIGIN_PATH[origin.kind]}/${origin.id}`}>
      {t('projects.form.originOf', { kind: t(`projects.origins.${origin.kind}`), title: origin.title })}
    </Link>
  );
}

/** The names of a role's members, or 暂无. */
export function membersOf(p: Project, role: Project['members'][number]['role'], none: string, sep: string) {
  const names = p.members.filter((m) => m.role === role).map((m) => m.name);
  return names.length > 0 ? names.join(sep) : none;
}
