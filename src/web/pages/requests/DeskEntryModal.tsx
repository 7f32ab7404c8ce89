import { Form, Input, Modal, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useUnitHouseholds } from '../places/placesApi.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { BuildingUnitSelects, NO_PLACE, type PickedPlace, placeFields } from './PlacePicker.tsx';
import { type Photo, useCategories, useFileRequest } from './requestsApi.ts';

const CHANNELS = ['desk', 'phone', 'wechat', 'patrol'] as const;
type Channel = (typeof CHANNELS)[number];

/**
 * Staff enter a request that came in at the duty desk, by phone, on WeChat or on a patrol: the
 * channel is recorded, and the household it is for (or only the building/unit it is about).
 */
export function DeskEntryModal(props: { stationId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [channel, setChannel] = useState<Channel>('desk');
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [picked, setPicked] = useState<PickedPlace>(NO_PLACE);
  const [description, setDescription] = useState('');
  const [placeText, setPlaceText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [isPublic, setPublic] = useState(false);
  const categories = useCategories(props.stationId);
  const rooms = useUnitHouseholds(picked.unitId);
  const file = useFileRequest();

  const submit = () => {
    file.mutate(
      {
        stationId: props.stationId,
        categoryId: categoryId ?? 0,
        description: description.trim(),
        channel,
        photoIds: photos.map((p) => p.id),
        ...placeFields(picked),
        ...(placeText.trim() ? { placeText: placeText.trim() } : {}),
        isPublic,
        isAnonymous: true,
      },
      {
        onSuccess: (created) => {
          props.onClose();
          void navigate(`/requests/${created.id}`);
        },
      },
    );
  };

  return (
    <Modal
      open={props.open}
      title={t('requests.desk.title')}
      okText={t('requests.new.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={file.isPending}
      onCancel={props.onClose}
      onOk={submit}
      width={640}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('requests.channelLabel')}>
          <Radio.Group
            aria-label={t('requests.channelLabel')}
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
            options={CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item label={t('requests.queue.category')} required>
          <Select
            aria-label={t('requests.queue.category')}
            value={categoryId}
            onChange={setCategoryId}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label={t('requests.desk.where')}>
          <Space wrap>
            <BuildingUnitSelects stationId={props.stationId} value={picked} onChange={setPicked} />
            <Select
              aria-label={t('requests.desk.household')}
              placeholder={t('requests.desk.household')}
              allowClear
              disabled={picked.unitId === null}
              loading={rooms.isFetching}
              style={{ minWidth: 150 }}
              value={picked.householdId}
              onChange={(v) => setPicked({ ...picked, householdId: v ?? null })}
              options={(rooms.data?.items ?? []).map((h) => ({ value: h.id, label: h.label }))}
            />
          </Space>
        </Form.Item>
        <Form.Item label={t('requests.new.placeDetail')} htmlFor="desk-place">
          <Input
            id="desk-place"
            maxLength={100}
            value={placeText}
            onChange={(e) => setPlaceText(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('requests.new.description')} htmlFor="desk-description" required>
          <Input.TextArea
            id="desk-description"
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('requests.photos.label')}>
          <PhotoPicker stationId={props.stationId} value={photos} onChange={setPhotos} />
        </Form.Item>
        <Form.Item label={t('requests.new.public')}>
          <Switch checked={isPublic} onChange={setPublic} aria-label={t('requests.new.public')} />
        </Form.Item>
      </Form>
      {file.error ? <ProblemAlert error={file.error} /> : null}
    </Modal>
  );
}
