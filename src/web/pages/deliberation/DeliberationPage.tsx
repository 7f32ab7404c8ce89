import { Card, Segmented, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../api/types.ts';
import { isStaff, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { homeStations, StationChooser, type StationRef } from '../places/StationChooser.tsx';
import './deliberation.css';
import { ConventionList } from './ConventionList.tsx';
import { staffStations } from './labels.tsx';
import { MeetingList } from './MeetingList.tsx';
import { TopicList } from './TopicList.tsx';

type Tab = 'topics' | 'meetings' | 'conventions';
const TABS: readonly Tab[] = ['topics', 'meetings', 'conventions'];

/**
 * 议事: a station's topics 议题, meetings 会议 and conventions 公约. Staff choose the station (their own, or
 * one found in the tree); residents see their homes' station. The station and tab live in the address.
 */
export default function DeliberationPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <>
      <PageTitle>{t('deliberation.title')}</PageTitle>
      {isStaff(me) ? <StaffDeliberation me={me} /> : <ResidentDeliberation me={me} />}
    </>
  );
}

/** The station and tab in the address; a station the user knows is named from `known`. */
function useStationParams(known: StationRef[]) {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('station'));
  const station: StationRef | null =
    Number.isInteger(id) && id > 0
      ? (known.find((s) => s.id === id) ?? { id, name: params.get('name') ?? '' })
      : (known[0] ?? null);
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'topics';
  const set = (next: { station?: StationRef; tab?: Tab }) => {
    const s = next.station ?? station;
    const p = new URLSearchParams();
    if (s) {
      p.set('station', String(s.id));
      p.set('name', s.name);
    }
    p.set('tab', next.tab ?? tab);
    setParams(p, { replace: true });
  };
  return { station, tab, set };
}

function StationTabs(props: { station: StationRef; tab: Tab; onTab: (tab: Tab) => void }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="section-title">{t('deliberation.of', { station: props.station.name })}</h2>}>
      <Tabs
        activeKey={props.tab}
        onChange={(k) => props.onTab(k as Tab)}
        items={[
          {
            key: 'topics',
            label: t('deliberation.tabs.topics'),
            children: <TopicList stationId={props.station.id} />,
          },
          {
            key: 'meetings',
            label: t('deliberation.tabs.meetings'),
            children: <MeetingList stationId={props.station.id} />,
          },
          {
            key: 'conventions',
            label: t('conventions.tab'),
            children: <ConventionList stationId={props.station.id} />,
          },
        ]}
      />
    </Card>
  );
}

function StaffDeliberation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const own = staffStations(me);
  const { station, tab, set } = useStationParams(own);
  return (
    <div className="places-grid">
      <StationChooser
        title={t('deliberation.station')}
        own={own}
        current={station}
        onPick={(s) => set({ station: s })}
      />
      {station ? (
        <StationTabs key={station.id} station={station} tab={tab} onTab={(next) => set({ tab: next })} />
      ) : (
        <Card>
          <p>{t('deliberation.pickStation')}</p>
        </Card>
      )}
    </div>
  );
}

function ResidentDeliberation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const stations = homeStations(me);
  const { station, tab, set } = useStationParams(stations);
  if (!station) {
    return (
      <Card>
        <p>{t('deliberation.noHome')}</p>
        <Link to="/my-home">{t('nav.myHome')}</Link>
      </Card>
    );
  }
  return (
    <div className="stack">
      {stations.length > 1 ? (
        <Segmented<number>
          aria-label={t('deliberation.station')}
          value={station.id}
          onChange={(id) => set({ station: stations.find((s) => s.id === id)! })}
          options={stations.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : null}
      <StationTabs station={station} tab={tab} onTab={(next) => set({ tab: next })} />
    </div>
  );
}
