import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { VoteSummary } from '../votes/votesApi.ts';
import { VoteLink } from './ConventionLabels.tsx';
import { type ConventionVersion, useLinkVote, useYesNoVotes } from './conventionsApi.ts';

/** 关联表决: the draft's adopting vote, chosen from the station's yes / no votes. */
export function ConventionVotePicker(props: {
  conventionId: number;
  stationId: number;
  draft: ConventionVersion;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { draft } = props;
  const candidates = useYesNoVotes(props.stationId, true);
  const link = useLinkVote(props.conventionId);
  const [chosen, setChosen] = useState(draft.voteId ? String(draft.voteId) : '');
  const statusOf = (v: VoteSummary) =>
    v.status === 'closed' && v.passed !== null
      ? `${t(`votes.status.${v.status}`)} · ${t(v.passed ? 'votes.passed' : 'votes.failed')}`
      : t(`votes.status.${v.status}`);
  return (
    <div className="convention-vote-picker">
      {draft.voteId ? (
        <p>
          {t('conventions.manage.linkedVote')}
          <VoteLink voteId={draft.voteId} />
        </p>
      ) : (
        <p className="hint">{t('conventions.page.noVote')}</p>
      )}
      <div className="topic-tools">
        <NativeSelect
          label={t('conventions.manage.vote')}
          placeholder={t('conventions.manage.votePlaceholder')}
          value={chosen}
          onChange={setChosen}
          disabled={candidates.isPending && candidates.votes.length === 0}
          options={candidates.votes.map((v) => ({
            value: String(v.id),
            label: t('conventions.manage.voteOption', { title: v.title, status: statusOf(v) }),
          }))}
        />
        <Button
          loading={link.isPending}
          disabled={!chosen || Number(chosen) === draft.voteId}
          onClick={() =>
            link.mutate(
              { version: draft.version, voteId: Number(chosen) },
              { onSuccess: () => void message.success(t('conventions.manage.linked')) },
            )
          }
        >
          {t('conventions.manage.link')}
        </Button>
      </div>
      <p className="hint">{t('conventions.manage.voteHint')}</p>
      {!candidates.isPending && candidates.votes.length === 0 ? (
        <Space wrap>
          <span className="hint">{t('conventions.manage.noVotes')}</span>
          <Link to={`/votes/new?station=${props.stationId}`}>{t('conventions.manage.newVote')}</Link>
        </Space>
      ) : null}
      {candidates.error ? <ProblemAlert error={candidates.error} /> : null}
      {link.error ? <ProblemAlert error={link.error} /> : null}
    </div>
  );
}
