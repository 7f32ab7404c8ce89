import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays, chinaDate } from '../../../modules/stations/duty-time.ts';
import { parseYuan } from '../../../shared/money.ts';
import { fieldErrorsOf, renamedFieldOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { positiveYuan } from '../../components/yuanRule.ts';
import type { StationRef } from '../places/StationChooser.tsx';
import { useRequestPlaces } from '../requests/requestsApi.ts';
import { useVotes } from '../votes/votesApi.ts';
import { useCreateDrive } from './crowdfundingApi.ts';

interface Values {
  title: string;
  purpose: string;
  target: string;
  suggested: string;
  deadline: string;
  buildingIds?: number[];
  voteId?: number;
}
const FIELDS = ['title', 'purpose', 'target', 'suggested', 'deadline', 'buildingIds', 'voteId'] as const;
/** The server names amounts in fen; the form asks for yuan. */
const fieldOf = renamedFieldOf(FIELDS, { targetFen: 'target', suggestedFen: 'suggested' });

/** 发起众筹: purpose, target and suggested amount per household in yuan, deadline, buildings, the deciding vote. */
export function CreateDriveModal(props: {
  station: StationRef;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDrive(props.station.id);
  const places = useRequestPlaces(props.station.id);
  const votes = useVotes(props.station.id);
  const yuanRule = positiveYuan(t('crowdfunding.form.amountInvalid'));
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title.trim(),
        purpose: v.purpose.trim(),
        targetFen: parseYuan(v.target) ?? 0,
        suggestedFen: parseYuan(v.suggested) ?? 0,
        deadline: v.deadline,
        buildingIds: v.buildingIds ?? [],
        voteId: v.voteId ?? null,
      },
      {
        onSuccess: (created) => {
          void message.success(t('crowdfunding.form.created'));
          props.onClose();
          props.onCreated(created.id);
        },
        onError: (err) => form.setFields(fieldErrorsOf(err, fieldOf)),
      },
    );
  return (
    <Modal
      open
      title={t('crowdfunding.form.title')}
      okText={t('crowdfunding.form.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={props.onClose}
      onOk={() => form.submit()}
    >
      <Form<Values>
        form={form}
        name="crowdfunding-create"
        layout="vertical"
        initialValues={{ deadline: addDays(chinaDate(), 30) }}
        onFinish={submit}
      >
        <Form.Item
          name="title"
          label={t('crowdfunding.form.name')}
          rules={[{ required: true, whitespace: true, message: t('crowdfunding.form.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('crowdfunding.form.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('crowdfunding.form.purpose')}
          rules={[{ required: true, whitespace: true, message: t('crowdfunding.form.purposeRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="target"
          label={t('crowdfunding.form.target')}
          extra={t('crowdfunding.form.amountHint')}
          rules={[yuanRule]}
        >
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item name="suggested" label={t('crowdfunding.form.suggested')} rules={[yuanRule]}>
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item name="deadline" label={t('crowdfunding.form.deadline')} rules={[{ required: true }]}>
          <Input type="date" min={chinaDate()} />
        </Form.Item>
        <Form.Item
          name="buildingIds"
          label={t('crowdfunding.form.buildings')}
          extra={t('crowdfunding.form.buildingsHint')}
        >
          <Select<number[]>
            mode="multiple"
            allowClear
            loading={places.isPending}
            optionFilterProp="label"
            options={(places.data?.buildings ?? []).map((b) => ({
              value: b.id,
              label: `${b.compoundName} ${b.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="voteId" label={t('crowdfunding.form.vote')}>
          <Select<number>
            allowClear
            loading={votes.isPending}
            options={(votes.data?.items ?? [])
              .filter((v) => v.status !== 'draft')
              .map((v) => ({ value: v.id, label: v.title }))}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={create.error} />
    </Modal>
  );
}
