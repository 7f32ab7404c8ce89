import { App, Button, Card, Form, Input, List, Radio, Select, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import { can, useMe } from '../../app/session.ts';
import { chinaClock } from '../../components/chinaTime.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TAG } from '../../components/tagColors.ts';
import { type Meeting, type SignInInput, useResidentSearch, useSignIn } from './deliberationApi.ts';

type Mode = 'resident' | 'delegate' | 'proxy';
interface Values {
  residentId?: number;
  name?: string;
  organisation?: string;
  forResidentId?: number;
  proxyAuthorisation?: string;
}
const FIELDS = ['residentId', 'name', 'organisation', 'forResidentId', 'proxyAuthorisation'] as const;

/** A resident of the station found by name or phone (an antd form control: value / onChange). */
function ResidentPicker(props: {
  id?: string;
  stationId: number;
  value?: number;
  onChange?: (id: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useResidentSearch(props.stationId, useDeferredValue(q.trim()), true);
  return (
    <Select<number>
      id={props.id}
      allowClear
      value={props.value}
      loading={found.isFetching}
      placeholder={t('deliberation.signIn.searchResident')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={q ? t('deliberation.signIn.noResident') : null}
      options={(found.data?.items ?? []).map((r) => ({
        value: r.id,
        label: r.phone ? t('common.withNote', { text: r.name, note: r.phone }) : r.name,
      }))}
      onChange={(v) => props.onChange?.(v)}
    />
  );
}

/**
 * 签到 at the door (deliberation.manage or ballot.enter): a resident of the station, a delegate with
 * their organisation, or a proxy with the resident they stand for and the written authorisation the
 * server requires; then who has signed in.
 */
export function SignInPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const search = can(me, 'resident.read');
  const [mode, setMode] = useState<Mode>(search ? 'resident' : 'delegate');
  const [form] = Form.useForm<Values>();
  const signIn = useSignIn(meeting.id);
  const s = 'deliberation.signIn';
  const submit = (v: Values) => {
    const input: SignInInput =
      mode === 'resident'
        ? search
          ? { residentId: v.residentId }
          : { name: v.name?.trim() }
        : mode === 'delegate'
          ? { name: v.name?.trim(), organisation: v.organisation?.trim() || undefined }
          : {
              name: v.name?.trim(),
              forResidentId: v.forResidentId,
              proxyAuthorisation: v.proxyAuthorisation?.trim() || undefined,
            };
    signIn.mutate(input, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t(`${s}.done`));
      },
      onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
    });
  };
  return (
    <Card title={<h2 className="section-title">{t(`${s}.title`)}</h2>}>
      <Radio.Group
        role="radiogroup"
        aria-label={t(`${s}.mode`)}
        optionType="button"
        value={mode}
        onChange={(e) => {
          setMode(e.target.value as Mode);
          signIn.reset();
          form.resetFields();
        }}
        options={(['resident', 'delegate', 'proxy'] as const).map((m) => ({
          value: m,
          label: t(`${s}.modes.${m}`),
        }))}
      />
      <Form<Values>
        form={form}
        name="meeting-sign-in"
        layout="vertical"
        className="sign-in-form"
        onFinish={submit}
      >
        {mode === 'resident' && search ? (
          <Form.Item
            name="residentId"
            label={t(`${s}.resident`)}
            rules={[{ required: true, message: t(`${s}.pickResident`) }]}
          >
            <ResidentPicker stationId={meeting.stationId} />
          </Form.Item>
        ) : (
          <Form.Item
            name="name"
            label={mode === 'proxy' ? t(`${s}.proxyName`) : t(`${s}.name`)}
            rules={[{ required: true, whitespace: true, message: t(`${s}.nameRequired`) }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        {mode === 'delegate' ? (
          <Form.Item name="organisation" label={t(`${s}.organisation`)} extra={t(`${s}.organisationHint`)}>
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {mode === 'proxy' ? (
          <>
            <Form.Item
              name="forResidentId"
              label={t(`${s}.forResident`)}
              rules={[{ required: true, message: t(`${s}.pickResident`) }]}
            >
              <ResidentPicker stationId={meeting.stationId} />
            </Form.Item>
            <Form.Item
              name="proxyAuthorisation"
              label={t(`${s}.authorisation`)}
              extra={t(`${s}.authorisationHint`)}
              rules={[{ required: true, whitespace: true, message: t(`${s}.authorisationRequired`) }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </>
        ) : null}
        {signIn.error ? (
          <Form.Item>
            <ProblemAlert error={signIn.error} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={signIn.isPending}>
          {t(`${s}.submit`)}
        </Button>
      </Form>
      <Attendance meeting={meeting} />
    </Card>
  );
}

function Attendance({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const s = 'deliberation.signIn';
  const rows = meeting.attendance ?? [];
  const proxies = rows.filter((a) => a.forResidentId !== null).length;
  return (
    <section aria-labelledby="attendance-heading" className="attendance">
      <h3 id="attendance-heading" className="section-title form-heading">
        {t(`${s}.attendance`, { n: rows.length, proxies })}
      </h3>
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t(`${s}.nobody`) }}
        renderItem={(a) => (
          <List.Item key={a.id}>
            <div className="attendance-row">
              <span className="attendance-name">{a.name}</span>
              {a.organisation ? <Tag>{a.organisation}</Tag> : null}
              {a.forResidentId !== null ? (
                <Tag color={TAG.warn}>
                  {t(`${s}.proxyFor`, { name: a.forResidentName ?? `#${a.forResidentId}` })}
                </Tag>
              ) : null}
              <span className="hint">{chinaClock(a.signedInAt)}</span>
              {a.proxyAuthorisation ? (
                <div className="hint">{t(`${s}.authorisationText`, { text: a.proxyAuthorisation })}</div>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </section>
  );
}
