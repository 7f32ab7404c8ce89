import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Radio, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { FindingsSection } from './FindingsSection.tsx';
import { type PatrolDetail, type PatrolState, usePatrol, useRecordPatrol } from './fieldApi.ts';

const STATES: PatrolState[] = ['ok', 'issue', 'na'];
type Draft = Record<string, { state?: PatrolState; note: string }>;

/** One patrol on a phone: the checklist item by item (正常 / 有问题 / 不适用 + note), then findings. */
export function PatrolChecklist({ id, onBack }: { id: number; onBack: () => void }) {
  const patrol = usePatrol(id);
  if (patrol.isPending) return <Loading />;
  if (patrol.isError) return <ProblemAlert error={patrol.error} />;
  return <Checklist patrol={patrol.data} onBack={onBack} key={patrol.data.id} />;
}

function Checklist({ patrol, onBack }: { patrol: PatrolDetail; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordPatrol(patrol.id);
  const [draft, setDraft] = useState<Draft>({});
  const [note, setNote] = useState(patrol.note ?? '');
  useEffect(() => {
    setDraft(
      Object.fromEntries(patrol.results.map((r) => [r.key, { state: r.state, note: r.note ?? '' }])) as Draft,
    );
  }, [patrol.results]);
  const editable = patrol.abilities.record;

  const save = (done: boolean) => {
    const items = patrol.items.flatMap((item) => {
      const d = draft[item.key];
      return d?.state
        ? [{ key: item.key, state: d.state, ...(d.note.trim() ? { note: d.note.trim() } : {}) }]
        : [];
    });
    record.mutate(
      { items, done, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => void message.success(done ? t('field.patrol.finished') : t('common.saved')) },
    );
  };

  return (
    <div className="stack">
      <Button
        type="link"
        icon={<ArrowLeftOutlined aria-hidden />}
        onClick={onBack}
        style={{ alignSelf: 'start' }}
      >
        {t('field.patrol.back')}
      </Button>
      <PageTitle>
        {t('field.patrol.heading', { compound: patrol.compoundName, day: patrol.plannedOn })}
      </PageTitle>
      <p className="hint">
        {t('field.patrol.meta', { worker: patrol.workerName, template: patrol.templateName })}{' '}
        {patrol.doneAt ? (
          <Tag color={TAG.good}>{t('field.patrol.done')}</Tag>
        ) : (
          <Tag>{t('field.patrol.pending')}</Tag>
        )}
      </p>
      {editable ? null : <Alert type="info" showIcon title={t('field.patrol.readOnly')} />}
      <section aria-labelledby="checklist-heading" className="stack">
        <h2 id="checklist-heading" style={{ fontSize: 18, margin: 0 }}>
          {t('field.patrol.checklist')}
        </h2>
        {patrol.items.map((item) => {
          const d = draft[item.key] ?? { note: '' };
          const set = (patch: Partial<Draft[string]>) =>
            setDraft((all) => ({ ...all, [item.key]: { ...d, ...patch } }));
          return (
            <fieldset
              key={item.key}
              style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, margin: 0 }}
              disabled={!editable}
            >
              <legend
                style={{
                  fontSize: 16,
                  fontWeight: 600,
                  padding: '0 4px',
                  width: 'auto',
                  margin: 0,
                  border: 0,
                }}
              >
                {item.label}
              </legend>
              <Radio.Group
                aria-label={item.label}
                optionType="button"
                buttonStyle="solid"
                value={d.state}
                onChange={(e) => set({ state: e.target.value })}
                options={STATES.map((s) => ({ value: s, label: t(`field.patrol.state.${s}`) }))}
              />
              <Input
                style={{ marginTop: 8 }}
                aria-label={t('field.patrol.itemNote', { item: item.label })}
                placeholder={t('field.patrol.notePlaceholder')}
                maxLength={500}
                value={d.note}
                onChange={(e) => set({ note: e.target.value })}
              />
            </fieldset>
          );
        })}
        <label htmlFor="patrol-note">{t('field.patrol.overallNote')}</label>
        <Input.TextArea
          id="patrol-note"
          rows={2}
          maxLength={2000}
          value={note}
          disabled={!editable}
          onChange={(e) => setNote(e.target.value)}
        />
        <ProblemAlert error={record.error} />
        {editable ? (
          <Flex gap={8} wrap>
            <Button onClick={() => save(false)} loading={record.isPending}>
              {t('common.save')}
            </Button>
            <Button type="primary" onClick={() => save(true)} loading={record.isPending}>
              {t('field.patrol.finish')}
            </Button>
          </Flex>
        ) : null}
      </section>
      <FindingsSection patrol={patrol} />
    </div>
  );
}
