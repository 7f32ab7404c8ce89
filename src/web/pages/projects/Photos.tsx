import { Alert } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../api/client.ts';
import { photoUrl } from './projectsApi.ts';

/** A project's photos as thumbnails, each opening the full copy. */
export function PhotoList(props: { projectId: number; photos: { hash: string }[]; label: string }) {
  const { t } = useTranslation();
  if (props.photos.length === 0) return null;
  return (
    <ul className="photo-grid project-photos" aria-label={props.label}>
      {props.photos.map((p, i) => (
        <li key={p.hash} className="photo-cell">
          <a href={photoUrl(props.projectId, p.hash, 'full')} target="_blank" rel="noreferrer">
            <img
              src={photoUrl(props.projectId, p.hash)}
              alt={t('projects.photos.alt', { label: props.label, n: i + 1 })}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Sends the files one at a time by `upload`; what failed, as "name: why" lines. */
export async function uploadEach(files: File[], upload: (file: File) => Promise<unknown>) {
  const failed: string[] = [];
  for (const file of files) {
    try {
      await upload(file);
    } catch (err) {
      const problem = problemOf(err);
      failed.push(`${file.name}: ${problem.detail ?? problem.title}`);
    }
  }
  return failed;
}

/** The files the server refused, by name and why. */
export function FailedFiles({ errors }: { errors: string[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('projects.photos.failed')}
      description={
        <ul className="problem-lines">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * Files chosen one after another are sent one at a time by `upload` (the server checks each by its
 * content); what failed is said by file name.
 */
export function FileUpload(props: {
  label: string;
  accept: string;
  upload: (file: File) => Promise<unknown>;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const send = async (files: File[]) => {
    setBusy(true);
    setErrors([]);
    const failed = await uploadEach(files, props.upload);
    setBusy(false);
    setErrors(failed);
    props.onDone?.();
  };
  return (
    <div className="project-upload">
      <label htmlFor={id}>{busy ? t('projects.photos.uploading') : props.label}</label>
      <input
        id={id}
        className="file-input"
        type="file"
        accept={props.accept}
        multiple
        disabled={busy}
        onChange={(e) => {
          const files = e.target.files ? [...e.target.files] : [];
          e.target.value = '';
          if (files.length > 0) void send(files);
        }}
      />
      <FailedFiles errors={errors} />
    </div>
  );
}
