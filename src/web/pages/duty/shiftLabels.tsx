import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { weekdayOf } from '../../../modules/stations/duty-time.ts';
import { TAG } from '../../components/tagColors.ts';
import type { Shift } from './dutyApi.ts';

const STATE_COLORS: Record<Shift['state'], string> = {
  planned: TAG.info,
  onLeave: TAG.plain,
  checkedIn: TAG.good,
  checkedOut: TAG.plain,
  missed: TAG.bad,
};

export function ShiftStateTag({ state }: { state: Shift['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`duty.state.${state}`)}</Tag>;
}

/** "4月8日 周一" in the UI language. */
export function useDayLabel() {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return (date: string) => {
    const weekday = String(weekdayOf(date)) as '1';
    return `${format.format(new Date(`${date}T00:00:00Z`))} ${t(`duty.weekday.${weekday}`)}`;
  };
}

/** "4月8日 周一 09:00–11:00" in the UI language. */
export function useShiftLabel() {
  const day = useDayLabel();
  return (s: { date: string; startsAt: string; endsAt: string }) =>
    `${day(s.date)} ${s.startsAt}–${s.endsAt}`;
}
