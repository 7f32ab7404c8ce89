import { App, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceNode, Relation } from '../../api/types.ts';
import { type NativeOption, NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useChildren } from '../places/placesApi.ts';
import { useCompounds, useSubmitClaim } from './claimApi.ts';

const RELATIONS: Relation[] = ['owner', 'tenant', 'member'];

function options(nodes: PlaceNode[] | undefined): NativeOption[] {
  return (nodes ?? []).map((n) => ({ value: String(n.id), label: n.name }));
}

/** 认领房屋: compound → building → unit → room, then name and relation. */
export function ClaimForm({ defaultName }: { defaultName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ claimedName: string; relation: Relation }>();
  const [search, setSearch] = useState('');
  const [compound, setCompound] = useState('');
  const [building, setBuilding] = useState('');
  const [unit, setUnit] = useState('');
  const [room, setRoom] = useState('');
  const compounds = useCompounds(search.trim());
  const buildings = useChildren(compound ? { kind: 'compound', id: Number(compound) } : null, !!compound);
  const units = useChildren(building ? { kind: 'building', id: Number(building) } : null, !!building);
  const rooms = useChildren(unit ? { kind: 'unit', id: Number(unit) } : null, !!unit);
  const submit = useSubmitClaim();
  const error = compounds.error ?? buildings.error ?? units.error ?? rooms.error;

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ claimedName: defaultName, relation: 'owner' }}
      onFinish={(values) =>
        submit.mutate(
          { householdId: Number(room), claimedName: values.claimedName.trim(), relation: values.relation },
          {
            onSuccess: () => {
              void message.success(t('myHome.submitted'));
              setRoom('');
            },
          },
        )
      }
    >
      <Form.Item label={t('myHome.searchCompound')} htmlFor="claim-compound-search">
        <Input
          id="claim-compound-search"
          type="search"
          maxLength={40}
          value={search}
          placeholder={t('myHome.searchHint')}
          onChange={(e) => setSearch(e.target.value)}
        />
      </Form.Item>
      <NativeSelect
        label={t('myHome.compound')}
        placeholder={t('myHome.choose', { what: t('myHome.compound') })}
        options={(compounds.data ?? []).map((c) => ({
          value: String(c.id),
          label: `${c.name}（${c.place}）`,
        }))}
        value={compound}
        required
        onChange={(v) => {
          setCompound(v);
          setBuilding('');
          setUnit('');
          setRoom('');
        }}
      />
      <NativeSelect
        label={t('myHome.building')}
        placeholder={t('myHome.choose', { what: t('myHome.building') })}
        options={options(compound ? buildings.data : undefined)}
        value={building}
        disabled={!compound}
        required
        onChange={(v) => {
          setBuilding(v);
          setUnit('');
          setRoom('');
        }}
      />
      <NativeSelect
        label={t('myHome.unit')}
        placeholder={t('myHome.choose', { what: t('myHome.unit') })}
        options={options(building ? units.data : undefined)}
        value={unit}
        disabled={!building}
        required
        onChange={(v) => {
          setUnit(v);
          setRoom('');
        }}
      />
      <NativeSelect
        label={t('myHome.room')}
        placeholder={t('myHome.choose', { what: t('myHome.room') })}
        options={options(unit ? rooms.data : undefined)}
        value={room}
        disabled={!unit}
        required
        onChange={setRoom}
      />
      <Form.Item
        name="claimedName"
        label={t('myHome.name')}
        rules={[{ required: true, whitespace: true, message: t('myHome.nameRequired') }]}
      >
        <Input maxLength={40} autoComplete="name" />
      </Form.Item>
      <Form.Item name="relation" label={t('myHome.relation')}>
        <Radio.Group
          role="radiogroup"
          aria-label={t('myHome.relation')}
          optionType="button"
          options={RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }))}
        />
      </Form.Item>
      {error ? <ProblemAlert error={error} /> : null}
      {submit.error ? <ProblemAlert error={submit.error} /> : null}
      <Button type="primary" htmlType="submit" block disabled={!room} loading={submit.isPending}>
        {t('myHome.submit')}
      </Button>
    </Form>
  );
}
