import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceNode } from '../../api/types.ts';
import { can, useMe } from '../../app/session.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { GrantRoleCard } from './GrantRoleCard.tsx';
import { grantScopeOf } from './grantScope.ts';
import { HouseholdDrawer } from './HouseholdDrawer.tsx';
import { HouseholdTable } from './HouseholdTable.tsx';
import { PlaceTree } from './PlaceTree.tsx';
import type { HouseholdScope } from './placesApi.ts';

export default function PlacesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [scope, setScope] = useState<HouseholdScope | null>(null);
  const [node, setNode] = useState<PlaceNode | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const grantScope = node && can(me, 'role.manage') ? grantScopeOf(node) : null;

  return (
    <>
      <PageTitle>{t('places.title')}</PageTitle>
      <div className="places-grid">
        <div className="stack">
          <Card title={<h2 className="section-title">{t('places.tree')}</h2>}>
            <div className="tree-scroll">
              <PlaceTree
                label={t('places.treeLabel')}
                onSelect={(place) => {
                  if (place.kind === 'household') {
                    setOpen(place.id);
                    return;
                  }
                  setNode(place);
                  if (place.kind === 'compound' || place.kind === 'building' || place.kind === 'unit') {
                    setScope({ kind: place.kind, id: place.id, name: place.name });
                  } else {
                    setScope(null);
                  }
                }}
              />
            </div>
          </Card>
          {node && grantScope ? (
            <GrantRoleCard key={`${node.kind}:${node.id}`} node={node} scope={grantScope} />
          ) : null}
        </div>
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
