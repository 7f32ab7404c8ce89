import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import './deliberation.css';
import { chinaDay } from '../../components/chinaTime.ts';
import { ConventionBreaches } from './ConventionBreaches.tsx';
import { ConventionDraft } from './ConventionDraft.tsx';
import { VoteLink } from './ConventionLabels.tsx';
import { ConventionVersions } from './ConventionVersions.tsx';
import { type Convention, useConvention } from './conventionsApi.ts';

/**
 * One convention 公约: the text in force, large and as written, with the vote that adopted it; its
 * versions; for staff who manage deliberation the next draft, its vote and publishing; for staff the
 * breaches and their referral. Residents see published versions only (the server sends nothing else).
 */
export default function ConventionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const convention = useConvention(id);
  if (convention.isPending) return <Loading />;
  if (convention.error) return <ProblemAlert error={convention.error} />;
  const c = convention.data;
  return (
    <>
      <PageTitle>{c.title}</PageTitle>
      <div className="stack">
        <TextInForce convention={c} />
        {c.abilities.manage ? <ConventionDraft convention={c} /> : null}
        <ConventionVersions versions={c.versions} />
        {c.abilities.record && c.breaches ? (
          <ConventionBreaches convention={c} breaches={c.breaches} />
        ) : null}
        <Link to={`/deliberation?station=${c.stationId}&tab=conventions`}>{t('conventions.page.back')}</Link>
      </div>
    </>
  );
}

function TextInForce({ convention: c }: { convention: Convention }) {
  const { t, i18n } = useTranslation();
  const inForce = c.versions.find((v) => v.status === 'published');
  if (!inForce) {
    return (
      <Card>
        <p className="hint">{t('conventions.page.noText')}</p>
      </Card>
    );
  }
  const heading = inForce.publishedAt
    ? t('conventions.page.textOf', { n: inForce.version, date: chinaDay(i18n.language)(inForce.publishedAt) })
    : t('conventions.page.text');
  return (
    <Card title={<h2 className="section-title convention-heading">{heading}</h2>}>
      <div className="convention-text">{inForce.body}</div>
      {inForce.voteId ? (
        <p className="convention-adopted">
          {t('conventions.page.adoptedBy')}
          <VoteLink voteId={inForce.voteId} />
        </p>
      ) : null}
    </Card>
  );
}
