import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { HouseholdDrawer } from './HouseholdDrawer.tsx';
import { HouseholdTable } from './HouseholdTable.tsx';
import { PlaceTree } from './PlaceTree.tsx';
import type { HouseholdScope } from './placesApi.ts';

export default function PlacesPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<HouseholdScope | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  return (
    <>
      <PageTitle>{t('places.title')}</PageTitle>
      <div className="places-grid">
        <Card title={<h2 className="section-title">{t('places.tree')}</h2>}>
          <div className="tree-scroll">
            <PlaceTree
              label={t('places.treeLabel')}
              onSelect={(place) => {
                if (place.kind === 'compound' || place.kind === 'building' || place.kind === 'unit') {
                  setScope({ kind: place.kind, id: place.id, name: place.name });
                } else if (place.kind === 'household') {
                  setOpen(place.id);
                }
              }}
            />
          </div>
        </Card>
        {scope ? (
          <HouseholdTable scope={scope} onOpen={(row) => setOpen(row.id)} />
        ) : (
          <Card>
            <p>{t('places.selectHint')}</p>
          </Card>
        )}
      </div>
      <HouseholdDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
