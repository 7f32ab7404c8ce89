import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ConventionVotePicker } from './ConventionVotePicker.tsx';
import {
  type Convention,
  type ConventionVersion,
  useDraftVersion,
  usePublishVersion,
  useYesNoVotes,
} from './conventionsApi.ts';

/**
 * 修订与公布, for deliberation.manage: the draft (one at a time) with its adopting vote and 公布, which the
 * server allows once that vote has closed and passed; without a draft, 起草新版本 from the text in force.
 */
export function ConventionDraft({ convention: c }: { convention: Convention }) {
  const { t } = useTranslation();
  const [drafting, setDrafting] = useState(false);
  const draft = c.versions.find((v) => v.status === 'draft');
  // Versions come newest first: the one in force, else the latest, is where the next draft starts.
  const base = c.versions.find((v) => v.status === 'published') ?? c.versions[0];
  const next = Math.max(0, ...c.versions.map((v) => v.version)) + 1;
  return (
    <Card title={<h2 className="section-title">{t('conventions.manage.heading')}</h2>}>
      {draft ? (
        <DraftVersion convention={c} draft={draft} />
      ) : (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDrafting(true)}>
          {t('conventions.manage.draftNext')}
        </Button>
      )}
      {drafting ? (
        <NextVersionModal
          conventionId={c.id}
          version={next}
          text={base?.body ?? ''}
          onClose={() => setDrafting(false)}
        />
      ) : null}
    </Card>
  );
}

function DraftVersion({ convention: c, draft }: { convention: Convention; draft: ConventionVersion }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const publish = usePublishVersion(c.id);
  // The server publishes only once the linked vote has closed and passed: so does the button.
  const linked = useYesNoVotes(c.stationId, true).votes.find((v) => v.id === draft.voteId);
  const adopted = linked?.status === 'closed' && linked.passed === true;
  const confirm = () =>
    void modal.confirm({
      title: t('conventions.manage.publishTitle', { n: draft.version }),
      content: t('conventions.manage.publishConfirm'),
      okText: t('conventions.manage.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutate(draft.version, {
          onSuccess: () => void message.success(t('conventions.manage.published')),
        }),
    });
  return (
    <section className="stack" aria-labelledby="convention-draft-heading">
      <h3 id="convention-draft-heading" className="section-title">
        {t('conventions.manage.draftHeading', { n: draft.version })}
      </h3>
      <div className="convention-draft-text">{draft.body}</div>
      <ConventionVotePicker conventionId={c.id} stationId={c.stationId} draft={draft} />
      <Space wrap>
        <Button type="primary" loading={publish.isPending} disabled={!adopted} onClick={confirm}>
          {t('conventions.manage.publish')}
        </Button>
        {adopted ? null : <span className="hint">{t('conventions.manage.publishWhen')}</span>}
      </Space>
      {publish.error ? <ProblemAlert error={publish.error} /> : null}
    </section>
  );
}

const FIELDS = ['body'] as const;

/** 起草新版本: the text in force filled in, edited, saved as the next draft. */
function NextVersionModal(props: {
  conventionId: number;
  version: number;
  text: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const save = useDraftVersion(props.conventionId);
  const submit = (v: { body: string }) =>
    save.mutate(v.body.trim(), {
      onSuccess: () => {
        void message.success(t('conventions.manage.drafted'));
        props.onClose();
      },
      onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
    });
  return (
    <Modal
      open
      title={t('conventions.manage.draftNextTitle', { n: props.version })}
      okText={t('conventions.manage.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      width={720}
    >
      <Form
        form={form}
        name="draft-version"
        layout="vertical"
        initialValues={{ body: props.text }}
        onFinish={submit}
      >
        <Form.Item
          name="body"
          label={t('conventions.create.body')}
          extra={props.text ? t('conventions.manage.prefilled') : undefined}
          rules={[{ required: true, whitespace: true, message: t('conventions.create.bodyRequired') }]}
        >
          <Input.TextArea rows={14} maxLength={50000} />
        </Form.Item>
      </Form>
      {save.error ? <ProblemAlert error={save.error} /> : null}
    </Modal>
  );
}
