import { Alert, Button, Card, Checkbox, Radio, Tag } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { choicesText } from './voteLabels.tsx';
import { type CastReceipt, useCastBallot, type Vote } from './votesApi.ts';

type Mine = Vote['mine'][number];

/** The voter's ballot for each head they cast for (usually one): on a phone, big buttons, a confirm step, the receipt. */
export function MyBallot({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const staff =
    vote.abilities.read || vote.abilities.manage || vote.abilities.enter || vote.abilities.collect;
  if (vote.mine.length === 0) {
    return staff ? null : <Alert type="info" showIcon title={t('votes.ballot.noBallot')} />;
  }
  return (
    <>
      {vote.mine.map((m) => (
        <BallotCard key={m.electorId} vote={vote} elector={m} several={vote.mine.length > 1} />
      ))}
    </>
  );
}

function BallotCard({ vote, elector, several }: { vote: Vote; elector: Mine; several: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const cast = useCastBallot(vote.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [receipt, setReceipt] = useState<CastReceipt | null>(null);
  // Voting again (allowed unless ballots are final) is asked for explicitly, so no tap changes a ballot by chance.
  const [revoting, setRevoting] = useState(false);
  const showChoices = !elector.voted || (revoting && !vote.ballotsFinal);
  // The pressed button is gone once the confirm step shows: move focus there.
  const confirmRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const submit = (choices: string[]) => {
    cast.reset();
    setConfirming(choices);
  };
  return (
    <Card
      className="ballot-card"
      aria-labelledby={headingId}
      title={
        <h2 id={headingId} className="section-title">
          {several ? t('votes.ballot.for', { label: elector.label }) : t('votes.ballot.title')}
        </h2>
      }
    >
      <p>
        <Tag color={elector.voted ? TAG.good : TAG.warn}>
          {elector.voted ? t('votes.ballot.voted') : t('votes.ballot.notVoted')}
        </Tag>
        {elector.voted ? (vote.ballotsFinal ? t('votes.ballot.final') : t('votes.ballot.revote')) : null}
      </p>
      {receipt ? <Receipt code={receipt.receipt} /> : null}
      {confirming ? (
        <section
          ref={confirmRef}
          tabIndex={-1}
          className="ballot-confirm"
          aria-label={t('votes.ballot.confirmTitle')}
        >
          <h3 className="section-title">{t('votes.ballot.confirmTitle')}</h3>
          <p className="ballot-confirm-choice">
            {t('votes.ballot.confirmText', { choice: choicesText(t, vote, confirming) })}
          </p>
          {vote.ballotsFinal ? <p>{t('votes.ballot.confirmFinal')}</p> : null}
          {cast.error ? <ProblemAlert error={cast.error} /> : null}
          <div className="ballot-buttons">
            <Button
              type="primary"
              size="large"
              block
              loading={cast.isPending}
              onClick={() =>
                cast.mutate(
                  { choices: confirming, ...(several ? { electorId: elector.electorId } : {}) },
                  {
                    onSuccess: (r) => {
                      setReceipt(r);
                      setConfirming(null);
                      setChosen([]);
                      setRevoting(false);
                    },
                  },
                )
              }
            >
              {t('votes.ballot.confirm')}
            </Button>
            <Button size="large" block onClick={() => setConfirming(null)}>
              {t('votes.ballot.back')}
            </Button>
          </div>
        </section>
      ) : showChoices ? (
        <Choices vote={vote} chosen={chosen} onChosen={setChosen} onSubmit={submit} />
      ) : vote.ballotsFinal ? null : (
        <Button size="large" block onClick={() => setRevoting(true)}>
          {t('votes.ballot.revoteButton')}
        </Button>
      )}
    </Card>
  );
}

/** 赞成 / 反对 / 弃权 as big buttons; options as radios (single) or checkboxes up to maxChoices (multi). */
function Choices(props: {
  vote: Vote;
  chosen: string[];
  onChosen: (c: string[]) => void;
  onSubmit: (c: string[]) => void;
}) {
  const { t } = useTranslation();
  const { vote, chosen } = props;
  const abstain = (
    <Button size="large" block className="vote-choice" onClick={() => props.onSubmit([])}>
      {t('votes.choice.abstain')}
    </Button>
  );
  if (vote.method === 'yesNo') {
    return (
      <div className="ballot-buttons">
        <Button
          type="primary"
          size="large"
          block
          className="vote-choice"
          onClick={() => props.onSubmit(['yes'])}
        >
          {t('votes.choice.yes')}
        </Button>
        <Button danger size="large" block className="vote-choice" onClick={() => props.onSubmit(['no'])}>
          {t('votes.choice.no')}
        </Button>
        {abstain}
      </div>
    );
  }
  const options = vote.options.map((o) => ({ value: o.key, label: o.label }));
  const label =
    vote.method === 'multi' ? t('votes.ballot.chooseUpTo', { n: vote.maxChoices }) : t('votes.ballot.choose');
  return (
    <div className="stack">
      <p>{label}</p>
      {vote.method === 'single' ? (
        <Radio.Group
          role="radiogroup"
          aria-label={label}
          className="ballot-options"
          value={chosen[0] ?? null}
          onChange={(e) => props.onChosen([e.target.value as string])}
          options={options}
        />
      ) : (
        <Checkbox.Group
          aria-label={label}
          className="ballot-options"
          value={chosen}
          onChange={(v) => props.onChosen(v.map(String))}
          options={options.map((o) => ({
            ...o,
            disabled: !chosen.includes(o.value) && chosen.length >= vote.maxChoices,
          }))}
        />
      )}
      <div className="ballot-buttons">
        <Button
          type="primary"
          size="large"
          block
          className="vote-choice"
          disabled={chosen.length === 0}
          onClick={() => props.onSubmit(chosen)}
        >
          {t('votes.ballot.submit')}
        </Button>
        {abstain}
      </div>
    </div>
  );
}

/** The receipt code, shown once, large, with why to keep it. */
export function Receipt({ code, title, note }: { code: string; title?: string; note?: string }) {
  const { t } = useTranslation();
  return (
    <div className="receipt" role="status">
      <p className="receipt-title">{title ?? t('votes.ballot.receiptTitle')}</p>
      <p className="receipt-code" translate="no">
        {code}
      </p>
      <p className="receipt-note">{note ?? t('votes.ballot.receiptNote')}</p>
    </div>
  );
}
