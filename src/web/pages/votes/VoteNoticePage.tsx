import { Button } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePrintDocument } from '../../components/usePrintDocument.ts';
import { checkValueText, choiceLabel, thresholdText } from './voteLabels.tsx';
import { useVote } from './votesApi.ts';
import './vote-notice.css';
import { chinaDateTime } from '../../components/chinaTime.ts';

/**
 * The result's notice 表决结果公示 for the notice board: one A4 sheet with the rule, both dimensions
 * against every threshold, the counts per option, the digest of all ballots, and a QR code to the vote's
 * page where residents check their receipts. Printing leaves the app's navigation out.
 */
export default function VoteNoticePage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const vote = useVote(id);
  const [qr, setQr] = useState<string | null>(null);
  const pageUrl = `${window.location.origin}/votes/${id}`;

  usePrintDocument();
  useEffect(() => {
    void QRCode.toDataURL(pageUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(setQr);
  }, [pageUrl]);

  if (vote.isPending) return <Loading />;
  if (vote.error) return <ProblemAlert error={vote.error} />;
  const v = vote.data;
  if (v.status !== 'closed' || !v.result) {
    return <p>{t('votes.notice.notClosed')}</p>;
  }
  const r = v.result;
  const at = chinaDateTime(i18n.language);
  return (
    <article className="notice-sheet" aria-labelledby="notice-title">
      <div className="no-print notice-actions">
        <Button type="primary" onClick={() => window.print()}>
          {t('votes.notice.print')}
        </Button>
        <Link to={`/votes/${id}`}>{t('votes.detail.back')}</Link>
      </div>
      <p className="notice-station">{v.stationName}</p>
      <h1 id="notice-title" className="notice-title">
        {t('votes.notice.title', { title: v.title })}
      </h1>
      {v.body ? <p>{v.body}</p> : null}
      <p>
        {t('votes.notice.rule', {
          rule: t(`votes.rule.${v.rule}`),
          electorate: t(`votes.electorate.${v.electorate}`),
          closedAt: v.closedAt ? at(v.closedAt) : '',
        })}
      </p>
      <p className={`notice-verdict ${r.passed ? 'vote-passed' : 'vote-failed'}`}>
        {r.passed ? t('votes.result.passed') : t('votes.result.failed')}
      </p>
      <table className="notice-table">
        <caption>{t('votes.result.checks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('votes.notice.check')}</th>
            <th scope="col">{t('votes.notice.value')}</th>
            <th scope="col">{t('votes.notice.threshold')}</th>
            <th scope="col">{t('votes.notice.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {r.checks.map((c) => (
            <tr key={`${c.stage}-${c.option ?? ''}-${c.dimension}`}>
              <td>
                {t(`votes.stage.${c.stage}`)} · {t(`votes.dimension.${c.dimension}`)}
                {c.option && v.method !== 'yesNo' ? ` · ${choiceLabel(t, v, c.option)}` : ''}
              </td>
              <td>{checkValueText(c)}</td>
              <td>{thresholdText(c.threshold)}</td>
              <td>{c.pass ? t('votes.notice.pass') : t('votes.notice.fail')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="notice-table">
        <caption>{t('votes.notice.counts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('votes.notice.choice')}</th>
            <th scope="col">{t('votes.notice.heads')}</th>
            <th scope="col">{t('votes.notice.area')}</th>
          </tr>
        </thead>
        <tbody>
          {[
            ...r.options.map((o) => ({ key: o.option, name: choiceLabel(t, v, o.option), ...o })),
            { key: 'abstain', name: t('votes.result.abstain'), ...r.abstentions },
            { key: 'total', name: t('votes.result.total'), ...r.participation },
            { key: 'electorate', name: t('votes.result.electorate'), ...r.electorate },
          ].map((row) => (
            <tr key={row.key}>
              <td>{row.name}</td>
              <td>{row.heads}</td>
              <td>{row.areaM2}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="notice-check">
        <div>
          <p>{t('votes.notice.howToCheck')}</p>
          <p>
            {t('votes.notice.digest')}
            <code className="notice-digest">{v.digest}</code>
          </p>
          <p className="notice-url">{pageUrl}</p>
        </div>
        {qr ? (
          <img className="notice-qr" src={qr} alt={t('votes.notice.qrAlt')} width={120} height={120} />
        ) : null}
      </div>
    </article>
  );
}
