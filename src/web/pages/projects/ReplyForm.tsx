import { Button, Input } from 'antd';
import { useId, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePost } from './projectsApi.ts';

/**
 * One reply written under something on the project's page (the answer to an objection, the team's
 * response to an inspection), sent as `{ [bodyKey]: text }` to `path`.
 */
export function ReplyForm(props: { path: string; bodyKey: string; label: string; sendLabel: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const reply = usePost<Record<string, string>>(props.path);
  return (
    <div className="stack">
      <label htmlFor={id}>{props.label}</label>
      <Input.TextArea
        id={id}
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <ProblemAlert error={reply.error} />
      <Button
        disabled={!text.trim()}
        loading={reply.isPending}
        onClick={() => reply.mutate({ [props.bodyKey]: text.trim() })}
      >
        {props.sendLabel}
      </Button>
    </div>
  );
}
