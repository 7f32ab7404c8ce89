import { Alert, Button, Card, Descriptions, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { CeaseModal, MemberModal, MoveModal, TermModal } from './MemberModals.tsx';
import { ViolationList } from './StationTags.tsx';
import { type Council, type Member, useCouncil, usePolicy } from './stationsApi.ts';

/** 理事会: the term's verdict first, then its members (with history on demand), terms and the policy. */
export function CouncilTab({ stationId, manage }: { stationId: number; manage: boolean }) {
  const { t } = useTranslation();
  const [termId, setTermId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'term' | 'member' | { move: Member } | { cease: Member } | null>(null);
  const [history, setHistory] = useState(false);
  const council = useCouncil(stationId, termId);
  if (council.isPending) return <Loading />;
  if (council.error) return <ProblemAlert error={council.error} />;
  const { term, terms, violations } = council.data;
  const members = council.data.members.filter((m) => history || m.leftOn === null);
  const close = () => setDialog(null);
  return (
    <div className="stack">
      {term ? (
        violations.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('council.council.violationsTitle')}
            description={<ViolationList violations={violations} />}
          />
        ) : (
          <Alert type="success" showIcon title={t('council.council.compliant')} />
        )
      ) : null}
      <Card
        title={<h2 className="section-title">{t('council.council.members')}</h2>}
        extra={
          <Space wrap>
            {terms.length > 0 ? (
              <Select
                aria-label={t('council.council.term')}
                style={{ minWidth: 260 }}
                value={term?.id}
                onChange={(v) => setTermId(v)}
                options={terms.map((x) => ({
                  value: x.id,
                  label: `${t('council.council.termLabel', { number: x.number, from: x.startsOn, to: x.endsOn })}${
                    x.current ? ` · ${t('council.council.currentTerm')}` : ''
                  }`,
                }))}
              />
            ) : null}
            {manage ? (
              <Button onClick={() => setDialog('term')}>{t('council.council.addTerm')}</Button>
            ) : null}
            {manage && term ? (
              <Button type="primary" onClick={() => setDialog('member')}>
                {t('council.council.addMember')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {term === null ? <p>{t('council.council.noTerm')}</p> : null}
        {term ? (
          <>
            <span>
              <Switch aria-label={t('council.council.showHistory')} checked={history} onChange={setHistory} />{' '}
              {t('council.council.showHistory')}
            </span>
            <MembersTable
              members={members}
              manage={manage}
              onMove={(m) => setDialog({ move: m })}
              onCease={(m) => setDialog({ cease: m })}
            />
          </>
        ) : null}
      </Card>
      <PolicyCard stationId={stationId} />
      {dialog === 'term' ? (
        <TermModal stationId={stationId} terms={terms} onCreated={setTermId} onClose={close} />
      ) : null}
      {dialog === 'member' && term ? <MemberModal stationId={stationId} term={term} onClose={close} /> : null}
      {dialog && typeof dialog === 'object' && 'move' in dialog ? (
        <MoveModal stationId={stationId} member={dialog.move} onClose={close} />
      ) : null}
      {dialog && typeof dialog === 'object' && 'cease' in dialog ? (
        <CeaseModal stationId={stationId} member={dialog.cease} onClose={close} />
      ) : null}
    </div>
  );
}

function MembersTable(props: {
  members: Council['members'];
  manage: boolean;
  onMove: (m: Member) => void;
  onCease: (m: Member) => void;
}) {
  const { t } = useTranslation();
  const status = (m: Member) => {
    if (m.leftOn === null) return t('council.council.active');
    if (m.leftReason === 'moved') return t('council.council.moved', { on: m.leftOn });
    return t('council.council.left', { on: m.leftOn, reason: m.leftReason ?? '' });
  };
  return (
    <ScrollRegion label={t('council.council.members')}>
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.members}
        columns={[
          { title: t('council.council.name'), dataIndex: 'name' },
          {
            title: t('council.council.position'),
            dataIndex: 'position',
            render: (p: Member['position']) => t(`council.position.${p}`),
          },
          {
            title: t('council.council.affiliations'),
            dataIndex: 'affiliations',
            render: (list: Member['affiliations']) =>
              list.map((a) => <Tag key={a}>{t(`council.affiliation.${a}`)}</Tag>),
          },
          {
            title: t('council.council.livesIn'),
            dataIndex: 'livesInCompound',
            render: (yes: boolean) => (yes ? t('common.yes') : t('common.no')),
          },
          {
            title: t('council.council.nominated'),
            key: 'nominated',
            render: (_, m) => [m.nominatedBy, m.nominatedOn].filter(Boolean).join(' · '),
          },
          { title: t('council.council.joinedOn'), dataIndex: 'joinedOn' },
          { title: t('council.council.status'), key: 'status', render: (_, m) => status(m) },
          {
            title: t('council.council.portfolios'),
            dataIndex: 'portfolios',
            render: (list: string[]) => list.join('、'),
          },
          ...(props.manage
            ? [
                {
                  title: t('council.council.actions'),
                  key: 'actions',
                  render: (_: unknown, m: Member) =>
                    m.leftOn === null ? (
                      <Space>
                        <Button
                          size="small"
                          aria-label={t('council.council.moveOne', { name: m.name })}
                          onClick={() => props.onMove(m)}
                        >
                          {t('council.council.move')}
                        </Button>
                        <Button
                          size="small"
                          aria-label={t('council.council.ceaseOne', { name: m.name })}
                          onClick={() => props.onCease(m)}
                        >
                          {t('council.council.cease')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </ScrollRegion>
  );
}

function PolicyCard({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const policy = usePolicy(stationId);
  if (!policy.data) return policy.error ? <ProblemAlert error={policy.error} /> : null;
  const { policy: p, sources } = policy.data;
  const from = (key: string) => {
    const s = sources[key];
    if (!s || s.level === 'default') return t('council.policy.default');
    return s.level === 'station'
      ? t('council.policy.station')
      : t('council.policy.area', { name: s.name ?? '' });
  };
  const sd = p.standingDirectors;
  const rows: [string, string, string][] = [
    [
      'standingDirectors',
      t('council.policy.standing'),
      sd.min === sd.max ? `${sd.min}` : `${sd.min}–${sd.max}`,
    ],
    ['chairs', t('council.policy.chairs'), `${p.chairs}`],
    ['residentShareMin', t('council.policy.share'), `${p.residentShareMin.num}/${p.residentShareMin.den}`],
    [
      'standingDirectorsLiveInCompound',
      t('council.policy.live'),
      p.standingDirectorsLiveInCompound ? t('common.yes') : t('common.no'),
    ],
  ];
  return (
    <Card title={<h2 className="section-title">{t('council.policy.title')}</h2>}>
      <Descriptions column={1} size="small">
        {rows.map(([key, label, value]) => (
          <Descriptions.Item key={key} label={label}>
            {value}（{t('council.policy.source')}：{from(key)}）
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
