import { useQueryClient } from '@tanstack/react-query';
import type { TreeDataNode as DataNode } from 'antd';
import { Tree } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaceKind, PlaceNode } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fetchChildren } from './placesApi.ts';

interface PlaceDataNode extends DataNode {
  key: string;
  place: PlaceNode;
  children?: PlaceDataNode[];
}

function toNode(place: PlaceNode, leafKinds: readonly PlaceKind[]): PlaceDataNode {
  return {
    key: `${place.kind}:${place.id}`,
    title: place.name,
    place,
    isLeaf: !place.hasChildren || leafKinds.includes(place.kind),
  };
}

function attach(nodes: PlaceDataNode[], key: string, children: PlaceDataNode[]): PlaceDataNode[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: attach(n.children, key, children) }
        : n,
  );
}

/**
 * The place tree, loaded one level at a time from /places/children.
 * `leafKinds` stops the tree at a level (e.g. units: their households are shown in a table).
 */
const UNIT_LEAF: readonly PlaceKind[] = ['unit'];

export function PlaceTree({
  onSelect,
  leafKinds = UNIT_LEAF,
  label,
}: {
  onSelect: (place: PlaceNode) => void;
  leafKinds?: readonly PlaceKind[];
  label: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [nodes, setNodes] = useState<PlaceDataNode[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string[]>([]);

  const leafList = leafKinds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: leafList stands for leafKinds (arrays differ per render)
  useEffect(() => {
    let live = true;
    fetchChildren(client)
      .then((items) => {
        if (!live) return;
        const roots = items.map((p) => toNode(p, leafKinds));
        setNodes(roots);
        // Open the single root chain so staff see their compounds at once.
        if (roots.length === 1 && roots[0] && !roots[0].isLeaf) setExpanded([roots[0].key]);
      })
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [client, leafList]);

  const loadData = async (node: { key: React.Key; place?: PlaceNode; children?: unknown }) => {
    const place = (node as PlaceDataNode).place;
    if (!place || node.children) return;
    try {
      const items = await fetchChildren(client, { kind: place.kind, id: place.id });
      const children = items.map((p) => toNode(p, leafKinds));
      setNodes((old) => attach(old, String(node.key), children));
      // A single child is opened at once: fewer clicks down a chain of one-child levels.
      const only = children.length === 1 ? children[0] : undefined;
      if (only && !only.isLeaf) setExpanded((old) => (old.includes(only.key) ? old : [...old, only.key]));
    } catch (err) {
      setError(err);
    }
  };

  if (error) return <ProblemAlert error={error} />;
  if (nodes.length === 0) return <p role="status">{t('common.loading')}</p>;

  return (
    <Tree<PlaceDataNode>
      aria-label={label}
      treeData={nodes}
      loadData={loadData}
      expandedKeys={expanded}
      selectedKeys={selected}
      onExpand={(keys) => setExpanded(keys.map(String))}
      onSelect={(_keys, info) => {
        const node = info.node as unknown as PlaceDataNode;
        setSelected([node.key]);
        if (!node.isLeaf && !expanded.includes(node.key)) setExpanded([...expanded, node.key]);
        onSelect(node.place);
      }}
    />
  );
}
