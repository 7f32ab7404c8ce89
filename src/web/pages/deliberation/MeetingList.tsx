import { PlusOutlined } from '@ant-design/icons';
import { Button, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type MeetingSummary, useMeetings } from './deliberationApi.ts';
import { MeetingTags, meetingTime } from './labels.tsx';

/** A station's meetings, newest first (residents: those they are invited to); 召开会议 for staff. */
export function MeetingList({ stationId }: { stationId: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const meetings = useMeetings(stationId);
  return (
    <div className="stack">
      {meetings.error ? <ProblemAlert error={meetings.error} /> : null}
      {meetings.data?.canCreate ? (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => void navigate(`/meetings/new?station=${stationId}`)}
          >
            {t('deliberation.meetings.create')}
          </Button>
        </div>
      ) : null}
      <List<MeetingSummary>
        loading={meetings.isPending}
        dataSource={meetings.data?.items ?? []}
        locale={{ emptyText: t('deliberation.meetings.empty') }}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <div className="topic-row">
              <Link to={`/meetings/${m.id}`} className="topic-row-title">
                {m.title}
              </Link>
              <div className="topic-row-meta">
                <MeetingTags meeting={m} />
              </div>
              <div className="hint">
                {meetingTime(i18n.language, m)} · {m.place}
              </div>
              {m.kind === 'openSpace' && m.status !== 'cancelled' ? (
                <Link to={`/meetings/${m.id}/space`}>{t('deliberation.meeting.openSpace')}</Link>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
