import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FailedFiles, uploadEach } from './Photos.tsx';
import { uploadFile } from './projectsApi.ts';

/**
 * 写进展 / 检查记录: a choice (the update's kind, the inspection's result), a text and photos. The record is
 * written first, then each photo is sent to it; a photo the server refuses is named, the record stays.
 */
export function RecordModal(props: {
  title: string;
  choiceLabel: string;
  choices: { value: string; label: string }[];
  textLabel: string;
  /** POST path of the record and its body's keys. */
  path: string;
  keys: { choice: string; text: string };
  photosPath: (id: number) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const fileId = useId();
  const [choice, setChoice] = useState(props.choices[0]!.value);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [photoErrors, setPhotoErrors] = useState<string[]>([]);
  const submit = async () => {
    // Written already, only some photos refused: OK closes, so the record is not written twice.
    if (photoErrors.length > 0) return props.onClose();
    setBusy(true);
    setError(null);
    try {
      const { id } = await api<{ id: number }>(props.path, {
        method: 'POST',
        body: { [props.keys.choice]: choice, [props.keys.text]: text.trim() },
      });
      const failed = await uploadEach(files, (file) => uploadFile(props.photosPath(id), file));
      await client.invalidateQueries({ queryKey: ['projects'] });
      if (failed.length > 0) {
        setPhotoErrors(failed);
        setFiles([]);
        return;
      }
      void message.success(t('projects.work.saved'));
      props.onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={t('projects.work.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => void submit()}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={props.choiceLabel}>
          <Radio.Group
            optionType="button"
            value={choice}
            onChange={(e) => setChoice(e.target.value as string)}
            options={props.choices}
            aria-label={props.choiceLabel}
          />
        </Form.Item>
        <Form.Item label={props.textLabel} htmlFor={`${fileId}-text`} required>
          <Input.TextArea
            id={`${fileId}-text`}
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('projects.work.photos')} htmlFor={fileId} extra={t('projects.work.photosHint')}>
          <input
            id={fileId}
            className="file-input"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            onChange={(e) => {
              setFiles([...files, ...(e.target.files ? [...e.target.files] : [])].slice(0, 9));
              e.target.value = '';
            }}
          />
          {files.length > 0 ? <p className="hint">{t('projects.work.chosen', { n: files.length })}</p> : null}
        </Form.Item>
      </Form>
      <ProblemAlert error={error} />
      <FailedFiles errors={photoErrors} />
    </Modal>
  );
}
