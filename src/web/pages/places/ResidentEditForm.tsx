import { App, Button, Form, Input, InputNumber, Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../api/fieldErrors.ts';
import type { Resident, ResidentUpdate } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useUpdateResident } from './residentApi.ts';

const FIELDS = ['name', 'phone', 'birthYear', 'tags'] as const;
const PHONE = /^1[3-9]\d{9}$/;
const TAG_MAX = 20;
const TAGS_MAX = 20;
const THIS_YEAR = new Date().getFullYear();

interface Values {
  name: string;
  phone: string;
  birthYear: number | null;
  tags: string[];
}

function valuesOf(r: Resident): Values {
  return { name: r.name, phone: r.phone ?? '', birthYear: r.birthYear, tags: r.tags };
}

/** Only what the form changed: an emptied phone or birth year is sent as null (cleared). */
function changesOf(r: Resident, v: Values): ResidentUpdate {
  const out: ResidentUpdate = {};
  const name = v.name.trim();
  if (name !== r.name) out.name = name;
  const phone = v.phone.trim() || null;
  if (phone !== r.phone) out.phone = phone;
  const birthYear = v.birthYear ?? null;
  if (birthYear !== r.birthYear) out.birthYear = birthYear;
  const tags = [...new Set(v.tags.map((tag) => tag.trim()).filter(Boolean))];
  if (tags.join('\u0000') !== r.tags.join('\u0000')) out.tags = tags;
  return out;
}

/** 编辑居民信息 (resident.manage): name, phone, birth year and tags such as 独居老人. */
export function ResidentEditForm({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const headingId = useId();
  const [form] = Form.useForm<Values>();
  const update = useUpdateResident(resident.id);

  const onFinish = (values: Values) => {
    const body = changesOf(resident, values);
    if (Object.keys(body).length === 0) {
      void message.info(t('resident.noChanges'));
      return;
    }
    update.mutate(body, {
      onSuccess: (row) => {
        form.setFieldsValue({ ...valuesOf({ ...resident, ...row }) });
        void message.success(t('common.saved'));
      },
      onError: (err) => form.setFields(fieldErrorsOf(err, FIELDS)),
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title form-heading">
        {t('resident.edit')}
      </h3>
      <Form<Values>
        form={form}
        name={`resident-${resident.id}`}
        layout="vertical"
        aria-labelledby={headingId}
        initialValues={valuesOf(resident)}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('resident.name')}
          rules={[{ required: true, whitespace: true, message: t('resident.nameRequired') }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('resident.phone')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || PHONE.test(value.trim()) || value === resident.phone
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('resident.phoneInvalid'))),
            },
          ]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="birthYear"
          label={t('resident.birthYear')}
          rules={[
            {
              type: 'number',
              min: 1900,
              max: THIS_YEAR,
              message: t('resident.birthYearRange', { max: THIS_YEAR }),
            },
          ]}
        >
          <InputNumber<number> min={1900} max={THIS_YEAR} precision={0} className="full-width" />
        </Form.Item>
        <Form.Item
          name="tags"
          label={t('resident.tags')}
          extra={t('resident.tagsHint')}
          rules={[
            {
              validator: (_, tags: string[] | undefined) =>
                (tags ?? []).length > TAGS_MAX
                  ? Promise.reject(new Error(t('resident.tooManyTags', { max: TAGS_MAX })))
                  : (tags ?? []).some((tag) => tag.trim().length > TAG_MAX)
                    ? Promise.reject(new Error(t('resident.tagTooLong', { max: TAG_MAX })))
                    : Promise.resolve(),
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
        {update.error ? (
          <Form.Item>
            <ProblemAlert error={update.error} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </section>
  );
}
