import { Alert, Button, Card, Empty, Form, Input, Radio, Select, Space, Steps, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/session.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { BuildingUnitSelects, NO_PLACE, type PickedPlace, placeFields } from './PlacePicker.tsx';
import {
  type Category,
  type Photo,
  useCategories,
  useFileRequest,
  useSimilar,
  useSupport,
} from './requestsApi.ts';
import { SupportButton } from './SupportButton.tsx';

type Where = 'home' | 'building' | 'other';

/**
 * A resident reports a problem in three screens: what (category), the details (words, photos, and
 * similar open requests to "+1" instead), and where plus who may see it.
 */
export default function FileRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const households = me?.households ?? [];
  const [householdId, setHouseholdId] = useState<number | null>(households[0]?.householdId ?? null);
  const household = households.find((h) => h.householdId === householdId) ?? households[0] ?? null;
  const stationId = household?.stationId ?? null;

  const [step, setStep] = useState(0);
  const [category, setCategory] = useState<Category | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [where, setWhere] = useState<Where>('home');
  const [picked, setPicked] = useState<PickedPlace>(NO_PLACE);
  const [placeText, setPlaceText] = useState('');
  const [isPublic, setPublic] = useState(true);
  const [showName, setShowName] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);

  const categories = useCategories(stationId);
  const similar = useSimilar({ stationId, categoryId: category?.id ?? null, q: description.slice(0, 40) });
  const support = useSupport();
  const file = useFileRequest();

  if (!me) return <Loading />;
  if (!household || stationId === null) {
    return (
      <>
        <PageTitle>{t('requests.new.title')}</PageTitle>
        <Alert
          type="info"
          showIcon
          title={t('requests.new.verifyFirst')}
          action={<Link to="/my-home">{t('nav.myHome')}</Link>}
        />
      </>
    );
  }

  const next = () => {
    if (step === 0 && !category) return setMissing(t('requests.new.chooseCategory'));
    if (step === 1 && description.trim().length < 2) return setMissing(t('requests.new.describe'));
    setMissing(null);
    setStep(step + 1);
  };
  const submit = () => {
    if (!category) return;
    if (where === 'building' && picked.buildingId === null)
      return setMissing(t('requests.new.chooseBuilding'));
    if (where === 'other' && !placeText.trim()) return setMissing(t('requests.new.writePlace'));
    setMissing(null);
    file.mutate(
      {
        stationId,
        categoryId: category.id,
        description: description.trim(),
        photoIds: photos.map((p) => p.id),
        ...(where === 'home' ? { householdId: household.householdId } : {}),
        ...(where === 'building' ? placeFields(picked) : {}),
        ...(placeText.trim() ? { placeText: placeText.trim() } : {}),
        isPublic,
        isAnonymous: !showName,
      },
      { onSuccess: (created) => navigate(`/requests/${created.id}`, { replace: true }) },
    );
  };

  const stepTitles = [t('requests.new.step1'), t('requests.new.step2'), t('requests.new.step3')];
  return (
    <>
      <PageTitle>{t('requests.new.title')}</PageTitle>
      <div className="stack">
        <Steps
          size="small"
          current={step}
          items={stepTitles.map((title) => ({ title }))}
          responsive={false}
        />
        {households.length > 1 ? (
          <Select
            aria-label={t('requests.new.household')}
            value={household.householdId}
            onChange={(v) => {
              setHouseholdId(v);
              setCategory(null);
              setStep(0);
            }}
            options={households.map((h) => ({ value: h.householdId, label: `${h.compoundName} ${h.label}` }))}
          />
        ) : null}

        {step === 0 ? (
          <Card title={<h2 className="section-title">{stepTitles[0]}</h2>}>
            {categories.error ? <ProblemAlert error={categories.error} /> : null}
            <Radio.Group
              className="category-grid"
              aria-label={stepTitles[0]}
              value={category?.id ?? null}
              onChange={(e) => {
                setCategory(categories.data?.find((c) => c.id === e.target.value) ?? null);
                setMissing(null);
              }}
              optionType="button"
              buttonStyle="solid"
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Card>
        ) : null}

        {step === 1 ? (
          <Card title={<h2 className="section-title">{stepTitles[1]}</h2>}>
            <Form layout="vertical" component="div">
              <Form.Item label={t('requests.new.description')} htmlFor="request-description" required>
                <Input.TextArea
                  id="request-description"
                  rows={4}
                  maxLength={2000}
                  showCount
                  value={description}
                  placeholder={t('requests.new.descriptionHint')}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('requests.photos.label')}>
                <PhotoPicker stationId={stationId} value={photos} onChange={setPhotos} />
              </Form.Item>
            </Form>
            {similar.data && similar.data.length > 0 ? (
              <section aria-labelledby="similar-title" className="stack">
                <h3 id="similar-title" className="section-title">
                  {t('requests.similar.title')}
                </h3>
                <p className="hint">{t('requests.similar.hint')}</p>
                <ul className="plain-list">
                  {similar.data.map((s) => (
                    <li key={s.id} className="similar-item">
                      <div>
                        <div>{s.description}</div>
                        <Space size={4} wrap>
                          {s.place ? <Tag>{s.place}</Tag> : null}
                          <Tag color="blue">{t(`requests.status.${s.status}`)}</Tag>
                          <span className="hint">{t('requests.similar.count', { count: s.supporters })}</span>
                        </Space>
                      </div>
                      {s.mine ? (
                        <Tag>{t('requests.similar.mine')}</Tag>
                      ) : (
                        <SupportButton
                          request={s}
                          support={support}
                          type={s.supported ? 'default' : 'primary'}
                        />
                      )}
                    </li>
                  ))}
                </ul>
                {support.error ? <ProblemAlert error={support.error} /> : null}
              </section>
            ) : null}
          </Card>
        ) : null}

        {step === 2 ? (
          <Card title={<h2 className="section-title">{stepTitles[2]}</h2>}>
            <Form layout="vertical" component="div">
              <Form.Item label={t('requests.new.where')}>
                <Radio.Group
                  aria-label={t('requests.new.where')}
                  value={where}
                  onChange={(e) => setWhere(e.target.value)}
                  options={[
                    { value: 'home', label: t('requests.new.atHome', { label: household.label }) },
                    { value: 'building', label: t('requests.new.atBuilding') },
                    { value: 'other', label: t('requests.new.elsewhere') },
                  ]}
                />
              </Form.Item>
              {where === 'building' ? (
                <Space wrap>
                  <BuildingUnitSelects stationId={stationId} value={picked} onChange={setPicked} />
                </Space>
              ) : null}
              <Form.Item
                label={where === 'other' ? t('requests.new.placeText') : t('requests.new.placeDetail')}
                htmlFor="request-place"
                required={where === 'other'}
              >
                <Input
                  id="request-place"
                  maxLength={100}
                  value={placeText}
                  placeholder={t('requests.new.placeHint')}
                  onChange={(e) => setPlaceText(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('requests.new.public')} extra={t('requests.new.publicHint')}>
                <Switch
                  checked={isPublic}
                  onChange={setPublic}
                  aria-label={t('requests.new.public')}
                  checkedChildren={t('common.yes')}
                  unCheckedChildren={t('common.no')}
                />
              </Form.Item>
              {isPublic ? (
                <Form.Item label={t('requests.new.showName')} extra={t('requests.new.showNameHint')}>
                  <Switch
                    checked={showName}
                    onChange={setShowName}
                    aria-label={t('requests.new.showName')}
                    checkedChildren={t('common.yes')}
                    unCheckedChildren={t('common.no')}
                  />
                </Form.Item>
              ) : null}
            </Form>
            {file.error ? <ProblemAlert error={file.error} /> : null}
          </Card>
        ) : null}

        {missing ? <Alert type="warning" showIcon title={missing} role="alert" /> : null}
        {categories.data && categories.data.length === 0 ? <Empty /> : null}
        <div className="step-buttons">
          {step > 0 ? <Button onClick={() => setStep(step - 1)}>{t('requests.new.back')}</Button> : <span />}
          {step < 2 ? (
            <Button type="primary" onClick={next}>
              {t('requests.new.next')}
            </Button>
          ) : (
            <Button type="primary" loading={file.isPending} onClick={submit}>
              {t('requests.new.submit')}
            </Button>
          )}
        </div>
      </div>
    </>
  );
}
