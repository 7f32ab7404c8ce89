import { App, Button, Card, Descriptions, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseYuan, yuanText } from '../../../shared/money.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type FundRules, useFundRules, useSetFundRules } from './fundApi.ts';

interface Values {
  chairMax: string;
  councilMax: string;
}
const fieldOf = (path: string) =>
  path.startsWith('bands.chairMaxFen') || path === 'chairMaxFen'
    ? 'chairMax'
    : path.startsWith('bands.councilMaxFen') || path === 'councilMaxFen'
      ? 'councilMax'
      : undefined;

/**
 * 审批规则: the amount bands in force (chair → council meeting → community) with where each comes from,
 * and, for those who may, this place's own bands (a station's only stricter than the ones above).
 */
export function FundRulesCard(props: { base: string; title: string; station: boolean }) {
  const rules = useFundRules(props.base);
  return (
    <Card title={<h2 className="section-title">{props.title}</h2>}>
      {rules.isPending ? <Loading /> : null}
      <ProblemAlert error={rules.error} />
      {rules.data ? <RulesView base={props.base} rules={rules.data} station={props.station} /> : null}
    </Card>
  );
}

function RulesView({ base, rules, station }: { base: string; rules: FundRules; station: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetFundRules(base);
  const yuan = (fen: number) => yuanText(fen);
  const source = (s: FundRules['sources']['chairMaxFen']) =>
    t(
      s === 'default'
        ? 'fund.rules.fromDefault'
        : s === 'own'
          ? 'fund.rules.fromHere'
          : 'fund.rules.fromAbove',
    );
  const { chairMaxFen, councilMaxFen } = rules.bands;
  const submit = (v: Values) =>
    save.mutate(
      { chairMaxFen: parseYuan(v.chairMax) ?? -1, councilMaxFen: parseYuan(v.councilMax) ?? -1 },
      {
        onSuccess: () => void message.success(t('fund.rules.saved')),
        onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)),
      },
    );
  return (
    <div className="stack">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'chair',
            label: t('fund.rules.chair'),
            children: t('fund.rules.band', {
              band: t('fund.rules.upTo', { amount: yuan(chairMaxFen) }),
              source: source(rules.sources.chairMaxFen),
            }),
          },
          {
            key: 'council',
            label: t('fund.rules.council'),
            children: t('fund.rules.band', {
              band: t('fund.rules.upTo', { amount: yuan(councilMaxFen) }),
              source: source(rules.sources.councilMaxFen),
            }),
          },
          {
            key: 'community',
            label: t('fund.rules.community'),
            children: t('fund.rules.above', { amount: yuan(councilMaxFen) }),
          },
        ]}
      />
      <p className="hint">{t('fund.rules.levelsHint')}</p>
      {rules.canSet ? (
        <Form<Values>
          form={form}
          name={`fund-rules-${base.replaceAll('/', '-')}`}
          layout="vertical"
          initialValues={{ chairMax: yuan(chairMaxFen), councilMax: yuan(councilMaxFen) }}
          onFinish={submit}
        >
          {station ? <p className="hint">{t('fund.rules.stationHint')}</p> : null}
          <Flex wrap gap={16}>
            <Form.Item name="chairMax" label={t('fund.rules.chairMax')} rules={[{ required: true }]}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="councilMax" label={t('fund.rules.councilMax')} rules={[{ required: true }]}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Flex>
          <Flex wrap gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('fund.rules.save')}
            </Button>
            {rules.own ? (
              <Button onClick={() => save.mutate(null)} loading={save.isPending}>
                {t('fund.rules.remove')}
              </Button>
            ) : null}
          </Flex>
          <ProblemAlert error={save.error} />
        </Form>
      ) : null}
    </div>
  );
}
