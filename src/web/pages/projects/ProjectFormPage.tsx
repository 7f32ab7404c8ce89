import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { parseYuan, yuanText } from '../../../shared/money.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { useMe } from '../../app/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { positiveYuan } from '../../components/yuanRule.ts';
import { useMeetings, useTopics } from '../deliberation/deliberationApi.ts';
import { useFund } from '../fund/fundApi.ts';
import { ownStations } from '../places/StationChooser.tsx';
import { useVotes } from '../votes/votesApi.ts';
import { PeopleSelect, personOf, personValue } from './PeopleSelect.tsx';
import {
  type Project,
  type ProjectInput,
  useCreateProject,
  useEditProject,
  useOriginTopic,
  useProject,
} from './projectsApi.ts';
import './projects.css';

interface Values {
  origin?: string;
  title: string;
  summary: string;
  lead?: string;
  leadName?: string;
  team: string[];
  supervisors: string[];
  partners: string[];
  lines: { name: string; amount: string; sourceAccountId?: number }[];
  milestones: { title: string; dueOn: string }[];
}
const FIELDS = [
  'origin',
  'title',
  'summary',
  'lead',
  'team',
  'supervisors',
  'partners',
  'lines',
  'milestones',
] as const;

/** The form's values from a project being edited. */
function valuesOf(p: Project): Values {
  const by = (role: string) => p.members.filter((m) => m.role === role);
  const value = (m: { userId: number | null; name: string }) => (m.userId ? personValue(m.userId) : m.name);
  return {
    origin: p.origin ? `${p.origin.kind}:${p.origin.id}` : 'none',
    title: p.title,
    summary: p.summary,
    ...(p.lead.userId ? { lead: personValue(p.lead.userId) } : { leadName: p.lead.name }),
    team: by('team').map(value),
    supervisors: by('supervisor').map(value),
    partners: by('partner').map(value),
    lines: p.lines.map((l) => ({
      name: l.name,
      amount: yuanText(l.amountFen),
      sourceAccountId: l.sourceAccountId,
    })),
    milestones: p.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn })),
  };
}

/** 新建项目 (from ?station= and ?topic=, a decided topic) and 修改申请 (/projects/:id/edit). */
export default function ProjectFormPage() {
  const id = Number(useParams().id);
  const project = useProject(id);
  if (!id) return <ProjectForm project={null} />;
  if (project.isPending) return <Loading />;
  if (project.error) return <ProblemAlert error={project.error} />;
  return <ProjectForm project={project.data} />;
}

function ProjectForm({ project }: { project: Project | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  const [params] = useSearchParams();
  const stationId = project?.stationId ?? (Number(params.get('station')) || ownStations(me)[0]?.id || 0);
  const topicId = Number(params.get('topic')) || 0;
  const topic = useOriginTopic(topicId);
  const topics = useTopics(stationId || null);
  const meetings = useMeetings(stationId || null);
  const votes = useVotes(stationId || null);
  const fund = useFund(stationId);
  const create = useCreateProject(stationId);
  const edit = useEditProject(project?.id ?? 0);
  const save = project ? edit : create;
  const [form] = Form.useForm<Values>();
  if (!stationId) return <p>{t('projects.pickStation')}</p>;
  if ((topicId && topic.isPending) || fund.isPending) return <Loading />;
  const fromTopic = topicId && topic.data ? topic.data : null;
  const generalId = fund.data?.accounts.find((a) => a.kind === 'general')?.id;
  const initial: Values = project
    ? valuesOf(project)
    : {
        origin: fromTopic ? `topic:${fromTopic.id}` : 'none',
        title: fromTopic?.title ?? '',
        summary: fromTopic ? [fromTopic.body, fromTopic.outcomeNote].filter(Boolean).join('\n') : '',
        ...(me ? { lead: personValue(me.id) } : {}),
        team: [],
        supervisors: [],
        partners: [],
        lines: [
          {
            name: '',
            amount: '',
            sourceAccountId: fund.data?.accounts.find((a) => a.kind === 'general')?.id,
          },
        ],
        milestones: [],
      };
  const known = project
    ? project.members
        .filter((m) => m.userId)
        .map((m) => ({ value: personValue(m.userId!), label: m.name }))
        .concat(
          project.lead.userId ? [{ value: personValue(project.lead.userId), label: project.lead.name }] : [],
        )
    : me
      ? [{ value: personValue(me.id), label: me.displayName }]
      : [];
  const origins = [
    { value: 'none', label: t('projects.form.noOrigin') },
    ...(topics.data?.items ?? [])
      .filter((x) => x.status === 'decided')
      .map((x) => ({
        value: `topic:${x.id}`,
        label: t('projects.form.originOf', { kind: t('projects.origins.topic'), title: x.title }),
      })),
    ...(votes.data?.items ?? [])
      .filter((v) => v.status === 'closed')
      .map((v) => ({
        value: `vote:${v.id}`,
        label: t('projects.form.originOf', { kind: t('projects.origins.vote'), title: v.title }),
      })),
    ...(meetings.data?.items ?? [])
      .filter((m) => m.status === 'held')
      .map((m) => ({
        value: `meeting:${m.id}`,
        label: t('projects.form.originOf', { kind: t('projects.origins.meeting'), title: m.title }),
      })),
  ];
  const sources = (fund.data?.accounts ?? [])
    .filter((a) => a.kind === 'general' || a.kind === 'earmarked')
    .map((a) => ({
      value: a.id,
      label: t('projects.form.sourceOf', { name: a.name, amount: yuanText(a.balanceFen) }),
    }));

  const submit = (v: Values) => {
    const [kind, oid] = (v.origin ?? 'none').split(':');
    const body: ProjectInput = {
      title: v.title,
      summary: v.summary ?? '',
      origin:
        kind === 'none' || !oid ? null : { kind: kind as 'topic' | 'vote' | 'meeting', id: Number(oid) },
      lead: v.lead ? personOf(v.lead) : { userId: null, name: v.leadName ?? '' },
      team: (v.team ?? []).map(personOf),
      supervisors: (v.supervisors ?? []).map((s) => personOf(s).userId!).filter(Boolean),
      partners: (v.partners ?? []).map(personOf),
      lines: (v.lines ?? []).map((l) => ({
        name: l.name,
        amountFen: parseYuan(l.amount ?? '') ?? -1,
        sourceAccountId: l.sourceAccountId ?? 0,
      })),
      milestones: v.milestones ?? [],
    };
    save.mutate(body, {
      onSuccess: (r) => {
        void message.success(t('projects.form.saved'));
        void navigate(`/projects/${r.id}`);
      },
      onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
    });
  };
  const required = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <>
      <PageTitle>{project ? t('projects.form.editTitle') : t('projects.form.title')}</PageTitle>
      <Card>
        <Form<Values> form={form} name="project" layout="vertical" initialValues={initial} onFinish={submit}>
          <Form.Item name="origin" label={t('projects.form.origin')} extra={t('projects.form.originHint')}>
            <Select options={origins} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('projects.form.name')}
            rules={required(t('projects.form.nameRequired'))}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="summary" label={t('projects.form.summary')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="lead" label={t('projects.form.lead')} extra={t('projects.form.leadHint')}>
            <PeopleSelect stationId={stationId} known={known} />
          </Form.Item>
          <Form.Item name="leadName" label={t('projects.form.leadName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="team" label={t('projects.form.team')} extra={t('projects.form.tagsHint')}>
            <PeopleSelect stationId={stationId} mode="tags" known={known} />
          </Form.Item>
          <Form.Item
            name="supervisors"
            label={t('projects.form.supervisors')}
            extra={t('projects.form.supervisorsHint')}
          >
            <PeopleSelect stationId={stationId} mode="multiple" known={known} />
          </Form.Item>
          <Form.Item name="partners" label={t('projects.form.partners')} extra={t('projects.form.tagsHint')}>
            <PeopleSelect stationId={stationId} mode="tags" known={known} />
          </Form.Item>
          <fieldset className="project-fieldset">
            <legend>{t('projects.form.lines')}</legend>
            <Form.List name="lines">
              {(fields, { add, remove }) => (
                <div className="stack">
                  {fields.map((f, i) => (
                    <Space key={f.key} wrap align="start" className="project-line-row">
                      <Form.Item
                        name={[f.name, 'name']}
                        label={t('projects.form.lineName', { n: i + 1 })}
                        rules={required(t('projects.form.lineNameRequired'))}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'amount']}
                        label={t('projects.form.lineAmount', { n: i + 1 })}
                        rules={[positiveYuan(t('projects.form.amountInvalid'))]}
                      >
                        <Input inputMode="decimal" autoComplete="off" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'sourceAccountId']}
                        label={t('projects.form.lineSource', { n: i + 1 })}
                        rules={[{ required: true, message: t('projects.form.sourceRequired') }]}
                      >
                        <Select options={sources} className="project-source-select" />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button
                          icon={<MinusCircleOutlined aria-hidden />}
                          aria-label={t('projects.form.removeLine', { n: i + 1 })}
                          onClick={() => remove(f.name)}
                        />
                      ) : null}
                    </Space>
                  ))}
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ name: '', amount: '', sourceAccountId: generalId })}
                  >
                    {t('projects.form.addLine')}
                  </Button>
                </div>
              )}
            </Form.List>
          </fieldset>
          <fieldset className="project-fieldset">
            <legend>{t('projects.form.milestones')}</legend>
            <Form.List name="milestones">
              {(fields, { add, remove }) => (
                <div className="stack">
                  {fields.map((f, i) => (
                    <Space key={f.key} wrap align="start">
                      <Form.Item
                        name={[f.name, 'title']}
                        label={t('projects.form.milestoneTitle', { n: i + 1 })}
                        rules={required(t('projects.form.milestoneRequired'))}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'dueOn']}
                        label={t('projects.form.milestoneDue', { n: i + 1 })}
                        rules={[{ required: true, message: t('projects.form.dueRequired') }]}
                      >
                        <Input type="date" />
                      </Form.Item>
                      <Button
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('projects.form.removeMilestone', { n: i + 1 })}
                        onClick={() => remove(f.name)}
                      />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '', dueOn: '' })}>
                    {t('projects.form.addMilestone')}
                  </Button>
                </div>
              )}
            </Form.List>
          </fieldset>
          <ProblemAlert error={save.error} />
          <Space wrap className="project-form-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {project ? t('projects.form.saveEdit') : t('projects.form.create')}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
