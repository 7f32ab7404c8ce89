import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { choicesText } from './voteLabels.tsx';
import { checkReceipt, type Vote } from './votesApi.ts';

/**
 * A receipt code as typed, in the form it was issued: XXXX-XXXX-XXXX in Crockford's base32
 * (cast-ballot.ts), which reads O as 0 and I / L as 1; spaces and missing dashes do not matter.
 */
export function normaliseReceipt(typed: string): string {
  const chars = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return chars.length === 12 ? `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}` : chars;
}

/** 输入回执码核验: counted (with the choices), replaced by a later ballot, or unknown. */
export function ReceiptCheck({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [code, setCode] = useState('');
  const check = useMutation({ mutationFn: (c: string) => checkReceipt(vote.id, c) });
  const answer = check.data;
  return (
    <Card title={<h2 className="section-title">{t('votes.receipt.title')}</h2>}>
      <Form
        layout="vertical"
        component="form"
        onFinish={() => {
          const normal = normaliseReceipt(code);
          if (normal) check.mutate(normal);
        }}
      >
        <Form.Item label={t('votes.receipt.label')} htmlFor={inputId}>
          <Space.Compact className="full-width">
            <Input
              id={inputId}
              value={code}
              maxLength={40}
              autoComplete="off"
              placeholder={t('votes.receipt.placeholder')}
              onChange={(e) => {
                setCode(e.target.value);
                check.reset();
              }}
            />
            <Button type="primary" htmlType="submit" loading={check.isPending}>
              {t('votes.receipt.check')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {check.error ? <ProblemAlert error={check.error} /> : null}
      {answer ? (
        <Alert
          role="status"
          showIcon
          type={
            answer.status === 'counted' ? 'success' : answer.status === 'superseded' ? 'warning' : 'error'
          }
          title={
            answer.status === 'counted'
              ? t('votes.receipt.counted', { choices: choicesText(t, vote, answer.choices ?? []) })
              : t(`votes.receipt.${answer.status}`)
          }
        />
      ) : null}
    </Card>
  );
}
