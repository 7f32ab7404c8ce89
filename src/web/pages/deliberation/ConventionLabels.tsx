import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TAG } from '../../components/tagColors.ts';
import { VoteStatusTags } from '../votes/voteLabels.tsx';
import { useVote } from '../votes/votesApi.ts';
import type { BreachStatus, VersionStatus } from './conventionsApi.ts';

const VERSION_COLOR: Record<VersionStatus, string> = {
  draft: TAG.warn,
  published: TAG.good,
  superseded: TAG.plain,
};

/** 草稿 / 现行 / 已失效. */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return <Tag color={VERSION_COLOR[status]}>{t(`conventions.status.${status}`)}</Tag>;
}

const BREACH_COLOR: Record<BreachStatus, string> = {
  recorded: TAG.warn,
  referred: TAG.busy,
  resolved: TAG.good,
};

/** 已记录 / 已移交 / 已处理. */
export function BreachStatusTag({ status }: { status: BreachStatus }) {
  const { t } = useTranslation();
  return <Tag color={BREACH_COLOR[status]}>{t(`conventions.breaches.status.${status}`)}</Tag>;
}

/** A link to the vote that adopts (or is to adopt) a version, with its title and result once known. */
export function VoteLink({ voteId }: { voteId: number }) {
  const { t } = useTranslation();
  const vote = useVote(voteId);
  return (
    <span className="convention-vote">
      <Link to={`/votes/${voteId}`}>{vote.data?.title ?? t('conventions.page.vote', { id: voteId })}</Link>
      {vote.data ? <VoteStatusTags status={vote.data.status} passed={vote.data.passed} /> : null}
    </span>
  );
}
