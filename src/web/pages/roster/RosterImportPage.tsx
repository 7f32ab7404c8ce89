import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Table } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { PlaceNode, RosterResult } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PlaceTree } from '../places/PlaceTree.tsx';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function RosterImportPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [compound, setCompound] = useState<PlaceNode | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (input: { compoundId: number; file: File }) => {
      const body = new FormData();
      body.append('compoundId', String(input.compoundId));
      body.append('file', input.file, input.file.name);
      return api<RosterResult>('/roster-imports', { method: 'POST', body });
    },
  });

  const submit = () => {
    if (!compound) return setMissing(t('roster.compoundRequired'));
    const chosen = file ?? fileRef.current?.files?.[0] ?? null;
    if (!chosen) return setMissing(t('roster.fileRequired'));
    setMissing(null);
    upload.mutate({ compoundId: compound.id, file: chosen });
  };

  const badRows = upload.error instanceof ApiError ? (upload.error.problem.rows ?? []) : [];

  return (
    <>
      <PageTitle>{t('roster.title')}</PageTitle>
      <div className="places-grid">
        <Card title={<h2 className="section-title">{t('roster.chooseCompound')}</h2>}>
          <div className="tree-scroll">
            <PlaceTree
              label={t('roster.chooseCompound')}
              leafKinds={['compound']}
              onSelect={(place) => {
                if (place.kind === 'compound') setCompound(place);
              }}
            />
          </div>
        </Card>
        <div className="stack">
          <Card>
            <p>{t('roster.intro')}</p>
            <p>{t('roster.columns')}</p>
            <Form layout="vertical" onFinish={submit}>
              <Form.Item label={t('roster.compound')}>
                <output aria-live="polite" className="chosen-value">
                  {compound ? compound.name : t('roster.chooseCompound')}
                </output>
              </Form.Item>
              <div className="ant-form-item">
                <label htmlFor={fileId} className="file-label">
                  {t('roster.file')}
                </label>
                <input
                  id={fileId}
                  ref={fileRef}
                  className="file-input"
                  type="file"
                  accept={ACCEPT}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    upload.reset();
                  }}
                />
              </div>
              {missing ? <Alert type="warning" showIcon role="alert" title={missing} /> : null}
              <Button type="primary" htmlType="submit" loading={upload.isPending} className="submit-row">
                {t('roster.submit')}
              </Button>
            </Form>
          </Card>
          {upload.data ? (
            <Alert
              type="success"
              showIcon
              role="status"
              title={t('roster.success')}
              description={t('roster.counts', upload.data)}
            />
          ) : null}
          {badRows.length > 0 ? (
            <Card title={<h2 className="section-title">{t('roster.badRows', { count: badRows.length })}</h2>}>
              <Alert type="error" showIcon role="alert" title={t('roster.nothingImported')} />
              <Table
                rowKey={(r) => `${r.line}:${r.reason}`}
                size="small"
                pagination={false}
                dataSource={badRows}
                columns={[
                  { title: t('roster.line'), dataIndex: 'line', width: 90 },
                  { title: t('roster.reason'), dataIndex: 'reason' },
                ]}
              />
            </Card>
          ) : upload.error ? (
            <ProblemAlert error={upload.error} />
          ) : null}
        </div>
      </div>
    </>
  );
}
