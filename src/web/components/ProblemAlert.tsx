import { Alert } from 'antd';
import { problemOf } from '../api/client.ts';

/** Shows an API problem: its title, detail and every field error. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const problem = problemOf(error);
  const lines = [problem.detail, ...(problem.errors ?? []).map((e) => e.message)].filter(Boolean);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? problem.title}
      description={
        title || lines.length > 0 ? (
          <ul className="problem-lines">
            {title ? <li>{problem.title}</li> : null}
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; order is stable
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
