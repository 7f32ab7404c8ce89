import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import {
  type FieldOverview,
  type Template,
  useAddTemplate,
  useTemplates,
  useUpdateTemplate,
} from './fieldApi.ts';

type Item = { key: string; label: string };

/** A fresh key for a new item: staff type only labels; existing items keep their keys (results refer to them). */
function newKey(items: Item[]): string {
  let n = items.length + 1;
  while (items.some((i) => i.key === `item${n}`)) n += 1;
  return `item${n}`;
}

export function TemplatesTab({ overview }: { overview: FieldOverview }) {
  const { t } = useTranslation();
  const stationId = overview.station.id;
  const templates = useTemplates(stationId);
  const update = useUpdateTemplate();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  return (
    <div className="stack">
      {overview.abilities.manage || overview.abilities.communityTemplates ? (
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('field.templates.add')}
          </Button>
        </Flex>
      ) : null}
      <ProblemAlert error={templates.error ?? update.error} />
      <Table
        rowKey="id"
        loading={templates.isPending}
        dataSource={templates.data ?? []}
        pagination={false}
        columns={[
          { title: t('field.templates.name'), dataIndex: 'name' },
          {
            title: t('field.templates.scopeLabel'),
            key: 'scope',
            render: (_: unknown, x: Template) => <Tag>{t(`field.templates.scope.${x.scope}`)}</Tag>,
          },
          {
            title: t('field.templates.items'),
            key: 'items',
            render: (_: unknown, x: Template) => x.items.map((i) => i.label).join('、'),
          },
          {
            title: t('field.templates.status'),
            key: 'status',
            render: (_: unknown, x: Template) =>
              x.active ? (
                <Tag color={TAG.good}>{t('field.templates.active')}</Tag>
              ) : (
                <Tag>{t('field.templates.retired')}</Tag>
              ),
          },
          {
            title: t('field.templates.actions'),
            key: 'actions',
            render: (_: unknown, x: Template) =>
              x.canEdit ? (
                <Space>
                  <Button
                    size="small"
                    onClick={() => setEditing(x)}
                    aria-label={`${t('field.templates.edit')} ${x.name}`}
                  >
                    {t('field.templates.edit')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => update.mutate({ id: x.id, patch: { active: !x.active } })}
                    aria-label={`${x.active ? t('field.templates.retire') : t('field.templates.restore')} ${x.name}`}
                  >
                    {x.active ? t('field.templates.retire') : t('field.templates.restore')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing ? (
        <TemplateEditor
          overview={overview}
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

function TemplateEditor(props: { overview: FieldOverview; template: Template | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { overview, template } = props;
  const [name, setName] = useState(template?.name ?? '');
  const [items, setItems] = useState<Item[]>(template?.items ?? [{ key: 'item1', label: '' }]);
  const [community, setCommunity] = useState(!overview.abilities.manage);
  const add = useAddTemplate(overview.station.id);
  const update = useUpdateTemplate();
  const save = () => {
    const clean = items.map((i) => ({ key: i.key, label: i.label.trim() }));
    if (template) {
      update.mutate(
        { id: template.id, patch: { name: name.trim(), items: clean } },
        { onSuccess: props.onClose },
      );
    } else {
      add.mutate(
        { name: name.trim(), items: clean, scope: community ? 'community' : 'station' },
        { onSuccess: props.onClose },
      );
    }
  };
  return (
    <Modal
      open
      title={template ? t('field.templates.editTitle') : t('field.templates.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || update.isPending}
      onCancel={props.onClose}
      onOk={save}
      width={560}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('field.templates.name')} htmlFor="template-name" required>
          <Input id="template-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, border: 0, marginBottom: 8 }}>{t('field.templates.items')}</legend>
          {items.map((item, i) => (
            <Flex key={item.key} gap={8} style={{ marginBottom: 8 }}>
              <Input
                aria-label={t('field.templates.itemLabel', { n: i + 1 })}
                maxLength={60}
                value={item.label}
                onChange={(e) =>
                  setItems(items.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
                }
              />
              <Button
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('field.templates.removeItem', { n: i + 1 })}
                disabled={items.length <= 1}
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined aria-hidden />}
            disabled={items.length >= 50}
            onClick={() => setItems([...items, { key: newKey(items), label: '' }])}
          >
            {t('field.templates.addItem')}
          </Button>
        </fieldset>
        {!template && overview.abilities.communityTemplates && overview.abilities.manage ? (
          <Checkbox
            checked={community}
            onChange={(e) => setCommunity(e.target.checked)}
            style={{ marginTop: 12 }}
          >
            {t('field.templates.forCommunity')}
          </Checkbox>
        ) : null}
      </Form>
      <ProblemAlert error={add.error ?? update.error} />
    </Modal>
  );
}
