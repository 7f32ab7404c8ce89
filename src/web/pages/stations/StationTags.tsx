import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TAG } from '../../components/tagColors.ts';
import type { Stage, StationRow } from './stationsApi.ts';

const STAGE_COLORS: Record<Stage, string> = {
  preparing: TAG.warn,
  operating: TAG.good,
  suspended: TAG.plain,
};

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[stage]}>{t(`council.stage.${stage}`)}</Tag>;
}

/** OK, no council, or the number of broken rules as a red tag (the messages in its title). */
export function ComplianceTag({ compliance }: { compliance: StationRow['compliance'] }) {
  const { t, i18n } = useTranslation();
  if (compliance.termId === null) return <Tag>{t('council.list.noTerm')}</Tag>;
  if (compliance.violations.length === 0) return <Tag color={TAG.good}>{t('council.list.ok')}</Tag>;
  const en = i18n.language.startsWith('en');
  return (
    <Tag color={TAG.bad} title={compliance.violations.map((v) => (en ? v.en : v.zh)).join('\n')}>
      {t('council.list.violations', { count: compliance.violations.length })}
    </Tag>
  );
}

/** The broken rules, in the UI language. */
export function ViolationList({ violations }: { violations: StationRow['compliance']['violations'] }) {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <ul className="problem-lines">
      {violations.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same rule may be broken twice; order is stable
        <li key={i}>{en ? v.en : v.zh}</li>
      ))}
    </ul>
  );
}
