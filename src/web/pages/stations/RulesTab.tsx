import { App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import { RULE_KINDS } from '../../../modules/stations/station-kinds.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { type RuleInput, type RuleVersion, useAddRule, useRules } from './stationsApi.ts';

type Kind = RuleVersion['kind'];

/** 制度: the versions in force, adding a version, and the history (staff only). */
export function RulesTab({ stationId }: { stationId: number }) {
  const { t } = useTranslation();
  const rules = useRules(stationId);
  const [adding, setAdding] = useState(false);
  if (rules.isPending) return <Loading />;
  if (rules.error) return <ProblemAlert error={rules.error} />;
  const { current, history, canManage } = rules.data;
  return (
    <div className="stack">
      <Card
        title={<h2 className="section-title">{t('council.rules.current')}</h2>}
        extra={canManage ? <Button onClick={() => setAdding(true)}>{t('council.rules.add')}</Button> : null}
      >
        {history === null ? <p className="hint">{t('council.rules.readOnly')}</p> : null}
        {current.length === 0 ? <p>{t('council.rules.none')}</p> : null}
        {current.map((r) => (
          <article key={r.id} aria-labelledby={`rule-${r.id}`}>
            <h3 id={`rule-${r.id}`}>
              {t(`council.ruleKind.${r.kind}`)} · {r.title}（
              {t('council.rules.version', { version: r.version })}）
            </h3>
            <p className="hint">{t('council.rules.adopted', { by: r.adoptedBy, on: r.adoptedOn })}</p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{r.body}</p>
          </article>
        ))}
      </Card>
      {history !== null ? (
        <Card title={<h2 className="section-title">{t('council.rules.history')}</h2>}>
          <ScrollRegion label={t('council.rules.history')}>
            <Table<RuleVersion>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={history}
              columns={[
                {
                  title: t('council.rules.kind'),
                  dataIndex: 'kind',
                  render: (k: Kind) => t(`council.ruleKind.${k}`),
                },
                {
                  title: t('council.rules.versionColumn'),
                  dataIndex: 'version',
                  render: (v: number) => t('council.rules.version', { version: v }),
                },
                { title: t('council.rules.titleField'), dataIndex: 'title' },
                { title: t('council.rules.adoptedBy'), dataIndex: 'adoptedBy' },
                { title: t('council.rules.adoptedOn'), dataIndex: 'adoptedOn' },
              ]}
            />
          </ScrollRegion>
        </Card>
      ) : null}
      {adding ? <RuleModal stationId={stationId} onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

function RuleModal({ stationId, onClose }: { stationId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddRule(stationId);
  const [input, setInput] = useState<RuleInput>({
    kind: 'charter',
    title: '',
    body: '',
    adoptedBy: '',
    adoptedOn: chinaDate(),
  });
  const set = (patch: Partial<RuleInput>) => setInput((i) => ({ ...i, ...patch }));
  const submit = () =>
    add.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
    });
  return (
    <Modal
      open
      title={t('council.rules.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={submit}
      onCancel={onClose}
      width={640}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('council.rules.kind')}>
          <Select
            aria-label={t('council.rules.kind')}
            value={input.kind}
            onChange={(kind) => set({ kind })}
            options={RULE_KINDS.map((k) => ({ value: k, label: t(`council.ruleKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('council.rules.titleField')} htmlFor="rule-title" required>
          <Input
            id="rule-title"
            maxLength={100}
            value={input.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('council.rules.body')} htmlFor="rule-body" required>
          <Input.TextArea
            id="rule-body"
            rows={8}
            value={input.body}
            onChange={(e) => set({ body: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('council.rules.adoptedBy')} htmlFor="rule-by" required>
          <Input
            id="rule-by"
            maxLength={100}
            value={input.adoptedBy}
            onChange={(e) => set({ adoptedBy: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('council.rules.adoptedOn')} htmlFor="rule-on" required>
          <Input
            id="rule-on"
            type="date"
            max={chinaDate()}
            value={input.adoptedOn}
            onChange={(e) => set({ adoptedOn: e.target.value })}
          />
        </Form.Item>
      </Form>
      {add.error ? <ProblemAlert error={add.error} /> : null}
    </Modal>
  );
}
