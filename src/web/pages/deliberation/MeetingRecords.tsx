import { App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays, chinaDate } from '../../../modules/stations/duty-time.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useVotes } from '../votes/votesApi.ts';
import { ActionItems } from './ActionItems.tsx';
import { type Meeting, useAddAction, useAddResolution, useMinutes } from './deliberationApi.ts';
import { NO_OWNER, type Owner, OwnerField, ownerFieldOf, ownerInput } from './OwnerField.tsx';

/** Minutes (written by staff: the meeting is then held), resolutions and action items with owner and due date. */
export function MeetingRecords({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const manage = m.abilities.manage;
  // A cancelled meeting keeps its records but takes no new ones (the server refuses them).
  const record = manage && m.status !== 'cancelled';
  return (
    <>
      <Card title={<h2 className="section-title">{t('deliberation.records.minutes')}</h2>}>
        {record ? (
          <MinutesEditor meeting={m} />
        ) : m.minutes ? (
          <p className="topic-body">{m.minutes}</p>
        ) : (
          <p className="hint">{t('deliberation.records.noMinutes')}</p>
        )}
      </Card>
      <Card title={<h2 className="section-title">{t('deliberation.records.resolutions')}</h2>}>
        {m.resolutions.length === 0 ? (
          <p className="hint">{t('deliberation.records.noResolutions')}</p>
        ) : (
          <ol className="agenda-list">
            {m.resolutions.map((r) => {
              const item = m.agenda.find((a) => a.id === r.agendaItemId);
              return (
                <li key={r.id}>
                  {r.text}
                  {item ? (
                    <span className="hint">{t('deliberation.records.onItem', { title: item.title })}</span>
                  ) : null}
                  {r.voteId ? (
                    <>
                      {' '}
                      <Link to={`/votes/${r.voteId}`}>{t('deliberation.records.vote')}</Link>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        {record ? <ResolutionForm meeting={m} /> : null}
      </Card>
      <Card title={<h2 className="section-title">{t('deliberation.records.actions')}</h2>}>
        <ActionItems actions={m.actions} manage={manage} />
        {record ? <ActionForm meeting={m} /> : null}
      </Card>
    </>
  );
}

function MinutesEditor({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useMinutes(m.id);
  const [text, setText] = useState(m.minutes ?? '');
  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={t('deliberation.records.minutesLabel')}
        htmlFor="meeting-minutes"
        extra={t('deliberation.records.minutesHint')}
      >
        <Input.TextArea
          id="meeting-minutes"
          rows={8}
          maxLength={50000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Form.Item>
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Button
        type="primary"
        loading={save.isPending}
        disabled={!text.trim()}
        onClick={() => save.mutate(text.trim(), { onSuccess: () => void message.success(t('common.saved')) })}
      >
        {t('deliberation.records.saveMinutes')}
      </Button>
    </Form>
  );
}

function ResolutionForm({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const add = useAddResolution(m.id);
  const votes = useVotes(m.stationId);
  const [form] = Form.useForm<{ text: string; agendaItemId: number | null; voteId: number | null }>();
  return (
    <Form
      form={form}
      name="add-resolution"
      layout="vertical"
      className="record-form"
      initialValues={{ text: '', agendaItemId: null, voteId: null }}
      onFinish={(v) =>
        add.mutate(
          { text: v.text.trim(), agendaItemId: v.agendaItemId ?? null, voteId: v.voteId ?? null },
          {
            onSuccess: () => form.resetFields(),
            onError: (err) => form.setFields(fieldErrorsOf(err, ['text', 'agendaItemId', 'voteId'] as const)),
          },
        )
      }
    >
      <h3 className="section-title form-heading">{t('deliberation.records.addResolution')}</h3>
      <Form.Item
        name="text"
        label={t('deliberation.records.resolutionText')}
        rules={[{ required: true, whitespace: true, message: t('deliberation.records.textRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      {m.agenda.length > 0 ? (
        <Form.Item name="agendaItemId" label={t('deliberation.records.agendaItem')}>
          <Select allowClear options={m.agenda.map((a) => ({ value: a.id, label: a.title }))} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="voteId"
        label={t('deliberation.records.voteLabel')}
        extra={t('deliberation.records.voteHint')}
      >
        <Select
          allowClear
          loading={votes.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(votes.data?.items ?? [])
            .filter((x) => x.status !== 'draft' && x.status !== 'cancelled')
            .map((x) => ({ value: x.id, label: x.title }))}
        />
      </Form.Item>
      {add.error ? <ProblemAlert error={add.error} /> : null}
      <Button htmlType="submit" loading={add.isPending}>
        {t('deliberation.records.addResolution')}
      </Button>
    </Form>
  );
}

interface ActionValues {
  title: string;
  owner: Owner;
  dueOn: string;
  topicId: number | null;
  resolutionId: number | null;
}
const ACTION_FIELDS = ['title', 'owner', 'dueOn', 'topicId', 'resolutionId'] as const;

function ActionForm({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const add = useAddAction(m.id);
  const [form] = Form.useForm<ActionValues>();
  const topics = m.agenda.filter((a) => a.topicId !== null);
  return (
    <Form<ActionValues>
      form={form}
      name="add-action"
      layout="vertical"
      className="record-form"
      initialValues={{
        title: '',
        owner: NO_OWNER,
        dueOn: addDays(chinaDate(), 14),
        topicId: null,
        resolutionId: null,
      }}
      onFinish={(v) =>
        add.mutate(
          {
            title: v.title.trim(),
            ...ownerInput(v.owner),
            dueOn: v.dueOn,
            topicId: v.topicId ?? null,
            resolutionId: v.resolutionId ?? null,
          },
          {
            onSuccess: () => form.resetFields(),
            onError: (err) => form.setFields(fieldErrorsOf(err, ownerFieldOf(ACTION_FIELDS))),
          },
        )
      }
    >
      <h3 className="section-title form-heading">{t('deliberation.records.addAction')}</h3>
      <Form.Item
        name="title"
        label={t('deliberation.records.actionTitle')}
        rules={[{ required: true, whitespace: true, message: t('deliberation.records.textRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <OwnerField
        meetingId={m.id}
        label={t('deliberation.records.owner')}
        requiredMessage={t('deliberation.records.ownerRequired')}
      />
      <Form.Item name="dueOn" label={t('deliberation.records.dueOn')}>
        <Input type="date" />
      </Form.Item>
      {topics.length > 0 ? (
        <Form.Item
          name="topicId"
          label={t('deliberation.records.topic')}
          extra={t('deliberation.records.topicHint')}
        >
          <Select allowClear options={topics.map((a) => ({ value: a.topicId, label: a.title }))} />
        </Form.Item>
      ) : null}
      {m.resolutions.length > 0 ? (
        <Form.Item name="resolutionId" label={t('deliberation.records.resolution')}>
          <Select
            allowClear
            options={m.resolutions.map((r) => ({ value: r.id, label: r.text.slice(0, 40) }))}
          />
        </Form.Item>
      ) : null}
      {add.error ? <ProblemAlert error={add.error} /> : null}
      <Button htmlType="submit" loading={add.isPending}>
        {t('deliberation.records.addAction')}
      </Button>
    </Form>
  );
}
