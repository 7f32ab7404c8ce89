import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../modules/stations/duty-time.ts';
import type { Me } from '../../api/types.ts';
import { chinaClock, chinaDateTime } from '../../components/chinaTime.ts';
import { TAG } from '../../components/tagColors.ts';
import { homeStations, ownStations, type StationRef } from '../places/StationChooser.tsx';
import type { Meeting, TopicStatus } from './deliberationApi.ts';

const TOPIC_COLOR: Record<TopicStatus, string> = {
  proposed: TAG.warn,
  onAgenda: TAG.info,
  inDeliberation: TAG.busy,
  decided: TAG.good,
  declined: TAG.plain,
};

/** 待附议 / 已列入议程 / 协商中 / 已议定 / 不予采纳. */
export function TopicStatusTag({ status }: { status: TopicStatus }) {
  const { t } = useTranslation();
  return <Tag color={TOPIC_COLOR[status]}>{t(`deliberation.topicStatus.${status}`)}</Tag>;
}

const MEETING_COLOR: Record<Meeting['status'], string> = {
  planned: TAG.info,
  held: TAG.good,
  cancelled: TAG.plain,
};

/** The meeting's kind (理事会会议, 开放空间…) and its status (待召开 / 已召开 / 已取消). */
export function MeetingTags({ meeting }: { meeting: Pick<Meeting, 'kind' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={TAG.busy}>{t(`deliberation.meetingKind.${meeting.kind}`)}</Tag>
      <Tag color={MEETING_COLOR[meeting.status]}>{t(`deliberation.meetingStatus.${meeting.status}`)}</Tag>
    </>
  );
}

/** A meeting's start and end: "2025年6月1日 14:00–17:00", the end's date too when it ends another day. */
export function meetingTime(language: string, m: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const at = chinaDateTime(language);
  const sameDay = chinaDate(new Date(m.startsAt)) === chinaDate(new Date(m.endsAt));
  return `${at(m.startsAt)}–${sameDay ? chinaClock(m.endsAt) : at(m.endsAt)}`;
}

/**
 * The stations a staff member runs or follows deliberation at: their station-wide grants, and the
 * stations of their own homes (a building leader, say, is a resident there too).
 */
export function staffStations(me: Me): StationRef[] {
  const own = ownStations(me);
  return [...own, ...homeStations(me).filter((h) => !own.some((s) => s.id === h.id))];
}
