import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type SpaceBoard, usePlaceDots } from './deliberationApi.ts';

/**
 * 点投票: each participant has the meeting's dots to spread over the topics (several on one if they like);
 * every + or − saves all of one's dots at once. The remaining dots are announced as they change.
 */
export function DotVoting({ board }: { board: SpaceBoard }) {
  const { t } = useTranslation();
  const dots = usePlaceDots(board.meetingId);
  const d = 'deliberation.space.dots';
  const remaining = board.dotsPerPerson - board.myDots;
  const change = (topicId: number, by: number) =>
    dots.mutate(
      board.topics
        .map((x) => ({ spaceTopicId: x.id, dots: x.myDots + (x.id === topicId ? by : 0) }))
        .filter((x) => x.dots > 0),
    );
  if (board.topics.length === 0) return <p className="hint">{t('deliberation.space.noTopics')}</p>;
  return (
    <div className="stack">
      <p className="dots-remaining" aria-live="polite">
        {t(`${d}.remaining`, { n: remaining, of: board.dotsPerPerson })}
      </p>
      {dots.error ? <ProblemAlert error={dots.error} /> : null}
      <ul className="plain-list dot-list">
        {board.topics.map((x) => (
          <li key={x.id} className="dot-row">
            <span className="dot-title">{x.title}</span>
            <span className="dot-controls">
              <Button
                icon={<MinusOutlined aria-hidden />}
                aria-label={t(`${d}.less`, { title: x.title })}
                disabled={x.myDots === 0 || dots.isPending}
                onClick={() => change(x.id, -1)}
              />
              <span className="dot-mine">{t(`${d}.mineCount`, { n: x.myDots })}</span>
              <Button
                icon={<PlusOutlined aria-hidden />}
                aria-label={t(`${d}.more`, { title: x.title })}
                disabled={remaining <= 0 || dots.isPending}
                onClick={() => change(x.id, 1)}
              />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
