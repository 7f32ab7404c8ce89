import { Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdMember } from '../../api/types.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useHousehold } from './placesApi.ts';
import { ResidentDrawer } from './ResidentDrawer.tsx';

/**
 * One household: where it is, its area, and its members with masked phones and the voter.
 * 查看 on a member opens the resident panel, a drawer nested in this one.
 */
export function HouseholdDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useHousehold(id);
  const h = query.data;
  const [resident, setResident] = useState<number | null>(null);
  const close = () => {
    setResident(null);
    onClose();
  };
  return (
    <Drawer open={id !== null} onClose={close} title={h ? h.label : t('places.detail')} size={560}>
      {query.isPending && id !== null ? <Loading /> : null}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {h ? (
        <div className="stack">
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'compound', label: t('places.compound'), children: h.compoundName },
              { key: 'label', label: t('places.label'), children: h.label },
              { key: 'area', label: t('places.area'), children: h.areaM2 },
            ]}
          />
          <h3 className="section-title">{t('places.members')}</h3>
          <ScrollRegion label={t('places.members')}>
            <Table<HouseholdMember>
              rowKey="residentId"
              size="small"
              pagination={false}
              dataSource={h.members}
              locale={{ emptyText: t('places.noMembers') }}
              columns={[
                {
                  title: t('places.name'),
                  dataIndex: 'name',
                  render: (name: string, m) => (
                    <>
                      {name} {m.verified ? <Tag color="#237804">{t('places.verified')}</Tag> : null}
                    </>
                  ),
                },
                { title: t('places.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
                {
                  title: t('places.relation'),
                  dataIndex: 'relation',
                  render: (r: HouseholdMember['relation']) => t(`relations.${r}`),
                },
                {
                  title: t('places.voter'),
                  dataIndex: 'isVoter',
                  render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
                },
                {
                  title: t('places.actions'),
                  key: 'open',
                  render: (_, m) => (
                    <Button
                      type="link"
                      onClick={() => setResident(m.residentId)}
                      aria-label={t('places.viewResident', { name: m.name })}
                    >
                      {t('places.view')}
                    </Button>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        </div>
      ) : null}
      <ResidentDrawer id={resident} onClose={() => setResident(null)} />
    </Drawer>
  );
}
