import { Button, Card } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me, PlaceNode } from '../../api/types.ts';
import { PlaceTree } from './PlaceTree.tsx';

export interface StationRef {
  id: number;
  name: string;
}

/** The stations a user holds a station-wide grant on (building-scoped grants do not count). */
export function ownStations(me: Me | null | undefined): StationRef[] {
  return [
    ...new Map(
      (me?.grants ?? [])
        .filter((g) => g.stationId !== null && g.path === null)
        .map((g) => [g.stationId!, { id: g.stationId!, name: g.scopeName }]),
    ).values(),
  ];
}

/**
 * The stations any of the user's grants is tied to, building-scoped ones too (a building leader collects
 * ballots and cash door to door there); a station-wide grant's name wins.
 */
export function grantStations(me: Me | null | undefined): StationRef[] {
  const byId = new Map<number, StationRef & { wide: boolean }>();
  for (const g of me?.grants ?? []) {
    if (g.stationId === null) continue;
    const wide = g.path === null;
    if (!byId.get(g.stationId)?.wide) byId.set(g.stationId, { id: g.stationId, name: g.scopeName, wide });
  }
  return [...byId.values()].map(({ id, name }) => ({ id, name }));
}

/** A resident's stations: those of their verified homes. */
export function homeStations(me: Me): StationRef[] {
  return [
    ...new Map(me.households.map((h) => [h.stationId, { id: h.stationId, name: h.compoundName }])).values(),
  ];
}

const COMPOUND_LEAF = ['compound'] as const;

/**
 * Choosing the station a staff page works on: the user's own stations as buttons, or (for
 * community, street and district staff) the tree down to the compounds, whose station is taken.
 */
export function StationChooser(props: {
  title: string;
  own: StationRef[];
  current: StationRef | null;
  onPick: (station: StationRef) => void;
}) {
  const pick = (place: PlaceNode) => {
    const id = place.kind === 'station' ? place.id : place.stationId;
    if (id !== null && (place.kind === 'station' || place.kind === 'compound'))
      props.onPick({ id, name: place.name });
  };
  return (
    <Card title={<h2 className="section-title">{props.title}</h2>}>
      {props.own.length > 0 ? (
        <ul className="plain-list">
          {props.own.map((s) => (
            <li key={s.id}>
              <Button
                type={s.id === props.current?.id ? 'primary' : 'link'}
                aria-pressed={s.id === props.current?.id}
                onClick={() => props.onPick(s)}
              >
                {s.name}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="tree-scroll">
          <PlaceTree label={props.title} leafKinds={COMPOUND_LEAF} onSelect={pick} />
        </div>
      )}
    </Card>
  );
}

/**
 * The station a staff page works on, kept in the address (`?station=…&name=…`) so a reload or a shared
 * link keeps it; the user's first own station until one is picked.
 */
export function useStationInAddress(own: StationRef[]) {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('station'));
  const station: StationRef | null =
    Number.isInteger(id) && id > 0
      ? (own.find((s) => s.id === id) ?? { id, name: params.get('name') ?? '' })
      : (own[0] ?? null);
  const pick = (s: StationRef) =>
    setParams(new URLSearchParams({ station: String(s.id), name: s.name }), { replace: true });
  return { station, pick };
}

/** A staff page about one station: the chooser beside what the chosen station shows, or a hint to choose. */
export function StationWorkspace(props: {
  title: string;
  own: StationRef[];
  pickFirst: string;
  children: (station: StationRef) => ReactNode;
}) {
  const { station, pick } = useStationInAddress(props.own);
  return (
    <div className="places-grid">
      <StationChooser title={props.title} own={props.own} current={station} onPick={pick} />
      {station ? (
        <Fragment key={station.id}>{props.children(station)}</Fragment>
      ) : (
        <Card>
          <p>{props.pickFirst}</p>
        </Card>
      )}
    </div>
  );
}

/** A resident's page about their homes' stations: one block each, or where to add a home when there is none. */
export function HomeStationList(props: {
  stations: StationRef[];
  noHome: string;
  children: (station: StationRef) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.stations.length === 0) {
    return (
      <Card>
        <p>{props.noHome}</p>
        <Link to="/my-home">{t('nav.myHome')}</Link>
      </Card>
    );
  }
  return (
    <div className="stack">
      {props.stations.map((s) => (
        <Fragment key={s.id}>{props.children(s)}</Fragment>
      ))}
    </div>
  );
}
