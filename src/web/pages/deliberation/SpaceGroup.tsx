import { App, Button, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, chinaDate } from '../../../modules/stations/duty-time.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { ActionItems } from './ActionItems.tsx';
import {
  type SpaceBoard,
  type SpaceTopic,
  useAddPlan,
  useBecomeRecorder,
  useFileReport,
  useJoinGroup,
} from './deliberationApi.ts';
import { PlaceTopic } from './Marketplace.tsx';
import { NO_OWNER, type Owner, OwnerField, ownerFieldOf, ownerInput } from './OwnerField.tsx';

/**
 * A group on the grid: who convenes it, how many are in it; join it (leaving one's group of the same
 * slot: the law of two feet), take its notes, file its report (convener or recorder), and its action plans.
 */
export function SpaceGroup({ board, topic }: { board: SpaceBoard; topic: SpaceTopic }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const join = useJoinGroup();
  const recorder = useBecomeRecorder();
  const g = 'deliberation.space.group';
  const current = board.topics.find((x) => x.slotId === topic.slotId && x.joined && x.id !== topic.id);
  const headingId = `space-topic-${topic.id}`;
  return (
    <section className="space-group" aria-labelledby={headingId}>
      <h4 id={headingId} className="space-group-title">
        {topic.title}
      </h4>
      <div className="space-group-meta">
        <span>{t(`${g}.convener`, { name: topic.convener })}</span>
        <span>{t(`${g}.members`, { n: topic.members })}</span>
        {topic.joined ? <Tag color={TAG.good}>{t(`${g}.joined`)}</Tag> : null}
        {topic.isConvener ? <Tag color={TAG.busy}>{t(`${g}.iConvene`)}</Tag> : null}
        {topic.isRecorder ? (
          <Tag color={TAG.info}>{t(`${g}.iRecord`)}</Tag>
        ) : topic.hasRecorder ? (
          <Tag>{t(`${g}.hasRecorder`)}</Tag>
        ) : null}
      </div>
      {board.canArrange ? <PlaceTopic board={board} topic={topic} /> : null}
      {!topic.joined ? (
        <div className="space-join">
          {current ? <p className="hint">{t(`${g}.twoFeet`, { from: current.title })}</p> : null}
          <Button
            type="primary"
            loading={join.isPending}
            aria-label={t(current ? `${g}.moveTo` : `${g}.joinTo`, { title: topic.title })}
            onClick={() =>
              join.mutate(topic.id, {
                onSuccess: ({ movedFrom }) => {
                  const from = board.topics.find((x) => x.id === movedFrom);
                  void message.success(
                    from ? t(`${g}.moved`, { from: from.title, to: topic.title }) : t(`${g}.welcome`),
                  );
                },
              })
            }
          >
            {current ? t(`${g}.move`) : t(`${g}.join`)}
          </Button>
        </div>
      ) : null}
      {topic.joined && !topic.isRecorder && !topic.hasRecorder ? (
        <Button
          loading={recorder.isPending}
          aria-label={t(`${g}.recordFor`, { title: topic.title })}
          onClick={() => recorder.mutate(topic.id)}
        >
          {t(`${g}.record`)}
        </Button>
      ) : null}
      {join.error ? <ProblemAlert error={join.error} /> : null}
      {recorder.error ? <ProblemAlert error={recorder.error} /> : null}
      {topic.report ? (
        <div className="space-report">
          <h5>{t(`${g}.report`)}</h5>
          <p>{topic.report}</p>
        </div>
      ) : null}
      {topic.isConvener || topic.isRecorder ? <ReportForm key={topic.report ?? ''} topic={topic} /> : null}
      <div className="space-group-plans">
        <h5>{t(`${g}.plans`)}</h5>
        <ActionItems actions={topic.plans} manage={board.canArrange} />
        {topic.isConvener || board.canArrange ? <PlanForm meetingId={board.meetingId} topic={topic} /> : null}
      </div>
    </section>
  );
}

function ReportForm({ topic }: { topic: SpaceTopic }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useFileReport();
  const [text, setText] = useState(topic.report ?? '');
  const g = 'deliberation.space.group';
  const id = `space-report-${topic.id}`;
  return (
    <div className="space-report">
      <label htmlFor={id} className="space-label">
        {t(`${g}.reportFor`, { title: topic.title })}
      </label>
      <Input.TextArea
        id={id}
        rows={4}
        maxLength={20000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {file.error ? <ProblemAlert error={file.error} /> : null}
      <Button
        className="space-report-submit"
        loading={file.isPending}
        disabled={!text.trim()}
        onClick={() =>
          file.mutate(
            { id: topic.id, report: text.trim() },
            { onSuccess: () => void message.success(t(`${g}.reported`)) },
          )
        }
      >
        {topic.report ? t(`${g}.updateReport`) : t(`${g}.fileReport`)}
      </Button>
    </div>
  );
}

interface PlanValues {
  title: string;
  owner: Owner;
  dueOn: string;
}
const PLAN_FIELDS = ['title', 'owner', 'dueOn'] as const;

function PlanForm({ meetingId, topic }: { meetingId: number; topic: SpaceTopic }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddPlan();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PlanValues>();
  const g = 'deliberation.space.group';
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} aria-label={t(`${g}.addPlanFor`, { title: topic.title })}>
        {t(`${g}.addPlan`)}
      </Button>
    );
  }
  return (
    <Form<PlanValues>
      form={form}
      name={`space-plan-${topic.id}`}
      layout="vertical"
      className="record-form"
      initialValues={{ title: '', owner: NO_OWNER, dueOn: addDays(chinaDate(), 30) }}
      onFinish={(v) =>
        add.mutate(
          { id: topic.id, title: v.title.trim(), ...ownerInput(v.owner), dueOn: v.dueOn },
          {
            onSuccess: () => {
              void message.success(t(`${g}.planAdded`));
              form.resetFields();
              setOpen(false);
            },
            onError: (err) => form.setFields(fieldErrorsOf(err, ownerFieldOf(PLAN_FIELDS))),
          },
        )
      }
    >
      <Form.Item
        name="title"
        label={t(`${g}.planTitle`)}
        rules={[{ required: true, whitespace: true, message: t(`${g}.planTitleRequired`) }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <OwnerField
        meetingId={meetingId}
        label={t(`${g}.planOwner`)}
        requiredMessage={t(`${g}.planOwnerRequired`)}
      />
      <Form.Item name="dueOn" label={t(`${g}.planDue`)}>
        <Input type="date" />
      </Form.Item>
      {add.error ? <ProblemAlert error={add.error} /> : null}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t(`${g}.savePlan`)}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
