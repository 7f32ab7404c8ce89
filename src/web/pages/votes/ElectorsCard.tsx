import { Button, Card, Image, Input, Select, Space, Table, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../api/client.ts';
import { rowsOf } from '../../api/cursorPages.ts';
import type { Me } from '../../api/types.ts';
import { useMe } from '../../app/session.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TAG } from '../../components/tagColors.ts';
import { useRequestPlaces } from '../requests/requestsApi.ts';
import { EnterBallotModal } from './EnterBallotModal.tsx';
import { choicesText } from './voteLabels.tsx';
import { type Elector, useElectors, type Vote } from './votesApi.ts';

/** The buildings a building leader collects in at this station (their grants' paths end in b<id>/). */
function ownBuildings(me: Me | null | undefined, stationId: number): { value: number; label: string }[] {
  return (me?.grants ?? []).flatMap((g) => {
    const id = g.stationId === stationId ? /\/b(\d+)\/$/.exec(g.path ?? '')?.[1] : undefined;
    return id ? [{ value: Number(id), label: g.scopeName }] : [];
  });
}

/**
 * The electorate and who has voted, how (线上/纸质/入户) and, in open-ballot votes, what; with 录入纸质选票
 * (ballot.enter) and 入户收票 (ballot.collect, in one's own buildings) while the vote is open.
 */
export function ElectorsCard({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const { enter, collect, read, manage } = vote.abilities;
  const [q, setQ] = useState('');
  const staffWide = read || manage || enter;
  const own = ownBuildings(me, vote.stationId);
  // Building leaders start in (and only see) their own buildings; staff of the station see all of them.
  const [buildingId, setBuilding] = useState<number | null>(() =>
    staffWide ? null : (own[0]?.value ?? null),
  );
  const places = useRequestPlaces(staffWide ? vote.stationId : null);
  const buildings = staffWide
    ? (places.data?.buildings ?? []).map((b) => ({ value: b.id, label: `${b.compoundName} ${b.name}` }))
    : own;
  const pages = useElectors(vote.id, { q: useDeferredValue(q.trim()), buildingId }, true);
  const rows = rowsOf(pages);
  const [entering, setEntering] = useState<{ elector: Elector; channel: 'paper' | 'door' } | null>(null);
  const open = vote.status === 'open';
  return (
    <Card title={<h2 className="section-title">{t('votes.electors.title')}</h2>}>
      <Space wrap className="filters">
        <Input
          aria-label={t('votes.electors.search')}
          placeholder={t('votes.electors.search')}
          allowClear
          maxLength={50}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select<number>
          aria-label={t('votes.electors.building')}
          style={{ minWidth: 160 }}
          value={buildingId ?? 0}
          onChange={(id) => setBuilding(id || null)}
          options={[{ value: 0, label: t('votes.electors.allBuildings') }, ...buildings]}
        />
      </Space>
      {pages.error ? <ProblemAlert error={pages.error} /> : null}
      <ScrollRegion label={t('votes.electors.table')}>
        <Table<Elector>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          loading={pages.isPending}
          dataSource={rows}
          locale={{ emptyText: t('votes.electors.empty') }}
          columns={[
            { title: t('votes.electors.name'), key: 'name', render: (_, e) => e.name ?? '—' },
            { title: t('votes.electors.units'), dataIndex: 'label' },
            { title: t('votes.electors.area'), dataIndex: 'areaM2' },
            {
              title: t('votes.electors.voted'),
              key: 'voted',
              render: (_, e) => (
                <Tag color={e.voted ? TAG.good : TAG.plain}>
                  {e.voted ? t('votes.electors.yes') : t('votes.electors.no')}
                </Tag>
              ),
            },
            {
              title: t('votes.electors.channel'),
              key: 'channel',
              render: (_, e) => (e.channel ? t(`votes.channel.${e.channel}`) : '—'),
            },
            ...(staffWide
              ? [
                  {
                    title: t('votes.electors.enteredBy'),
                    key: 'enteredBy',
                    render: (_: unknown, e: Elector) => e.enteredBy ?? '—',
                  },
                ]
              : []),
            // A secret vote's photo would show the choice: the server never serves it.
            ...(staffWide && !vote.secret
              ? [
                  {
                    title: t('votes.electors.photo'),
                    key: 'photo',
                    render: (_: unknown, e: Elector) =>
                      e.hasPhoto ? <BallotPhoto voteId={vote.id} elector={e} /> : '—',
                  },
                ]
              : []),
            ...(vote.secret
              ? []
              : [
                  {
                    title: t('votes.electors.choices'),
                    key: 'choices',
                    render: (_: unknown, e: Elector) => (e.choices ? choicesText(t, vote, e.choices) : '—'),
                  },
                ]),
            ...(open && (enter || collect)
              ? [
                  {
                    title: t('votes.electors.actions'),
                    key: 'actions',
                    render: (_: unknown, e: Elector) =>
                      // Final ballots: one already counted cannot be replaced (the server refuses).
                      e.voted && vote.ballotsFinal ? (
                        <span className="hint">{t('votes.enter.final')}</span>
                      ) : (
                        <Space wrap size={4}>
                          {enter ? (
                            <Button
                              size="small"
                              aria-label={t('votes.enter.paperFor', { label: e.label })}
                              onClick={() => setEntering({ elector: e, channel: 'paper' })}
                            >
                              {t('votes.enter.paper')}
                            </Button>
                          ) : null}
                          {collect ? (
                            <Button
                              size="small"
                              aria-label={t('votes.enter.doorFor', { label: e.label })}
                              onClick={() => setEntering({ elector: e, channel: 'door' })}
                            >
                              {t('votes.enter.door')}
                            </Button>
                          ) : null}
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </ScrollRegion>
      <LoadMore pages={pages} block />
      {entering ? (
        <EnterBallotModal
          vote={vote}
          elector={entering.elector}
          channel={entering.channel}
          onClose={() => setEntering(null)}
        />
      ) : null}
    </Card>
  );
}

/** The signed ballot's photo: a small copy in the row, the full one on click. */
function BallotPhoto({ voteId, elector }: { voteId: number; elector: Elector }) {
  const { t } = useTranslation();
  const url = (size: 'thumb' | 'full') =>
    `${API_BASE}/votes/${voteId}/electors/${elector.id}/ballot-photo?size=${size}`;
  return (
    <Image
      width={40}
      height={40}
      src={url('thumb')}
      preview={{ src: url('full') }}
      alt={t('votes.electors.photoAlt', { label: elector.label })}
    />
  );
}
