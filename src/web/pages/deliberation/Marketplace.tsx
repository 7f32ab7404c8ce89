import { App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  type SpaceBoard,
  type SpaceTopic,
  useAddGridLine,
  usePlaceSpaceTopic,
  usePostSpaceTopic,
} from './deliberationApi.ts';

/** 议题集市: anyone invited posts a topic (and convenes its group); the topics waiting for a place on the grid. */
export function Marketplace({ board }: { board: SpaceBoard }) {
  const { t } = useTranslation();
  const m = 'deliberation.space.market';
  const waiting = board.topics.filter((x) => x.slotId === null || x.placeId === null);
  return (
    <div className="stack">
      <p>{t(`${m}.intro`)}</p>
      {board.status === 'planned' ? <PostTopic board={board} /> : <p className="hint">{t(`${m}.closed`)}</p>}
      <h3 className="section-title">{t(`${m}.waiting`, { n: waiting.length })}</h3>
      {waiting.length === 0 ? (
        <p className="hint">{t(`${m}.noneWaiting`)}</p>
      ) : (
        <ul className="plain-list market-list">
          {waiting.map((x) => (
            <li key={x.id} className="market-item">
              <div className="market-title">{x.title}</div>
              <div className="hint">{t('deliberation.space.group.convener', { name: x.convener })}</div>
              {board.canArrange ? <PlaceTopic board={board} topic={x} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A participant posts a topic while the meeting is planned. */
function PostTopic({ board }: { board: SpaceBoard }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const post = usePostSpaceTopic(board.meetingId);
  const [title, setTitle] = useState('');
  const m = 'deliberation.space.market';
  return (
    <Form
      layout="vertical"
      component="form"
      className="market-post"
      onFinish={() =>
        title.trim() &&
        post.mutate(title.trim(), {
          onSuccess: () => {
            setTitle('');
            void message.success(t(`${m}.posted`));
          },
        })
      }
    >
      <Form.Item label={t(`${m}.titleLabel`)} htmlFor="space-topic-title">
        <Input
          id="space-topic-title"
          maxLength={200}
          value={title}
          placeholder={t(`${m}.placeholder`)}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Form.Item>
      {post.error ? <ProblemAlert error={post.error} /> : null}
      <Button type="primary" htmlType="submit" loading={post.isPending} disabled={!title.trim()}>
        {t(`${m}.post`)}
      </Button>
    </Form>
  );
}

/**
 * Staff lay a topic on the grid: one of the empty cells (slot × place). A topic already there moves the
 * same way; a group with members only within its slot (the server holds the same rule).
 */
export function PlaceTopic({ board, topic }: { board: SpaceBoard; topic: SpaceTopic }) {
  const { t } = useTranslation();
  const place = usePlaceSpaceTopic();
  const [cell, setCell] = useState('');
  const m = 'deliberation.space.market';
  const moving = topic.slotId !== null && topic.placeId !== null;
  const taken = new Set(board.topics.map((x) => `${x.slotId}:${x.placeId}`));
  const options = board.slots
    .filter((s) => !moving || topic.members === 0 || s.id === topic.slotId)
    .flatMap((s) =>
      board.places
        .filter((p) => !taken.has(`${s.id}:${p.id}`))
        .map((p) => ({ value: `${s.id}:${p.id}`, label: `${s.label} · ${p.name}` })),
    );
  if (options.length === 0) return moving ? null : <p className="hint">{t(`${m}.gridFull`)}</p>;
  return (
    <div className="market-place">
      <NativeSelect
        label={t(moving ? `${m}.moveCellFor` : `${m}.cellFor`, { title: topic.title })}
        placeholder={t(`${m}.pickCell`)}
        options={options}
        value={cell}
        onChange={setCell}
      />
      <Button
        disabled={!cell}
        loading={place.isPending}
        aria-label={t(moving ? `${m}.moveFor` : `${m}.placeFor`, { title: topic.title })}
        onClick={() => {
          const [slotId, placeId] = cell.split(':').map(Number) as [number, number];
          place.mutate({ id: topic.id, slotId, placeId }, { onSuccess: () => setCell('') });
        }}
      >
        {t(moving ? `${m}.move` : `${m}.place`)}
      </Button>
      {moving && topic.members > 0 ? <p className="hint">{t(`${m}.moveHint`)}</p> : null}
      {place.error ? <ProblemAlert error={place.error} /> : null}
    </div>
  );
}

/** Staff lay out the grid: time slots (rows) and places (columns). */
export function GridEditor({ board }: { board: SpaceBoard }) {
  const { t } = useTranslation();
  return (
    <Space wrap align="start" size="large" className="grid-editor">
      <GridLineForm meetingId={board.meetingId} kind="slot" existing={board.slots.map((s) => s.label)} />
      <GridLineForm meetingId={board.meetingId} kind="place" existing={board.places.map((p) => p.name)} />
      <p className="hint">{t('deliberation.space.arrange.hint')}</p>
    </Space>
  );
}

function GridLineForm(props: { meetingId: number; kind: 'slot' | 'place'; existing: string[] }) {
  const { t } = useTranslation();
  const add = useAddGridLine(props.meetingId, props.kind);
  const [name, setName] = useState('');
  const a = 'deliberation.space.arrange';
  const id = `space-${props.kind}-name`;
  return (
    <Form
      layout="vertical"
      component="form"
      onFinish={() => name.trim() && add.mutate(name.trim(), { onSuccess: () => setName('') })}
    >
      <Form.Item
        label={t(`${a}.${props.kind}`)}
        htmlFor={id}
        extra={props.existing.join(t('common.listSeparator')) || undefined}
      >
        <Input
          id={id}
          maxLength={50}
          value={name}
          placeholder={t(`${a}.${props.kind}Placeholder`)}
          onChange={(e) => setName(e.target.value)}
        />
      </Form.Item>
      {add.error ? <ProblemAlert error={add.error} /> : null}
      <Button htmlType="submit" loading={add.isPending} disabled={!name.trim()}>
        {t(`${a}.add${props.kind === 'slot' ? 'Slot' : 'Place'}`)}
      </Button>
    </Form>
  );
}
