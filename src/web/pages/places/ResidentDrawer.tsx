import { Descriptions, Drawer, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../api/types.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ProxyForm } from './ProxyForm.tsx';
import { ResidentEditForm } from './ResidentEditForm.tsx';
import { useResident } from './residentApi.ts';

/**
 * One resident, opened from a household's member list: what the server shows of them (phone and
 * ID number masked unless the viewer may see them), and for managers the edit and 代办人 forms.
 */
export function ResidentDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useResident(id);
  const r = query.data;
  const manage = !!r && r.abilities.includes('resident.manage');
  return (
    <Drawer open={id !== null} onClose={onClose} title={r ? r.name : t('resident.title')} size={520}>
      {query.isPending && id !== null ? <Loading /> : null}
      {query.error ? <ProblemAlert error={query.error} /> : null}
      {r ? (
        <div className="stack">
          <ResidentDetails r={r} />
          {manage ? (
            <>
              <ResidentEditForm key={`edit-${r.id}`} resident={r} />
              <ProxyForm key={`proxy-${r.id}`} residentId={r.id} />
            </>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}

function ResidentDetails({ r }: { r: Resident }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={[
        { key: 'name', label: t('resident.name'), children: r.name },
        { key: 'phone', label: t('resident.phone'), children: r.phone ?? none },
        { key: 'idNumber', label: t('resident.idNumber'), children: r.idNumber ?? none },
        { key: 'birthYear', label: t('resident.birthYear'), children: r.birthYear ?? none },
        {
          key: 'tags',
          label: t('resident.tags'),
          children:
            r.tags.length > 0 ? (
              <Space size={[4, 4]} wrap>
                {r.tags.map((tag) => (
                  <Tag key={tag}>{tag}</Tag>
                ))}
              </Space>
            ) : (
              none
            ),
        },
        {
          key: 'verified',
          label: t('resident.verified'),
          children: r.verified ? (
            <Tag color="#237804">{t('resident.verifiedYes')}</Tag>
          ) : (
            t('resident.verifiedNo')
          ),
        },
        {
          key: 'households',
          label: t('resident.households'),
          children:
            r.households.length > 0 ? (
              <ul className="plain-list">
                {r.households.map((h) => (
                  <li key={h.householdId}>
                    {h.label} · {t(`relations.${h.relation}`)}
                    {h.isVoter ? ` · ${t('resident.voter')}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              none
            ),
        },
      ]}
    />
  );
}
