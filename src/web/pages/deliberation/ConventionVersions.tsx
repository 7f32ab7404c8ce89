import { Card, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDay } from '../../components/chinaTime.ts';
import { VersionStatusTag, VoteLink } from './ConventionLabels.tsx';
import type { ConventionVersion } from './conventionsApi.ts';

/** 版本记录: every version shown, newest first, with its status, publication day and adopting vote. */
export function ConventionVersions({ versions }: { versions: ConventionVersion[] }) {
  const { t, i18n } = useTranslation();
  const day = chinaDay(i18n.language);
  return (
    <Card title={<h2 className="section-title">{t('conventions.page.history')}</h2>}>
      <ul className="plain-list convention-versions">
        {versions.map((v) => (
          <li key={v.version} className="convention-version">
            <div className="topic-row-meta">
              <strong>{t('conventions.version', { n: v.version })}</strong>
              <VersionStatusTag status={v.status} />
              {v.publishedAt ? (
                <span>{t('conventions.publishedOn', { date: day(v.publishedAt) })}</span>
              ) : null}
            </div>
            <div className="topic-row-meta">
              {v.voteId ? (
                <VoteLink voteId={v.voteId} />
              ) : (
                <span className="hint">{t('conventions.page.noVote')}</span>
              )}
            </div>
            {v.status === 'superseded' ? (
              <Collapse
                size="small"
                ghost
                items={[
                  {
                    key: 'text',
                    label: t('conventions.page.showText', { n: v.version }),
                    children: <div className="convention-old-text">{v.body}</div>,
                  },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
