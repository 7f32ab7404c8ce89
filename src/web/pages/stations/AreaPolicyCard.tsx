import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Space, Switch, TreeSelect } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_POSITION_PAIRS } from '../../../modules/stations/composition.ts';
import { rate } from '../../../shared/ratio.ts';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import type { PlaceNode } from '../../api/types.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fetchChildren } from '../places/placesApi.ts';
import {
  type EffectivePolicy,
  type PolicyOverrides,
  useAreaPolicy,
  useSetAreaPolicy,
} from './stationsApi.ts';

interface AreaOption {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
}

const toOption = (place: PlaceNode, parent: number | null): AreaOption => ({
  id: place.id,
  pId: parent,
  value: place.id,
  title: place.name,
  // Communities are the lowest areas; below them are compounds, which have no policy of their own.
  isLeaf: !place.hasChildren || place.level === 'community',
});

/**
 * The areas the user's grants reach, loaded a level at a time: the roots of /places/children (the
 * places the user's grants cover) and the areas below them. Stations and compounds are left out.
 */
function useAreaOptions() {
  const client = useQueryClient();
  const [options, setOptions] = useState<AreaOption[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    fetchChildren(client)
      .then((items) => {
        if (!live) return;
        setOptions(items.filter((p) => p.kind === 'area').map((p) => toOption(p, null)));
        setLoaded(true);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [client]);
  const loadChildren = async (areaId: number) => {
    try {
      const items = await fetchChildren(client, { kind: 'area', id: areaId });
      const areas = items.filter((p) => p.kind === 'area').map((p) => toOption(p, areaId));
      setOptions((old) => [
        ...old.map((o) => (o.id === areaId && areas.length === 0 ? { ...o, isLeaf: true } : o)),
        ...areas.filter((a) => !old.some((o) => o.id === a.id)),
      ]);
    } catch (err) {
      setError(err);
    }
  };
  return { options, error, loaded, loadChildren };
}

interface Values {
  sdMin: number | null;
  sdMax: number | null;
  chairs: number | null;
  shareNum: number | null;
  shareDen: number | null;
  live: boolean;
  exclusive: boolean;
}
type Field = keyof Values;

/** "One position per person": every pair of distinct positions is exclusive. */
function allExclusive(pairs: EffectivePolicy['policy']['exclusivePositions']): boolean {
  const key = (a: string, b: string) => [a, b].sort().join('|');
  const have = new Set(pairs.map(([a, b]) => key(a, b)));
  return ALL_POSITION_PAIRS.every(([a, b]) => have.has(key(a, b)));
}

function valuesOf({ policy: p }: EffectivePolicy): Values {
  return {
    sdMin: p.standingDirectors.min,
    sdMax: p.standingDirectors.max,
    chairs: p.chairs,
    shareNum: p.residentShareMin.num,
    shareDen: p.residentShareMin.den,
    live: p.standingDirectorsLiveInCompound,
    exclusive: allExclusive(p.exclusivePositions),
  };
}

/**
 * The area's overrides after the edit: what it set already (with the form's values) and every field
 * changed from the policy in effect. Untouched inherited values are not copied, so a change made
 * above later still reaches this area.
 */
function overridesOf(data: EffectivePolicy, v: Values): PolicyOverrides {
  const { own, policy: p } = data;
  const n = (x: number | null) => x ?? 0;
  const out: PolicyOverrides = {};
  const sd = { min: n(v.sdMin), max: n(v.sdMax) };
  if (own.standingDirectors || sd.min !== p.standingDirectors.min || sd.max !== p.standingDirectors.max) {
    out.standingDirectors = sd;
  }
  if (own.chairs !== undefined || n(v.chairs) !== p.chairs) out.chairs = n(v.chairs);
  const share = { num: n(v.shareNum), den: n(v.shareDen) };
  if (own.residentShareMin || share.num !== p.residentShareMin.num || share.den !== p.residentShareMin.den) {
    out.residentShareMin = share;
  }
  if (own.standingDirectorsLiveInCompound !== undefined || v.live !== p.standingDirectorsLiveInCompound) {
    out.standingDirectorsLiveInCompound = v.live;
  }
  if (v.exclusive !== allExclusive(p.exclusivePositions)) {
    out.exclusivePositions = v.exclusive ? [...ALL_POSITION_PAIRS] : [];
  } else if (own.exclusivePositions) {
    out.exclusivePositions = [...own.exclusivePositions];
  }
  return out;
}

/** The server's paths ('standingDirectors.min', 'body.residentShareMin', …) on the form's fields. */
const FIELD_OF: [RegExp, Field][] = [
  [/^standingDirectors\.min/, 'sdMin'],
  [/^standingDirectors/, 'sdMax'],
  [/^chairs/, 'chairs'],
  [/^residentShareMin\.num/, 'shareNum'],
  [/^residentShareMin/, 'shareDen'],
  [/^standingDirectorsLiveInCompound/, 'live'],
  [/^exclusivePositions/, 'exclusive'],
];

const fieldOf = (path: string) => FIELD_OF.find(([re]) => re.test(path))?.[1];

const COUNT_MAX = 99;
const FIELD_STYLE = { minWidth: 180 };

/**
 * 构成规则 for officers (station.policy): an area's overrides of the council composition policy,
 * inherited by every station below it. Each field says where its value comes from now.
 */
export function AreaPolicyCard() {
  const { t } = useTranslation();
  const pickId = useId();
  const areas = useAreaOptions();
  const [areaId, setAreaId] = useState<number | null>(null);
  const chosen = areaId ?? areas.options[0]?.id ?? null;
  const policy = useAreaPolicy(chosen);

  return (
    <Card title={<h2 className="section-title">{t('council.policy.title')}</h2>}>
      <p>{t('council.policy.intro')}</p>
      {areas.error ? <ProblemAlert error={areas.error} /> : null}
      {!areas.loaded ? (
        areas.error ? null : (
          <Loading />
        )
      ) : areas.options.length === 0 ? (
        <p>{t('council.policy.noAreas')}</p>
      ) : (
        <div className="stack">
          <Space wrap>
            <label htmlFor={pickId}>{t('council.policy.areaPick')}</label>
            <TreeSelect<number>
              id={pickId}
              aria-label={t('council.policy.areaPick')}
              style={{ minWidth: 240 }}
              treeDataSimpleMode
              treeData={areas.options}
              value={chosen ?? undefined}
              onChange={(v) => setAreaId(v)}
              loadData={(node) => areas.loadChildren(Number(node.value))}
              treeDefaultExpandAll={false}
            />
          </Space>
          {policy.error ? <ProblemAlert error={policy.error} /> : null}
          {chosen !== null && policy.data ? (
            <PolicyForm key={chosen} areaId={chosen} data={policy.data} />
          ) : policy.isFetching ? (
            <Loading />
          ) : null}
        </div>
      )}
    </Card>
  );
}

function PolicyForm({ areaId, data }: { areaId: number; data: EffectivePolicy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetAreaPolicy(areaId);
  const shareNum = Form.useWatch('shareNum', form);
  const shareDen = Form.useWatch('shareDen', form);

  const from = (key: string) => {
    const s = data.sources[key];
    const source =
      !s || s.level === 'default'
        ? t('council.policy.default')
        : s.level === 'area' && s.areaId === areaId
          ? t('council.policy.thisArea')
          : t('council.policy.area', { name: s.name ?? '' });
    return t('council.policy.from', { source });
  };
  const submit = (body: PolicyOverrides, done: string) => {
    save.mutate(body, {
      onSuccess: (saved) => {
        form.setFieldsValue(valuesOf(saved));
        void message.success(done);
      },
      onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)),
    });
  };
  const count = { type: 'number' as const, min: 0, max: COUNT_MAX, message: t('council.policy.count') };
  const required = { required: true, message: t('council.policy.count') };
  const hasOwn = Object.keys(data.own).length > 0;
  const percent =
    typeof shareNum === 'number' && typeof shareDen === 'number' ? rate(shareNum, shareDen).percent : null;

  return (
    <Form<Values>
      form={form}
      name={`area-policy-${areaId}`}
      layout="vertical"
      disabled={!data.canSet || save.isPending}
      initialValues={valuesOf(data)}
      onFinish={(values) => submit(overridesOf(data, values), t('common.saved'))}
    >
      {data.canSet ? null : (
        <Form.Item>
          <Alert type="info" showIcon title={t('council.policy.readOnly')} />
        </Form.Item>
      )}
      <Space wrap align="start" size="large">
        <Form.Item
          style={FIELD_STYLE}
          name="sdMin"
          label={t('council.policy.standingMin')}
          rules={[required, count]}
          extra={from('standingDirectors')}
        >
          <InputNumber<number> min={0} max={COUNT_MAX} precision={0} />
        </Form.Item>
        <Form.Item
          style={FIELD_STYLE}
          name="sdMax"
          label={t('council.policy.standingMax')}
          rules={[required, count]}
        >
          <InputNumber<number> min={0} max={COUNT_MAX} precision={0} />
        </Form.Item>
        <Form.Item
          style={FIELD_STYLE}
          name="chairs"
          label={t('council.policy.chairs')}
          rules={[required, count]}
          extra={from('chairs')}
        >
          <InputNumber<number> min={0} max={COUNT_MAX} precision={0} />
        </Form.Item>
      </Space>
      <Space wrap align="start" size="large">
        <Form.Item
          style={FIELD_STYLE}
          name="shareNum"
          label={t('council.policy.shareNum')}
          rules={[required, count]}
          extra={from('residentShareMin')}
        >
          <InputNumber<number> min={1} max={COUNT_MAX} precision={0} />
        </Form.Item>
        <Form.Item
          style={FIELD_STYLE}
          name="shareDen"
          label={t('council.policy.shareDen')}
          rules={[required, count]}
          extra={percent === null ? undefined : t('council.policy.percent', { percent })}
        >
          <InputNumber<number> min={1} max={COUNT_MAX} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item
        name="live"
        label={t('council.policy.live')}
        valuePropName="checked"
        extra={from('standingDirectorsLiveInCompound')}
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="exclusive"
        label={t('council.policy.exclusive')}
        valuePropName="checked"
        extra={from('exclusivePositions')}
      >
        <Switch />
      </Form.Item>
      {save.error ? (
        <Form.Item>
          <ProblemAlert error={save.error} />
        </Form.Item>
      ) : null}
      {data.canSet ? (
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button
            disabled={!hasOwn || save.isPending}
            onClick={() => submit({}, t('council.policy.resetDone'))}
          >
            {t('council.policy.reset')}
          </Button>
        </Space>
      ) : null}
      {data.canSet ? <p className="hint">{t('council.policy.resetHint')}</p> : null}
    </Form>
  );
}
