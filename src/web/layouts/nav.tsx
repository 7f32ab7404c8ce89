import {
  AccountBookOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  EnvironmentOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  ImportOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SmileOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Action, Me } from '../api/types.ts';
import { can } from '../app/session.ts';
import type zhCN from '../i18n/zh-CN.ts';

type NavKey = keyof (typeof zhCN)['nav'];

export interface NavItem {
  path: string;
  label: NavKey;
  icon: ReactNode;
  /** Shown only when the server lists this ability (or one of these) in /me. */
  ability?: Action | readonly Action[];
}

/** Staff menu (desktop layout). */
export const STAFF_NAV: NavItem[] = [
  { path: '/', label: 'home', icon: <HomeOutlined aria-hidden /> },
  { path: '/requests', label: 'requests', icon: <FormOutlined aria-hidden />, ability: 'request.read' },
  {
    path: '/request-settings',
    label: 'requestSettings',
    icon: <ControlOutlined aria-hidden />,
    ability: 'request.configure',
  },
  { path: '/stations', label: 'stations', icon: <ShopOutlined aria-hidden />, ability: 'station.read' },
  { path: '/duty', label: 'duty', icon: <ScheduleOutlined aria-hidden />, ability: 'duty.serve' },
  { path: '/patrols', label: 'patrols', icon: <EnvironmentOutlined aria-hidden />, ability: 'patrol.record' },
  {
    path: '/votes',
    label: 'votes',
    icon: <CheckSquareOutlined aria-hidden />,
    ability: ['deliberation.read', 'ballot.enter', 'ballot.collect'],
  },
  {
    path: '/deliberation',
    label: 'deliberation',
    icon: <TeamOutlined aria-hidden />,
    ability: 'deliberation.read',
  },
  { path: '/fund', label: 'fund', icon: <AccountBookOutlined aria-hidden />, ability: 'fund.read' },
  { path: '/projects', label: 'projects', icon: <ProjectOutlined aria-hidden />, ability: 'fund.read' },
  {
    path: '/crowdfunding',
    label: 'crowdfunding',
    icon: <HeartOutlined aria-hidden />,
    ability: ['fund.read', 'fund.collect'],
  },
  { path: '/places', label: 'places', icon: <ApartmentOutlined aria-hidden />, ability: 'tree.read' },
  { path: '/roster', label: 'roster', icon: <ImportOutlined aria-hidden />, ability: 'roster.import' },
  {
    path: '/verification',
    label: 'verification',
    icon: <SafetyCertificateOutlined aria-hidden />,
    ability: 'verification.review',
  },
  { path: '/my-home', label: 'myHome', icon: <SmileOutlined aria-hidden /> },
  { path: '/inbox', label: 'inbox', icon: <BellOutlined aria-hidden /> },
  { path: '/audit', label: 'audit', icon: <AuditOutlined aria-hidden />, ability: 'audit.read' },
  { path: '/open311', label: 'open311', icon: <ApiOutlined aria-hidden />, ability: 'request.configure' },
  { path: '/settings', label: 'settings', icon: <SettingOutlined aria-hidden /> },
];

/** Resident tab bar (phone layout): 首页 / 报事 / 我的家 / 消息 / 我的. */
export const RESIDENT_TABS: NavItem[] = [
  { path: '/', label: 'home', icon: <HomeOutlined aria-hidden /> },
  { path: '/requests', label: 'report', icon: <FormOutlined aria-hidden /> },
  { path: '/my-home', label: 'myHome', icon: <SmileOutlined aria-hidden /> },
  { path: '/inbox', label: 'inbox', icon: <BellOutlined aria-hidden /> },
  { path: '/settings', label: 'me', icon: <UserOutlined aria-hidden /> },
];

export function visibleNav(items: NavItem[], me: Me | null | undefined): NavItem[] {
  return items.filter((item) => !item.ability || [item.ability].flat().some((a) => can(me, a)));
}

/** The nav item a location belongs to: the longest matching path. */
export function activePath(items: NavItem[], pathname: string): string {
  const match = items
    .filter((i) =>
      i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '';
}
