import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { addDays, chinaDate } from '../../../modules/stations/duty-time.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { chinaInstantOf } from '../../components/chinaTime.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useTopics } from '../deliberation/deliberationApi.ts';
import { ScopeField } from './ScopeField.tsx';
import { DEFAULT_THRESHOLDS, OptionsEditor, ThresholdsEditor } from './VoteFormParts.tsx';
import {
  type CreateVoteInput,
  ELECTORATES,
  type Electorate,
  METHODS,
  RULES,
  SCOPES,
  type Thresholds,
  useCreateVote,
  type VoteMethod,
  type VoteRule,
  type VoteScope,
} from './votesApi.ts';

interface Values {
  title: string;
  body: string;
  scope: VoteScope;
  scopeIds: number[];
  electorate: Electorate;
  method: VoteMethod;
  options: string[];
  maxChoices: number;
  rule: VoteRule;
  customThresholds: Thresholds;
  secret: boolean;
  ballotsFinal: boolean;
  interimResults: boolean;
  /** 'YYYY-MM-DDTHH:MM', the station's wall clock (China time). */
  closesAt: string;
  /** The topic the vote decides, if any. */
  topicId: number | null;
}
const FIELDS = [
  'title',
  'body',
  'scope',
  'scopeIds',
  'electorate',
  'method',
  'options',
  'maxChoices',
  'rule',
  'customThresholds',
  'secret',
  'ballotsFinal',
  'interimResults',
  'closesAt',
  'topicId',
] as const satisfies readonly (keyof Values)[];

/** What the form sends: the server checks everything (coherence of rule and electorate, closing time…). */
function toInput(v: Values): CreateVoteInput {
  return {
    title: v.title.trim(),
    body: v.body.trim(),
    scope: v.scope,
    scopeIds: v.scopeIds,
    electorate: v.electorate,
    method: v.method,
    options: v.method === 'yesNo' ? [] : v.options.map((o) => o.trim()),
    maxChoices: v.method === 'multi' ? v.maxChoices : 1,
    rule: v.rule,
    customThresholds: v.rule === 'custom' ? v.customThresholds : null,
    secret: v.secret,
    ballotsFinal: v.ballotsFinal,
    interimResults: v.interimResults,
    closesAt: chinaInstantOf(v.closesAt),
    topicId: v.topicId ?? null,
  };
}

/** 发起表决 (desktop, deliberation.manage): saved as a draft, opened from its page. */
export default function CreateVotePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const stationId = Number(params.get('station'));
  const topicParam = Number(params.get('topic'));
  const [form] = Form.useForm<Values>();
  const create = useCreateVote(stationId);
  const topics = useTopics(Number.isInteger(stationId) && stationId > 0 ? stationId : null);
  const scope = Form.useWatch('scope', form) ?? 'compounds';
  const method = Form.useWatch('method', form) ?? 'yesNo';
  const rule = Form.useWatch('rule', form) ?? 'simpleMajority';
  const electorate = Form.useWatch('electorate', form) ?? 'households';

  if (!Number.isInteger(stationId) || stationId <= 0) {
    return (
      <>
        <PageTitle>{t('votes.form.title')}</PageTitle>
        <Card>
          <p>{t('votes.pickStation')}</p>
          <Link to="/votes">{t('votes.detail.back')}</Link>
        </Card>
      </>
    );
  }
  const initial: Values = {
    title: '',
    body: '',
    scope: 'compounds',
    scopeIds: [],
    electorate: 'households',
    method: 'yesNo',
    options: ['', ''],
    maxChoices: 2,
    rule: 'simpleMajority',
    customThresholds: DEFAULT_THRESHOLDS,
    secret: false,
    ballotsFinal: false,
    interimResults: false,
    closesAt: `${addDays(chinaDate(), 7)}T20:00`,
    topicId: Number.isInteger(topicParam) && topicParam > 0 ? topicParam : null,
  };
  // Topics still open, and the one the vote was started from whatever its state.
  const topicOptions = (topics.data?.items ?? [])
    .filter((x) => (x.status !== 'decided' && x.status !== 'declined') || x.id === initial.topicId)
    .map((x) => ({ value: x.id, label: x.title }));
  const radios = <T extends string>(name: string, values: readonly T[], label: (v: T) => string) => (
    <Radio.Group
      role="radiogroup"
      aria-label={name}
      className="vote-radios"
      options={values.map((v) => ({ value: v, label: label(v) }))}
    />
  );

  return (
    <>
      <PageTitle>{t('votes.form.title')}</PageTitle>
      <Card>
        <Form<Values>
          form={form}
          name="create-vote"
          layout="vertical"
          initialValues={initial}
          onValuesChange={(changed: Partial<Values>) => {
            if (create.error) create.reset();
            if (changed.scope) form.setFieldValue('scopeIds', []);
          }}
          onFinish={(v) =>
            create.mutate(toInput(v), {
              onSuccess: ({ id }) => {
                void message.success(t('votes.form.created'));
                void navigate(`/votes/${id}`);
              },
              onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
            })
          }
        >
          <Form.Item
            name="title"
            label={t('votes.form.titleLabel')}
            rules={[{ required: true, whitespace: true, message: t('votes.form.titleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('votes.form.body')}>
            <Input.TextArea rows={4} maxLength={5000} placeholder={t('votes.form.bodyPlaceholder')} />
          </Form.Item>
          <Form.Item name="topicId" label={t('votes.form.topic')} extra={t('votes.form.topicHint')}>
            <Select<number | null>
              allowClear
              loading={topics.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={topicOptions}
            />
          </Form.Item>
          <Form.Item name="scope" label={t('votes.form.scope')}>
            {radios(t('votes.form.scope'), SCOPES, (s) => t(`votes.scope.${s}`))}
          </Form.Item>
          <Form.Item name="scopeIds" label={t('votes.form.scopeIds', { kind: t(`votes.scope.${scope}`) })}>
            <ScopeField stationId={stationId} scope={scope} />
          </Form.Item>
          <Form.Item
            name="electorate"
            label={t('votes.form.electorate')}
            extra={t(`votes.electorateHint.${electorate}`)}
          >
            {radios(t('votes.form.electorate'), ELECTORATES, (e) => t(`votes.electorate.${e}`))}
          </Form.Item>
          <Form.Item name="method" label={t('votes.form.method')}>
            {radios(t('votes.form.method'), METHODS, (m) => t(`votes.method.${m}`))}
          </Form.Item>
          {method === 'yesNo' ? null : (
            <Form.Item name="options" label={t('votes.form.options')}>
              <OptionsEditor />
            </Form.Item>
          )}
          {method === 'multi' ? (
            <Form.Item name="maxChoices" label={t('votes.form.maxChoices')}>
              <InputNumber min={1} max={30} />
            </Form.Item>
          ) : null}
          <Form.Item name="rule" label={t('votes.form.rule')}>
            {radios(t('votes.form.rule'), RULES, (r) => t(`votes.rule.${r}`))}
          </Form.Item>
          <Alert
            className="rule-hint"
            type="info"
            title={t(`votes.ruleHint.${rule}`)}
            description={t('votes.ruleNote')}
          />
          {rule === 'custom' ? (
            <Form.Item name="customThresholds" label={t('votes.form.thresholds')}>
              <ThresholdsEditor />
            </Form.Item>
          ) : null}
          <Form.Item
            name="secret"
            label={t('votes.form.secret')}
            valuePropName="checked"
            extra={t('votes.form.secretHint')}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="ballotsFinal"
            label={t('votes.form.ballotsFinal')}
            valuePropName="checked"
            extra={t('votes.form.ballotsFinalHint')}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="interimResults"
            label={t('votes.form.interim')}
            valuePropName="checked"
            extra={t('votes.form.interimHint')}
          >
            <Switch />
          </Form.Item>
          <Form.Item name="closesAt" label={t('votes.form.closesAt')}>
            <Input type="datetime-local" />
          </Form.Item>
          {create.error ? (
            <Form.Item>
              <ProblemAlert error={create.error} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('votes.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
