import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Image,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { nextLevel, previousLevel } from '../../../modules/requests/lifecycle.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import {
  type Photo,
  photoUrl,
  type RequestDetail,
  type Transition,
  useComment,
  useHandlers,
  useRate,
  useRequest,
  useTransition,
} from './requestsApi.ts';
import { StatusTag } from './StatusTag.tsx';

type RatingKey = '1' | '2' | '3' | '4' | '5';

/** Staff actions in the order a request usually moves; the server says which apply now. */
const STAFF_ACTIONS: Transition[] = [
  'accept',
  'assign',
  'start',
  'resolve',
  'escalate',
  'handBack',
  'reject',
  'markDuplicate',
  'close',
  'reopen',
];
const NEEDS_NOTE: Transition[] = ['reject'];

/** One request: what, where, who holds it, every step so far, and what the viewer can do now. */
export default function RequestDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const request = useRequest(id);
  if (request.isPending) return <Loading />;
  if (request.error) return <ProblemAlert error={request.error} />;
  const r = request.data;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const firstPhotos = r.timeline[0]?.photoIds ?? [];

  return (
    <>
      <PageTitle>{t('requests.detail.title', { id: r.id })}</PageTitle>
      <div className="stack">
        <Card>
          <Space wrap size={4}>
            <StatusTag status={r.status} />
            <Tag>{r.categoryName}</Tag>
            {r.overdue ? <Tag color="#a8071a">{t('requests.overdue')}</Tag> : null}
            {r.reopenCount > 0 ? <Tag>{t('requests.reopened', { count: r.reopenCount })}</Tag> : null}
          </Space>
          <p className="request-description">{r.description}</p>
          {firstPhotos.length > 0 ? <PhotoStrip ids={firstPhotos} /> : null}
          {r.origin ? <OriginLine request={r} /> : null}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'place', label: t('requests.place'), children: r.place ?? t('common.none') },
              {
                key: 'holder',
                label: t('requests.holder'),
                children: r.holder
                  ? `${r.holder}${r.heldSince ? ` · ${t('requests.since', { at: date.format(new Date(r.heldSince)) })}` : ''}`
                  : t('requests.unassigned'),
              },
              { key: 'level', label: t('requests.levelLabel'), children: t(`requests.level.${r.level}`) },
              {
                key: 'channel',
                label: t('requests.channelLabel'),
                children: t(`requests.channel.${r.channel}`),
              },
              {
                key: 'created',
                label: t('requests.createdAt'),
                children: date.format(new Date(r.createdAt)),
              },
              {
                key: 'due',
                label: t('requests.dueResolution'),
                children: date.format(new Date(r.dueResolutionAt)),
              },
              ...(r.rating
                ? [
                    {
                      key: 'rating',
                      label: t('requests.rating'),
                      children: t(`requests.levels.${String(r.rating) as RatingKey}`),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {r.viewer.staff ? <StaffActions request={r} /> : null}
        {r.viewer.reporter ? <ReporterActions request={r} /> : null}
        <Card title={<h2 className="section-title">{t('requests.detail.timeline')}</h2>}>
          <Timeline
            items={r.timeline.map((e) => ({
              key: e.id,
              content: (
                <div>
                  <div>
                    <strong>{t(`requests.event.${e.kind}`, { defaultValue: e.kind })}</strong>
                    {e.toStatus && e.fromStatus !== e.toStatus
                      ? ` → ${t(`requests.status.${e.toStatus}`)}`
                      : ''}
                  </div>
                  <div className="hint">
                    {date.format(new Date(e.at))}
                    {e.actor ? ` · ${e.actor}` : ''}
                  </div>
                  {e.body ? <p>{e.body}</p> : null}
                  {e.photoIds.length > 0 && e.kind !== 'submitted' ? <PhotoStrip ids={e.photoIds} /> : null}
                </div>
              ),
            }))}
          />
        </Card>
        {r.viewer.staff || r.viewer.reporter ? <CommentBox request={r} /> : null}
      </div>
    </>
  );
}

function PhotoStrip({ ids }: { ids: number[] }) {
  const { t } = useTranslation();
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} className="photo-strip">
        {ids.map((pid, i) => (
          <Image
            key={pid}
            width={88}
            height={88}
            src={photoUrl(pid)}
            preview={{ src: photoUrl(pid, 'full') }}
            alt={t('requests.photos.alt', { n: i + 1 })}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

function StaffActions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Transition | null>(null);
  const [note, setNote] = useState('');
  const [handlerUserId, setHandler] = useState<number | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<number | null>(null);
  const move = useTransition(request.id);
  const handlers = useHandlers(request.stationId, action === 'assign');
  const available = STAFF_ACTIONS.filter((a) => request.actions.includes(a));
  if (available.length === 0) return null;
  const open = (a: Transition) => {
    move.reset();
    setNote('');
    setAction(a);
  };
  return (
    <Card title={<h2 className="section-title">{t('requests.detail.handle')}</h2>}>
      <Space wrap>
        {available.map((a) => (
          <Button
            key={a}
            type={a === 'resolve' || a === 'accept' ? 'primary' : 'default'}
            danger={a === 'reject'}
            onClick={() => open(a)}
          >
            {t(`requests.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(`requests.action.${action}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={move.isPending}
        onCancel={() => setAction(null)}
        onOk={() => {
          if (!action) return;
          move.mutate(
            {
              action,
              ...(note.trim() ? { note: note.trim() } : {}),
              ...(action === 'assign' && handlerUserId !== null ? { handlerUserId } : {}),
              ...(action === 'markDuplicate' && duplicateOf !== null ? { duplicateOf } : {}),
            },
            { onSuccess: () => setAction(null) },
          );
        }}
      >
        <Form layout="vertical" component="div">
          {action === 'handBack' ? (
            <p>
              {t('requests.detail.handBackTo', {
                level: t(`requests.level.${previousLevel(request.level) ?? request.level}`),
              })}
            </p>
          ) : null}
          {action === 'escalate' ? (
            <p>
              {t('requests.detail.escalateTo', {
                level: t(`requests.level.${nextLevel(request.level) ?? request.level}`),
              })}
            </p>
          ) : null}
          {action === 'assign' ? (
            <Form.Item label={t('requests.detail.handler')} required>
              <Select
                aria-label={t('requests.detail.handler')}
                loading={handlers.isPending}
                value={handlerUserId}
                onChange={setHandler}
                options={(handlers.data ?? []).map((h) => ({
                  value: h.id,
                  label: `${h.name}（${t(`roles.${h.role}`, { defaultValue: h.role })}）`,
                }))}
              />
            </Form.Item>
          ) : null}
          {action === 'markDuplicate' ? (
            <Form.Item label={t('requests.detail.duplicateOf')} required>
              <InputNumber
                aria-label={t('requests.detail.duplicateOf')}
                min={1}
                value={duplicateOf}
                onChange={(v) => setDuplicateOf(v)}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            label={action === 'reject' ? t('requests.detail.rejectNote') : t('requests.detail.note')}
            htmlFor="transition-note"
            required={action !== null && NEEDS_NOTE.includes(action)}
          >
            <Input.TextArea
              id="transition-note"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
        {move.error ? <ProblemAlert error={move.error} /> : null}
      </Modal>
    </Card>
  );
}

function ReporterActions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const rate = useRate(request.id);
  const move = useTransition(request.id);
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  if (request.status === 'resolved') {
    return (
      <Card title={<h2 className="section-title">{t('requests.rate.title')}</h2>}>
        <p>{t('requests.rate.intro')}</p>
        <Form layout="vertical" component="div">
          <Form.Item label={t('requests.rate.level')} required>
            <Radio.Group
              aria-label={t('requests.rate.level')}
              className="rating-options"
              value={level}
              onChange={(e) => {
                setLevel(e.target.value);
                setMissing(false);
              }}
              options={[5, 4, 3, 2, 1].map((n) => ({
                value: n,
                label: t(`requests.levels.${String(n) as RatingKey}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('requests.rate.comment')} htmlFor="rate-comment">
            <Input.TextArea
              id="rate-comment"
              rows={2}
              maxLength={500}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Form.Item>
        </Form>
        {missing ? (
          <Alert type="warning" showIcon role="alert" title={t('requests.rate.chooseLevel')} />
        ) : null}
        {rate.error ? <ProblemAlert error={rate.error} /> : null}
        <Space wrap>
          <Button
            type="primary"
            loading={rate.isPending && rate.variables?.fixed === true}
            onClick={() => {
              if (level === null) return setMissing(true);
              rate.mutate({ fixed: true, level, ...(comment.trim() ? { comment: comment.trim() } : {}) });
            }}
          >
            {t('requests.rate.submit')}
          </Button>
          <Button
            danger
            loading={rate.isPending && rate.variables?.fixed === false}
            onClick={() =>
              rate.mutate({ fixed: false, ...(comment.trim() ? { comment: comment.trim() } : {}) })
            }
          >
            {t('requests.rate.notFixed')}
          </Button>
        </Space>
      </Card>
    );
  }
  if (!request.actions.includes('withdraw')) return null;
  return (
    <Card>
      {move.error ? <ProblemAlert error={move.error} /> : null}
      <Button loading={move.isPending} onClick={() => move.mutate({ action: 'withdraw' })}>
        {t('requests.action.withdraw')}
      </Button>
    </Card>
  );
}

function CommentBox({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const comment = useComment(request.id);
  return (
    <Card title={<h2 className="section-title">{t('requests.comment.title')}</h2>}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('requests.comment.body')} htmlFor="comment-body">
          <Input.TextArea
            id="comment-body"
            rows={2}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('requests.photos.label')}>
          <PhotoPicker stationId={request.stationId} value={photos} onChange={setPhotos} />
        </Form.Item>
      </Form>
      {comment.error ? <ProblemAlert error={comment.error} /> : null}
      <Button
        loading={comment.isPending}
        disabled={!body.trim() && photos.length === 0}
        onClick={() =>
          comment.mutate(
            { body: body.trim(), photoIds: photos.map((p) => p.id) },
            {
              onSuccess: () => {
                setBody('');
                setPhotos([]);
              },
            },
          )
        }
      >
        {t('requests.comment.send')}
      </Button>
    </Card>
  );
}

/** The record the request was turned from (来自值班记录 #id), linking to the station's duty page for staff. */
function OriginLine({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  if (!request.origin) return null;
  const text = t(`duty.origin.${request.origin.kind}`, { id: request.origin.id });
  const to =
    request.origin.kind === 'dutyLog'
      ? `/stations/${request.stationId}/duty`
      : `/stations/${request.stationId}/field`;
  return <p>{request.viewer.staff ? <Link to={to}>{text}</Link> : text}</p>;
}
