import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from './projectsApi.ts';

/** A person chosen from the station's people is `u:<id>`; anything else typed is a name without an account. */
export const personValue = (userId: number) => `u:${userId}`;
export const personOf = (value: string): { userId: number | null; name: string } =>
  /^u:\d+$/.test(value) ? { userId: Number(value.slice(2)), name: '' } : { userId: null, name: value.trim() };

/**
 * The station's staff, council and verified residents, searched by name on the server. `tags` lets a name
 * be typed for someone without an account (a partner company, a contractor's foreman).
 */
export function PeopleSelect(props: {
  id?: string;
  stationId: number;
  mode?: 'multiple' | 'tags';
  /** Names of values already chosen (when editing), so they show as names, not ids. */
  known?: { value: string; label: string }[];
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeople(props.stationId, q);
  const options = [
    ...(people.data?.items ?? []).map((p) => ({
      value: personValue(p.userId),
      label: t('projects.form.personWhy', {
        name: p.name,
        why: p.why.map((w) => t(`projects.form.why.${w}`)).join(t('common.listSeparator')),
      }),
    })),
    ...(props.known ?? []),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <Select<string | string[]>
      id={props.id}
      mode={props.mode}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      onBlur={() => setQ('')}
      placeholder={props.placeholder}
      loading={people.isFetching}
      options={options}
      notFoundContent={people.isFetching ? t('common.loading') : t('projects.form.noPeople')}
    />
  );
}
