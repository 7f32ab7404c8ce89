import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../api/client.ts';
import { type Photo, photoUrl, uploadPhoto } from './requestsApi.ts';

const MAX = 9;

/**
 * Up to nine photos, each uploaded as soon as it is chosen (the server checks the type by content,
 * strips EXIF and location, and keeps a list-size copy). The parent receives the photo ids.
 */
export function PhotoPicker(props: {
  stationId: number;
  value: Photo[];
  onChange: (photos: Photo[]) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = async (files: FileList | null) => {
    if (!files) return;
    setError(null);
    const room = MAX - props.value.length;
    const chosen = [...files].slice(0, room);
    if (files.length > room) setError(t('requests.photos.tooMany', { max: MAX }));
    setBusy((n) => n + chosen.length);
    let photos = props.value;
    for (const file of chosen) {
      try {
        const photo = await uploadPhoto(props.stationId, file);
        photos = [...photos, photo];
        props.onChange(photos);
      } catch (err) {
        const problem = problemOf(err);
        setError(`${file.name}: ${problem.detail ?? problem.title}`);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <div className="stack">
      <ul className="photo-grid" aria-label={t('requests.photos.label')}>
        {props.value.map((photo, i) => (
          <li key={photo.id} className="photo-cell">
            <img src={photoUrl(photo.id)} alt={t('requests.photos.alt', { n: i + 1 })} />
            <Button
              size="small"
              shape="circle"
              className="photo-remove"
              icon={<CloseOutlined aria-hidden />}
              aria-label={t('requests.photos.remove', { n: i + 1 })}
              onClick={() => props.onChange(props.value.filter((p) => p.id !== photo.id))}
            />
          </li>
        ))}
        {props.value.length < MAX ? (
          <li className="photo-cell">
            <label htmlFor={inputId} className="photo-add">
              <PlusOutlined aria-hidden />
              <span>{busy > 0 ? t('requests.photos.uploading') : t('requests.photos.add')}</span>
            </label>
            <input
              id={inputId}
              className="visually-hidden"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              onChange={(e) => {
                void add(e.target.files);
                e.target.value = '';
              }}
            />
          </li>
        ) : null}
      </ul>
      <p className="hint">{t('requests.photos.hint', { max: MAX })}</p>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
    </div>
  );
}
