import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { HouseholdPage } from '../../api/types.ts';
import { useChildren } from '../places/placesApi.ts';
import { useRequestPlaces } from '../requests/requestsApi.ts';
import type { VoteScope } from './votesApi.ts';

interface Option {
  value: number;
  label: string;
}

/** The station's compounds, buildings or units to choose from; households are found by their room. */
function useScopeOptions(
  stationId: number,
  scope: VoteScope,
  q: string,
): { options: Option[]; loading: boolean } {
  const compounds = useChildren({ kind: 'station', id: stationId }, scope === 'compounds');
  const places = useRequestPlaces(scope === 'buildings' || scope === 'units' ? stationId : null);
  const households = useQuery({
    queryKey: ['households', 'vote-scope', stationId, q],
    enabled: scope === 'households',
    queryFn: ({ signal }) =>
      api<HouseholdPage>('/households', { query: { stationId, q: q || undefined, limit: 50 }, signal }),
  });
  return useMemo(() => {
    switch (scope) {
      case 'compounds':
        return {
          options: (compounds.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          loading: compounds.isPending,
        };
      case 'buildings':
        return {
          options: (places.data?.buildings ?? []).map((b) => ({
            value: b.id,
            label: `${b.compoundName} ${b.name}`,
          })),
          loading: places.isPending,
        };
      case 'units':
        return {
          options: (places.data?.buildings ?? []).flatMap((b) =>
            b.units.map((u) => ({ value: u.id, label: `${b.compoundName} ${b.name}${u.name}` })),
          ),
          loading: places.isPending,
        };
      case 'households':
        return {
          options: (households.data?.items ?? []).map((h) => ({ value: h.id, label: h.label })),
          loading: households.isFetching,
        };
    }
  }, [
    scope,
    compounds.data,
    compounds.isPending,
    places.data,
    places.isPending,
    households.data,
    households.isFetching,
  ]);
}

/**
 * The places a vote covers (an antd form control: value / onChange). For compounds it starts with
 * every compound of the station, the usual scope of a station's vote.
 */
export function ScopeField(props: {
  id?: string;
  stationId: number;
  scope: VoteScope;
  value?: number[];
  onChange?: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const { scope, onChange } = props;
  const [q, setQ] = useState('');
  const { options, loading } = useScopeOptions(props.stationId, scope, useDeferredValue(q));
  // Households are searched: remember the labels of those already chosen.
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const value = props.value ?? [];
  const empty = value.length === 0;
  // Filled once each time compounds are chosen as the scope: clearing the selection then leaves it clear.
  const filled = useRef(false);
  useEffect(() => {
    if (scope !== 'compounds') filled.current = false;
    else if (!filled.current && empty && options.length > 0) {
      filled.current = true;
      onChange?.(options.map((o) => o.value));
    }
  }, [scope, empty, options, onChange]);
  const shown = [
    ...options,
    ...value
      .filter((id) => !options.some((o) => o.value === id))
      .map((id) => ({ value: id, label: known.get(id) ?? String(id) })),
  ];
  return (
    <Select<number[]>
      id={props.id}
      mode="multiple"
      allowClear
      loading={loading}
      value={value}
      options={shown}
      aria-label={t('votes.form.scopeIds', { kind: t(`votes.scope.${scope}`) })}
      placeholder={scope === 'households' ? t('votes.form.householdSearch') : undefined}
      showSearch={
        scope === 'households' ? { filterOption: false, onSearch: setQ } : { optionFilterProp: 'label' }
      }
      onChange={(ids) => {
        setKnown(
          (old) =>
            new Map([
              ...old,
              ...options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label] as const),
            ]),
        );
        onChange?.(ids);
      }}
    />
  );
}
