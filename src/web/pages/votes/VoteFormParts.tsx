import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Thresholds } from './votesApi.ts';

/** The options of a single / multi vote (an antd form control: value / onChange). */
export function OptionsEditor(props: {
  id?: string;
  value?: string[];
  onChange?: (options: string[]) => void;
}) {
  const { t } = useTranslation();
  const options = props.value ?? [];
  const set = (next: string[]) => props.onChange?.(next);
  return (
    <div className="stack" id={props.id}>
      <ol className="plain-list option-list">
        {options.map((label, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place by position
          <li key={i} className="option-row">
            <Input
              aria-label={t('votes.form.option', { n: i + 1 })}
              maxLength={100}
              value={label}
              onChange={(e) => set(options.map((o, j) => (j === i ? e.target.value : o)))}
            />
            <Button
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('votes.form.removeOption', { n: i + 1 })}
              onClick={() => set(options.filter((_, j) => j !== i))}
            />
          </li>
        ))}
      </ol>
      <Button
        icon={<PlusOutlined aria-hidden />}
        onClick={() => set([...options, ''])}
        disabled={options.length >= 30}
      >
        {t('votes.form.addOption')}
      </Button>
    </div>
  );
}

type Stage = keyof Thresholds;
type Dimension = 'heads' | 'area';
type Threshold = { num: number; den: number; strict: boolean };
const ROWS: [Stage, Dimension][] = [
  ['participation', 'heads'],
  ['participation', 'area'],
  ['agreement', 'heads'],
  ['agreement', 'area'],
];

/** A custom rule starts as a residents' meeting: more than half take part, more than half agree. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  participation: { heads: { num: 1, den: 2, strict: true } },
  agreement: { heads: { num: 1, den: 2, strict: true } },
};

/** The custom rule's thresholds: for turnout and agreement, by heads and by area, "≥" or ">" n/d, or none. */
export function ThresholdsEditor(props: {
  id?: string;
  value?: Thresholds;
  onChange?: (t: Thresholds) => void;
}) {
  const { t } = useTranslation();
  const value = props.value ?? DEFAULT_THRESHOLDS;
  const put = (stage: Stage, dimension: Dimension, th: Threshold | undefined) => {
    const { [dimension]: _old, ...rest } = value[stage];
    props.onChange?.({ ...value, [stage]: th ? { ...rest, [dimension]: th } : rest });
  };
  return (
    <div className="stack" id={props.id}>
      {ROWS.map(([stage, dimension]) => {
        const th = value[stage][dimension];
        const names = { stage: t(`votes.stage.${stage}`), dimension: t(`votes.dimension.${dimension}`) };
        return (
          <Space key={`${stage}-${dimension}`} wrap align="center">
            <span className="threshold-name">
              {names.stage} · {names.dimension}
            </span>
            <Select<'none' | 'atLeast' | 'over'>
              aria-label={t('votes.form.comparator', names)}
              style={{ minWidth: 110 }}
              value={th ? (th.strict ? 'over' : 'atLeast') : 'none'}
              onChange={(c) =>
                put(
                  stage,
                  dimension,
                  c === 'none' ? undefined : { num: th?.num ?? 1, den: th?.den ?? 2, strict: c === 'over' },
                )
              }
              options={[
                { value: 'none', label: t('votes.form.notSet') },
                { value: 'atLeast', label: t('votes.form.atLeast') },
                { value: 'over', label: t('votes.form.over') },
              ]}
            />
            {th ? (
              <>
                <InputNumber
                  aria-label={t('votes.form.num', names)}
                  min={0}
                  max={1000}
                  value={th.num}
                  onChange={(n) => put(stage, dimension, { ...th, num: n ?? 0 })}
                />
                <span aria-hidden="true">/</span>
                <InputNumber
                  aria-label={t('votes.form.den', names)}
                  min={1}
                  max={1000}
                  value={th.den}
                  onChange={(n) => put(stage, dimension, { ...th, den: n ?? 1 })}
                />
              </>
            ) : null}
          </Space>
        );
      })}
    </div>
  );
}
