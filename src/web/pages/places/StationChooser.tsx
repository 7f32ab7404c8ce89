import { Button, Card } from 'antd';
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
