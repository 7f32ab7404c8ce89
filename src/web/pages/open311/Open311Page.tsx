import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Table, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ownStations, StationChooser, type StationRef } from '../places/StationChooser.tsx';
import {
  type CreatedOpen311Key,
  type Open311Key,
  useCreateOpen311Key,
  useOpen311Keys,
  useRevokeOpen311Key,
} from './open311Api.ts';

type Station = StationRef;

/**
 * Open311 对接: station admins (request.configure) list, make and revoke the client keys outside
 * systems post requests with. A new key is shown once; the server keeps only its hash.
 */
export default function Open311Page() {
  const { t } = useTranslation();
  const me = useMe().data;
  // A station admin of one station starts there; others pick a compound in the tree.
  const own = ownStations(me);
  const [station, setStation] = useState<Station | null>(own.length === 1 ? own[0]! : null);

  return (
    <>
      <PageTitle>{t('open311.title')}</PageTitle>
      <div className="places-grid">
        <StationChooser title={t('open311.chooseStation')} own={own} current={station} onPick={setStation} />
        <div className="stack">
          <Card>
            <p>{t('open311.intro')}</p>
            <Descriptions
              column={1}
              items={[
                {
                  key: 'discovery',
                  label: t('open311.discovery'),
                  children: <code>{`${window.location.origin}/open311/discovery.xml`}</code>,
                },
              ]}
            />
          </Card>
          {station ? (
            <StationKeys key={station.id} station={station} />
          ) : (
            <Alert type="info" showIcon title={t('open311.pickFirst')} />
          )}
        </div>
      </div>
    </>
  );
}

function StationKeys({ station }: { station: Station }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const headingId = useId();
  const createId = useId();
  const keys = useOpen311Keys(station.id);
  const create = useCreateOpen311Key(station.id);
  const revoke = useRevokeOpen311Key(station.id);
  const [form] = Form.useForm<{ name: string }>();
  const [shown, setShown] = useState<CreatedOpen311Key | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const copy = (key: string) => {
    navigator.clipboard
      .writeText(key)
      .then(() => void message.success(t('open311.copied')))
      .catch(() => void message.error(t('open311.copyFailed')));
  };

  return (
    <>
      <Card
        title={
          <h2 id={headingId} className="section-title">
            {t('open311.keysOf', { name: station.name })}
          </h2>
        }
      >
        {keys.error ? <ProblemAlert error={keys.error} /> : null}
        {keys.data ? (
          <Descriptions
            column={1}
            items={[
              {
                key: 'jurisdiction',
                label: t('open311.jurisdiction'),
                children: <code>{keys.data.jurisdictionId}</code>,
              },
            ]}
          />
        ) : null}
        {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
        <Table<Open311Key>
          rowKey="id"
          size="small"
          aria-labelledby={headingId}
          loading={keys.isPending && !keys.error}
          pagination={false}
          dataSource={keys.data?.items ?? []}
          locale={{ emptyText: t('open311.empty') }}
          columns={[
            { title: t('open311.name'), dataIndex: 'name' },
            {
              title: t('open311.keyTail'),
              dataIndex: 'keyTail',
              render: (tail: string) => <code>…{tail}</code>,
            },
            {
              title: t('open311.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => date.format(new Date(at)),
            },
            {
              title: t('open311.status'),
              key: 'status',
              render: (_, k) =>
                k.revokedAt ? (
                  <Tag>{t('open311.revokedAt', { at: date.format(new Date(k.revokedAt)) })}</Tag>
                ) : (
                  <Tag color="#237804">{t('open311.active')}</Tag>
                ),
            },
            {
              title: t('open311.actions'),
              key: 'actions',
              render: (_, k) =>
                k.revokedAt ? null : (
                  <Popconfirm
                    title={t('open311.revokeConfirm', { name: k.name })}
                    okText={t('open311.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      revoke.mutateAsync(k.id).then(() => void message.success(t('open311.revoked')))
                    }
                  >
                    <Button danger size="small">
                      {t('open311.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card
        title={
          <h2 id={createId} className="section-title">
            {t('open311.create')}
          </h2>
        }
      >
        <Form<{ name: string }>
          form={form}
          name={`open311-key-${station.id}`}
          layout="vertical"
          aria-labelledby={createId}
          onValuesChange={() => create.error && create.reset()}
          onFinish={(v) =>
            create.mutate(v.name.trim(), {
              onSuccess: (made) => {
                setShown(made);
                form.resetFields();
              },
            })
          }
        >
          <Form.Item
            name="name"
            label={t('open311.name')}
            rules={[{ required: true, whitespace: true, message: t('open311.nameRequired') }]}
          >
            <Input maxLength={40} placeholder={t('open311.namePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('open311.createButton')}
          </Button>
        </Form>
        {create.error ? <ProblemAlert error={create.error} /> : null}
        {shown ? (
          <Alert
            className="submit-row"
            type="success"
            showIcon
            role="status"
            closable={{ 'aria-label': t('common.close') }}
            onClose={() => setShown(null)}
            title={t('open311.created', { name: shown.name })}
            description={
              <>
                <p>{t('open311.onlyOnce')}</p>
                <p>
                  <code>{shown.key}</code>
                </p>
                <Button icon={<CopyOutlined aria-hidden />} onClick={() => copy(shown.key)}>
                  {t('open311.copy')}
                </Button>
              </>
            }
          />
        ) : null}
      </Card>
    </>
  );
}
