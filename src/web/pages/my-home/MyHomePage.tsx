import { useQueryClient } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Claim } from '../../api/types.ts';
import { ME_KEY, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { ClaimForm } from './ClaimForm.tsx';
import { useMyClaims } from './claimApi.ts';

const STATUS_COLOR: Record<Claim['status'], string> = {
  pending: TAG.warn,
  verified: TAG.good,
  rejected: TAG.bad,
};

function relationLabel(
  t: (k: `relations.${'owner' | 'tenant' | 'member'}`) => string,
  relation: string,
): string {
  return relation === 'owner' || relation === 'tenant' || relation === 'member'
    ? t(`relations.${relation}`)
    : relation;
}

export default function MyHomePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data;
  const claims = useMyClaims();

  // A claim may have been verified since /me was read.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: ME_KEY });
  }, [client]);

  if (!me) return null;
  return (
    <>
      <PageTitle>{t('myHome.title')}</PageTitle>
      <div className="stack">
        <Card title={<h2 className="section-title">{t('myHome.myHouseholds')}</h2>}>
          {me.households.length === 0 ? (
            <p>{t('myHome.none')}</p>
          ) : (
            <List
              dataSource={me.households}
              renderItem={(h) => (
                <List.Item key={h.householdId}>
                  <span className="household-line">
                    {h.compoundName} {h.label}
                  </span>
                  <Tag>{relationLabel(t, h.relation)}</Tag>
                  <Link to={`/stations/${h.stationId}`}>{t('myHome.stationRules')}</Link>
                  <Link to="/votes">{t('votes.home.stationVotes')}</Link>
                  <Link to={`/deliberation?station=${h.stationId}`}>
                    {t('deliberation.home.stationLink')}
                  </Link>
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card title={<h2 className="section-title">{t('myHome.claim')}</h2>}>
          <p>{t('myHome.claimIntro')}</p>
          <ClaimForm defaultName={me.displayName} />
        </Card>
        <Card title={<h2 className="section-title">{t('myHome.myClaims')}</h2>}>
          {claims.error ? <ProblemAlert error={claims.error} /> : null}
          <List<Claim>
            loading={claims.isPending}
            dataSource={claims.data ?? []}
            locale={{ emptyText: t('myHome.noClaims') }}
            renderItem={(c) => (
              <List.Item key={c.id}>
                <div>
                  <div>
                    {c.householdLabel} · {c.claimedName} · {t(`relations.${c.relation}`)}
                  </div>
                  {c.reason ? <div>{t('myHome.reason', { reason: c.reason })}</div> : null}
                </div>
                <Tag color={STATUS_COLOR[c.status]}>{t(`myHome.status.${c.status}`)}</Tag>
              </List.Item>
            )}
          />
        </Card>
      </div>
    </>
  );
}
