import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequestPlaces } from './requestsApi.ts';

export interface PickedPlace {
  buildingId: number | null;
  unitId: number | null;
  householdId?: number | null;
}

export const NO_PLACE: PickedPlace = { buildingId: null, unitId: null, householdId: null };

/** The most precise place picked, as the filing API takes it: a household, else a unit, else a building. */
export function placeFields(place: PickedPlace) {
  if (place.householdId != null) return { householdId: place.householdId };
  if (place.unitId !== null) return { unitId: place.unitId };
  if (place.buildingId !== null) return { buildingId: place.buildingId };
  return {};
}

/** Building, then (optionally) unit of a station; choosing a building clears the unit and room. */
export function BuildingUnitSelects(props: {
  stationId: number;
  value: PickedPlace;
  onChange: (place: PickedPlace) => void;
}) {
  const { t } = useTranslation();
  const places = useRequestPlaces(props.stationId);
  const building = places.data?.buildings.find((b) => b.id === props.value.buildingId) ?? null;
  return (
    <>
      <Select
        aria-label={t('requests.new.building')}
        placeholder={t('requests.new.building')}
        allowClear
        style={{ minWidth: 120 }}
        loading={places.isPending}
        value={props.value.buildingId}
        onChange={(v) => props.onChange({ ...NO_PLACE, buildingId: v ?? null })}
        options={(places.data?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
      />
      <Select
        aria-label={t('requests.new.unit')}
        placeholder={t('requests.new.unitOptional')}
        allowClear
        disabled={!building}
        style={{ minWidth: 120 }}
        value={props.value.unitId}
        onChange={(v) =>
          props.onChange({ ...NO_PLACE, buildingId: props.value.buildingId, unitId: v ?? null })
        }
        options={(building?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
      />
    </>
  );
}
