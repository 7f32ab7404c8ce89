import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../api/client.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useCategories, useRequestPlaces } from '../requests/requestsApi.ts';
import {
  FIELD_KEY,
  type Finding,
  findingPhotoUrl,
  type PatrolDetail,
  uploadFindingPhoto,
  useAddFinding,
  useFindingToRequest,
} from './fieldApi.ts';

/** A patrol's findings: each with its photos, 转为诉求 (or a link to its request); 添加发现. */
export function FindingsSection({ patrol }: { patrol: PatrolDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [turning, setTurning] = useState<Finding | null>(null);
  const labelOf = (key: string | null) => patrol.items.find((i) => i.key === key)?.label;
  return (
    <section aria-labelledby="findings-heading" className="stack">
      <Flex justify="space-between" align="center">
        <h2 id="findings-heading" style={{ fontSize: 18, margin: 0 }}>
          {t('field.finding.title')}
        </h2>
        {patrol.abilities.record ? (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('field.finding.add')}
          </Button>
        ) : null}
      </Flex>
      {patrol.findings.length === 0 ? <Empty description={t('field.finding.none')} /> : null}
      {patrol.findings.map((f) => (
        <Card key={f.id} size="small" title={labelOf(f.itemKey) ?? t('field.finding.itemNone')}>
          <p style={{ marginTop: 0 }}>{f.note}</p>
          {f.photos.length > 0 ? (
            <ul className="photo-grid" aria-label={t('field.finding.photos')}>
              {f.photos.map((p, i) => (
                <li key={p.id} className="photo-cell">
                  <a href={findingPhotoUrl(f.id, p.id, 'full')} target="_blank" rel="noreferrer">
                    <img src={findingPhotoUrl(f.id, p.id)} alt={t('field.finding.photoAlt', { n: i + 1 })} />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {f.requestId !== null ? (
            <Link to={`/requests/${f.requestId}`}>{t('field.finding.turned', { id: f.requestId })}</Link>
          ) : patrol.abilities.toRequest ? (
            <Button onClick={() => setTurning(f)}>{t('field.finding.toRequest')}</Button>
          ) : null}
        </Card>
      ))}
      {adding ? <AddFindingModal patrol={patrol} onClose={() => setAdding(false)} /> : null}
      {turning ? <ToRequestModal patrol={patrol} finding={turning} onClose={() => setTurning(null)} /> : null}
    </section>
  );
}

/** Photos are chosen here and uploaded once the finding is saved (each through the server's photo check). */
function AddFindingModal({ patrol, onClose }: { patrol: PatrolDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fileId = useId();
  const [itemKey, setItemKey] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [previews, setPreviews] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const add = useAddFinding(patrol.id);
  const client = useQueryClient();
  useEffect(() => {
    const urls = files.map((f) => URL.createObjectURL(f));
    setPreviews(urls);
    return () => {
      for (const u of urls) URL.revokeObjectURL(u);
    };
  }, [files]);

  const submit = () =>
    add.mutate(
      { note: note.trim(), ...(itemKey ? { itemKey } : {}) },
      {
        onSuccess: async (finding) => {
          setUploading(true);
          let failed: string | null = null;
          for (const file of files) {
            try {
              await uploadFindingPhoto(finding.id, file);
            } catch (err) {
              const p = problemOf(err);
              failed = t('field.finding.photoFailed', { name: file.name, reason: p.detail ?? p.title });
            }
          }
          setUploading(false);
          add.reset();
          await client.invalidateQueries({ queryKey: FIELD_KEY });
          if (failed) {
            setPhotoError(failed);
            return;
          }
          void message.success(t('field.finding.saved'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('field.finding.add')}
      okText={t('field.finding.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || uploading}
      onCancel={onClose}
      onOk={submit}
    >
      <Form layout="vertical" component="div">
        <NativeSelect
          label={t('field.finding.item')}
          placeholder={t('field.finding.itemNone')}
          options={patrol.items.map((i) => ({ value: i.key, label: i.label }))}
          value={itemKey}
          onChange={setItemKey}
        />
        <Form.Item label={t('field.finding.note')} htmlFor="finding-note" required>
          <Input.TextArea
            id="finding-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        <ul className="photo-grid" aria-label={t('field.finding.photos')}>
          {previews.map((url, i) => (
            <li key={url} className="photo-cell">
              <img src={url} alt={t('field.finding.photoAlt', { n: i + 1 })} />
              <Button
                size="small"
                shape="circle"
                className="photo-remove"
                aria-label={t('field.finding.removePhoto', { n: i + 1 })}
                onClick={() => setFiles(files.filter((_, j) => j !== i))}
              >
                ×
              </Button>
            </li>
          ))}
          {files.length < 9 ? (
            <li className="photo-cell">
              <label htmlFor={fileId} className="photo-add">
                <span>{uploading ? t('field.finding.uploading') : t('field.finding.addPhotos')}</span>
              </label>
              <input
                id={fileId}
                className="visually-hidden"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                onChange={(e) => {
                  setFiles([...files, ...(e.target.files ? [...e.target.files] : [])].slice(0, 9));
                  e.target.value = '';
                }}
              />
            </li>
          ) : null}
        </ul>
      </Form>
      <ProblemAlert error={add.error} />
      {photoError ? <Alert type="error" showIcon role="alert" title={photoError} /> : null}
    </Modal>
  );
}

/** 转为诉求: prefilled with the finding's note and the patrol's compound; the category routes it. */
function ToRequestModal(props: { patrol: PatrolDetail; finding: Finding; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { patrol, finding } = props;
  const categories = useCategories(patrol.stationId);
  const places = useRequestPlaces(patrol.stationId);
  const [categoryId, setCategoryId] = useState('');
  const [buildingId, setBuildingId] = useState('');
  const [description, setDescription] = useState(finding.note);
  const [isPublic, setPublic] = useState(false);
  const turn = useFindingToRequest();
  const buildings = (places.data?.buildings ?? []).filter((b) => b.compoundName === patrol.compoundName);
  return (
    <Modal
      open
      title={t('field.finding.toRequestTitle')}
      okText={t('field.finding.toRequest')}
      cancelText={t('common.cancel')}
      confirmLoading={turn.isPending}
      onCancel={props.onClose}
      onOk={() =>
        turn.mutate(
          {
            id: finding.id,
            categoryId: Number(categoryId),
            ...(buildingId ? { buildingId: Number(buildingId) } : {}),
            description: description.trim(),
            isPublic,
          },
          {
            onSuccess: (r) => {
              void message.success(t('field.finding.turned', { id: r.requestId }));
              props.onClose();
            },
          },
        )
      }
    >
      <Form layout="vertical" component="div">
        <NativeSelect
          label={t('field.finding.category')}
          placeholder={t('field.finding.chooseCategory')}
          options={(categories.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={categoryId}
          onChange={setCategoryId}
          required
        />
        <NativeSelect
          label={t('field.finding.building')}
          placeholder={`${patrol.compoundName}（${t('field.finding.wholeCompound')}）`}
          options={buildings.map((b) => ({ value: String(b.id), label: b.name }))}
          value={buildingId}
          onChange={setBuildingId}
        />
        <Form.Item label={t('field.finding.description')} htmlFor="turn-description" required>
          <Input.TextArea
            id="turn-description"
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('field.finding.isPublic')}>
          <Switch aria-label={t('field.finding.isPublic')} checked={isPublic} onChange={setPublic} />
        </Form.Item>
      </Form>
      <ProblemAlert error={turn.error} />
    </Modal>
  );
}
