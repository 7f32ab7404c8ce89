import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { chinaDay } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type ConventionSummary, useConventions, useDraftConvention } from './conventionsApi.ts';

/** A station's conventions 公约 with the version in force and when it was published; 起草公约 for staff. */
export function ConventionList({ stationId }: { stationId: number }) {
  const { t, i18n } = useTranslation();
  const conventions = useConventions(stationId);
  const [drafting, setDrafting] = useState(false);
  const day = chinaDay(i18n.language);
  return (
    <div className="stack">
      {conventions.error ? <ProblemAlert error={conventions.error} /> : null}
      {conventions.data?.canDraft ? (
        <div>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrafting(true)}>
            {t('conventions.create.open')}
          </Button>
        </div>
      ) : null}
      <List<ConventionSummary>
        loading={conventions.isPending}
        dataSource={conventions.data?.items ?? []}
        locale={{ emptyText: t('conventions.empty') }}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <div className="topic-row convention-row">
              <Link to={`/conventions/${c.id}`} className="topic-row-title">
                {c.title}
              </Link>
              <div className="topic-row-meta">
                {c.inForce !== null ? (
                  <Tag color={TAG.good}>{t('conventions.inForce', { n: c.inForce })}</Tag>
                ) : (
                  <Tag color={TAG.plain}>{t('conventions.notInForce')}</Tag>
                )}
                {c.draft !== null ? (
                  <Tag color={TAG.warn}>{t('conventions.draftOf', { n: c.draft })}</Tag>
                ) : null}
                {c.publishedAt ? (
                  <span className="hint">{t('conventions.publishedOn', { date: day(c.publishedAt) })}</span>
                ) : null}
              </div>
            </div>
          </List.Item>
        )}
      />
      {drafting ? <DraftConventionModal stationId={stationId} onClose={() => setDrafting(false)} /> : null}
    </div>
  );
}

interface DraftValues {
  title: string;
  body: string;
}
const DRAFT_FIELDS = ['title', 'body'] as const;

/** 起草公约: a name and its text, saved as the draft of version 1; then its page. */
function DraftConventionModal({ stationId, onClose }: { stationId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftValues>();
  const draft = useDraftConvention(stationId);
  const submit = (v: DraftValues) =>
    draft.mutate(
      { title: v.title.trim(), body: v.body.trim() },
      {
        onSuccess: ({ id }) => {
          void message.success(t('conventions.create.done'));
          onClose();
          void navigate(`/conventions/${id}`);
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, DRAFT_FIELDS)),
      },
    );
  return (
    <Modal
      open
      title={t('conventions.create.title')}
      okText={t('conventions.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={draft.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={720}
    >
      <Form<DraftValues>
        form={form}
        name="draft-convention"
        layout="vertical"
        initialValues={{ title: '', body: '' }}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label={t('conventions.create.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('conventions.create.titleRequired') }]}
        >
          <Input maxLength={200} placeholder={t('conventions.create.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('conventions.create.body')}
          rules={[{ required: true, whitespace: true, message: t('conventions.create.bodyRequired') }]}
        >
          <Input.TextArea rows={12} maxLength={50000} />
        </Form.Item>
      </Form>
      {draft.error ? <ProblemAlert error={draft.error} /> : null}
    </Modal>
  );
}
