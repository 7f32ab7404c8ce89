import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { areaText } from '../../../modules/deliberation/tally.ts';
import { TAG } from '../../components/tagColors.ts';
import type { Vote, VoteCheck, VoteStatus } from './votesApi.ts';

const STATUS_COLOR: Record<VoteStatus, string> = {
  draft: TAG.plain,
  open: TAG.info,
  closed: TAG.busy,
  cancelled: TAG.warn,
};

/** 草稿 / 进行中 / 已结束 / 已取消, and 通过 / 未通过 once closed. */
export function VoteStatusTags({ status, passed }: { status: VoteStatus; passed: boolean | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{t(`votes.status.${status}`)}</Tag>
      {status === 'closed' && passed !== null ? (
        <Tag color={passed ? TAG.good : TAG.bad}>{passed ? t('votes.passed') : t('votes.failed')}</Tag>
      ) : null}
    </>
  );
}

/** An option key as people read it: 赞成 / 反对, or the option's label. */
export function choiceLabel(t: TFunction, vote: Pick<Vote, 'options'>, key: string): string {
  if (key === 'yes' || key === 'no') return t(`votes.choice.${key}`);
  return vote.options.find((o) => o.key === key)?.label ?? key;
}

/** A ballot's choices in words; none is an abstention. */
export function choicesText(t: TFunction, vote: Pick<Vote, 'options'>, choices: readonly string[]): string {
  return choices.length === 0
    ? t('votes.choice.abstain')
    : choices.map((c) => choiceLabel(t, vote, c)).join(t('common.listSeparator'));
}

/** "≥ 2/3" (reached at the value itself) or "> 1/2" (must exceed it). */
export const thresholdText = (th: VoteCheck['threshold']) => `${th.strict ? '>' : '≥'} ${th.num}/${th.den}`;

/** "num/den (percent)": heads as counted, areas (kept in 0.01 m²) in m². */
export function checkValueText(check: Pick<VoteCheck, 'dimension' | 'value'>): string {
  const { num, den, percent } = check.value;
  const part = (n: string) => (check.dimension === 'area' ? areaText(BigInt(n)) : n);
  return `${part(num)}/${part(den)} (${percent ?? '—'})`;
}

/** Percent of two m² texts or counts for a progress bar only (the figures shown stay exact). */
export function barPercent(part: number | string, whole: number | string): number {
  const p = Number(part);
  const w = Number(whole);
  return w > 0 ? Math.min(100, Math.floor((p * 1000) / w) / 10) : 0;
}
