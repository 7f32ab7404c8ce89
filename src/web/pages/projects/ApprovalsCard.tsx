import { App, Button, Card, Descriptions, Form, Input, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { useMeetings } from '../deliberation/deliberationApi.ts';
import { Yuan } from './labels.tsx';
import {
  type Approval,
  type Project,
  useDecide,
  useProjectApprovals,
  useWithdrawApproval,
} from './projectsApi.ts';

const STATUS_COLOR = {
  pending: TAG.warn,
  approved: TAG.good,
  rejected: TAG.bad,
  withdrawn: TAG.plain,
} as const;

/**
 * 审批: the project's requests by the fund rules (its budget, spending beyond a line), each level with who
 * decided it, and the decision form for one whose turn it is (never the requester).
 */
export function ApprovalsCard({ project: p }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const at = chinaDateTime(i18n.language);
  const approvals = useProjectApprovals(p.stationId, p.id, p.me.staff);
  const items = approvals.data?.items ?? [];
  if (!p.me.staff || (approvals.data && items.length === 0)) return null;
  return (
    <Card title={<h2 className="section-title">{t('projects.approvals.title')}</h2>}>
      <ProblemAlert error={approvals.error} />
      <ul className="plain-list stack">
        {[...items].reverse().map((a) => {
          const shown = p.approvals.find((x) => x.id === a.id);
          const line = p.lines.find((l) => l.id === a.budgetLineId);
          return (
            <li key={a.id} className="project-record">
              <Space wrap size={4}>
                <strong>{t(`projects.subjects.${a.subject}`)}</strong>
                {line ? <span>{line.name}</span> : null}
                <Yuan fen={a.amountFen} />
                <Tag color={STATUS_COLOR[a.status]}>{t(`projects.approvalStatus.${a.status}`)}</Tag>
              </Space>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'by',
                    label: t('projects.approvals.requestedBy'),
                    children: shown?.requestedBy ?? '',
                  },
                  { key: 'reason', label: t('projects.approvals.reason'), children: a.reason },
                  ...a.levels.map((level) => {
                    const d = shown?.decisions.find((x) => x.level === level);
                    return {
                      key: level,
                      label: t(`projects.levels.${level}`),
                      children: d ? (
                        <span>
                          <Tag color={d.decision === 'approve' ? TAG.good : TAG.bad}>
                            {t(`projects.approvals.decisions.${d.decision}`)}
                          </Tag>
                          {t('projects.approvals.decidedBy', { by: d.approver, at: at(d.at) })}
                          {d.meeting ? ` · ${d.meeting}` : ''}
                          {d.note ? ` · ${d.note}` : ''}
                        </span>
                      ) : a.next === level ? (
                        t('projects.approvals.waiting')
                      ) : (
                        '—'
                      ),
                    };
                  }),
                ]}
              />
              {a.abilities.decide ? <Decide approval={a} stationId={p.stationId} /> : null}
              {a.abilities.withdraw ? <Withdraw id={a.id} /> : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Decide({ approval: a, stationId }: { approval: Approval; stationId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const council = a.next === 'council';
  const meetings = useMeetings(council ? stationId : null);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [note, setNote] = useState('');
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const decide = useDecide();
  const held = (meetings.data?.items ?? []).filter(
    (m) => (m.kind === 'council' || m.kind === 'joint') && m.status === 'held',
  );
  const id = `decide-${a.id}`;
  return (
    <Form layout="vertical" component="div" className="project-decide">
      <h3 className="section-title">
        {t('projects.approvals.decideAt', { level: t(`projects.levels.${a.next!}`) })}
      </h3>
      <Form.Item label={t('projects.approvals.decision')}>
        <Radio.Group
          optionType="button"
          aria-label={t('projects.approvals.decision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value as 'approve' | 'reject')}
          options={[
            { value: 'approve', label: t('projects.approvals.decisions.approve') },
            { value: 'reject', label: t('projects.approvals.decisions.reject') },
          ]}
        />
      </Form.Item>
      {council ? (
        <Form.Item
          label={t('projects.approvals.meeting')}
          htmlFor={`${id}-meeting`}
          extra={t('projects.approvals.meetingHint')}
        >
          <Select<number>
            id={`${id}-meeting`}
            value={meetingId ?? undefined}
            onChange={setMeetingId}
            placeholder={t('projects.approvals.pickMeeting')}
            options={held.map((m) => ({ value: m.id, label: m.title }))}
            notFoundContent={t('projects.approvals.noMeetings')}
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('projects.approvals.note')} htmlFor={`${id}-note`}>
        <Input.TextArea
          id={`${id}-note`}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Form.Item>
      <ProblemAlert error={decide.error} />
      <Button
        type="primary"
        loading={decide.isPending}
        onClick={() =>
          decide.mutate(
            { id: a.id, decision, note: note.trim(), ...(council ? { meetingId } : {}) },
            { onSuccess: () => void message.success(t('projects.approvals.recorded')) },
          )
        }
      >
        {t('projects.approvals.record')}
      </Button>
    </Form>
  );
}

function Withdraw({ id }: { id: number }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApproval();
  return (
    <>
      <ProblemAlert error={withdraw.error} />
      <Button danger loading={withdraw.isPending} onClick={() => withdraw.mutate(id)}>
        {t('projects.approvals.withdraw')}
      </Button>
    </>
  );
}
