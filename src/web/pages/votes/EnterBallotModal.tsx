import { Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { Receipt } from './MyBallot.tsx';
import { type CastReceipt, type Elector, useEnterBallot, type Vote } from './votesApi.ts';

interface Values {
  /** yes / no / an option key / 'abstain' (yes-no and single), or the option keys (multi; none abstains). */
  choices: string | string[];
  byProxy: boolean;
  proxyName?: string;
  proxyAuthorisation?: string;
  file?: File | null;
}
const FIELDS = ['choices', 'proxyName', 'proxyAuthorisation', 'file'] as const;
const ABSTAIN = 'abstain';

const toChoices = (c: Values['choices']): string[] =>
  Array.isArray(c) ? c : c === ABSTAIN || c === undefined ? [] : [c];

/** The photo of the signed ballot (an antd form control: value / onChange). */
function PhotoInput(props: { id?: string; value?: File | null; onChange?: (file: File | null) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <input
        id={props.id}
        className="file-input"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => props.onChange?.(e.target.files?.[0] ?? null)}
      />
      {props.value ? (
        <p className="hint">{t('votes.enter.photoChosen', { name: props.value.name })}</p>
      ) : null}
    </>
  );
}

/**
 * 录入纸质选票 (at the desk, with the photo of the signed ballot) or 入户收票 (door to door, photo optional);
 * a proxy signs with a written authorisation. The receipt code is shown for the voter to keep.
 */
export function EnterBallotModal(props: {
  vote: Vote;
  elector: Elector;
  channel: 'paper' | 'door';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { vote, elector, channel } = props;
  const [form] = Form.useForm<Values>();
  const enter = useEnterBallot(vote.id);
  const [receipt, setReceipt] = useState<CastReceipt | null>(null);
  const byProxy = Form.useWatch('byProxy', form) ?? false;
  const chosen = Form.useWatch('choices', form);
  const title = t(`votes.enter.${channel}`);
  const single = vote.method !== 'multi';
  const submit = (v: Values) =>
    enter.mutate(
      {
        channel,
        electorId: elector.id,
        choices: toChoices(v.choices),
        ...(v.byProxy
          ? { proxyName: v.proxyName?.trim(), proxyAuthorisation: v.proxyAuthorisation?.trim() }
          : {}),
        file: v.file ?? null,
      },
      {
        onSuccess: setReceipt,
        onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
      },
    );
  const options = [
    ...(vote.method === 'yesNo'
      ? (['yes', 'no'] as const).map((k) => ({ value: k as string, label: t(`votes.choice.${k}`) }))
      : vote.options.map((o) => ({ value: o.key, label: o.label }))),
  ];
  return (
    <Modal
      open
      title={title}
      onCancel={props.onClose}
      footer={
        receipt
          ? [
              <Button key="close" type="primary" onClick={props.onClose}>
                {t('common.close')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={enter.isPending} onClick={() => form.submit()}>
                {t('votes.enter.submit')}
              </Button>,
            ]
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'elector',
            label: t('votes.enter.elector'),
            children: `${elector.name ?? ''} ${elector.label}`.trim(),
          },
        ]}
      />
      {elector.voted && !receipt ? (
        <Alert type="info" showIcon className="replaces-ballot" title={t('votes.enter.replaces')} />
      ) : null}
      {receipt ? (
        <Receipt
          code={receipt.receipt}
          title={t('votes.enter.receiptTitle')}
          note={t('votes.enter.receiptNote')}
        />
      ) : (
        <Form<Values>
          form={form}
          name={`enter-ballot-${channel}`}
          layout="vertical"
          initialValues={{ byProxy: false, choices: single ? undefined : [] }}
          onValuesChange={() => enter.error && enter.reset()}
          onFinish={submit}
        >
          <Form.Item
            name="choices"
            label={t('votes.enter.choice')}
            extra={single ? undefined : t('votes.enter.emptyAbstains')}
            rules={single ? [{ required: true, message: t('votes.enter.choiceRequired') }] : []}
          >
            {single ? (
              <Radio.Group
                role="radiogroup"
                aria-label={t('votes.enter.choice')}
                className="vote-radios"
                options={[...options, { value: ABSTAIN, label: t('votes.choice.abstain') }]}
              />
            ) : (
              <Checkbox.Group
                aria-label={t('votes.enter.choice')}
                className="vote-radios"
                // Up to maxChoices, as on the voter's own ballot.
                options={options.map((o) => ({
                  ...o,
                  disabled:
                    Array.isArray(chosen) && !chosen.includes(o.value) && chosen.length >= vote.maxChoices,
                }))}
              />
            )}
          </Form.Item>
          <Form.Item name="byProxy" valuePropName="checked">
            <Checkbox>{t('votes.enter.byProxy')}</Checkbox>
          </Form.Item>
          {byProxy ? (
            <>
              <Form.Item name="proxyName" label={t('votes.enter.proxyName')}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item name="proxyAuthorisation" label={t('votes.enter.proxyAuthorisation')}>
                <Input.TextArea
                  rows={2}
                  maxLength={200}
                  placeholder={t('votes.enter.proxyAuthorisationPlaceholder')}
                />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="file"
            label={channel === 'paper' ? t('votes.enter.photo') : t('votes.enter.photoOptional')}
            required={channel === 'paper'}
          >
            <PhotoInput />
          </Form.Item>
          {enter.error ? <ProblemAlert error={enter.error} /> : null}
        </Form>
      )}
    </Modal>
  );
}
