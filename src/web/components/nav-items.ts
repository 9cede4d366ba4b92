import type { Icon } from '@tabler/icons-react';
import {
  IconDownload,
  IconHeadset,
  IconHome,
  IconInfoCircle,
  IconLicense,
  IconPackages,
  IconReceipt,
  IconSettings,
  IconZoomCode,
} from '@tabler/icons-react';
import type { LinkProps } from '@tanstack/react-router';
import type { MembershipSummary } from '../../shared/api/auth';
import type { OrganizationProgram } from '../../shared/api/roles';

export type NavItem = {
  to: NonNullable<LinkProps['to']>;
  /** i18n key of the menu label (`nav.*` in i18n/ru.ts and en.ts). */
  labelKey: string;
  icon: Icon;
  /** Which organization programs show the item; `all` — every organization. */
  programs: 'all' | readonly OrganizationProgram[];
  /** Also shown to someone without an active organization (settings). */
  withoutOrganization?: boolean;
  /** Active only on the exact path (the home page would otherwise match everything). */
  exact?: boolean;
  /**
   * The item opens a list in the menu instead of a page: `information` — the «Информация по …» entries of
   * the organization's products (seed 000: «при нажатии открывается выпадающий список (рис. 3)»). `to` stays
   * the page the entries lead to, for deep links.
   */
  submenu?: 'information';
};

/**
 * The cabinet menu, one line per section, in menu order. A new section (seed 000: Продукты, Скачать,
 * Информация, Техподдержка; seed 001: Каталог услуг, Подписки, Биллинг, Аналитика, Пользователи; seed 002:
 * Лицензии, Заказы) is one entry here plus its route in router.tsx, e.g.
 * `{ to: '/licenses', labelKey: 'nav.licenses', icon: IconLicense, programs: ['partner'] },`
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome, programs: 'all', exact: true },
  { to: '/products', labelKey: 'nav.products', icon: IconPackages, programs: ['licenses'] },
  { to: '/downloads', labelKey: 'nav.downloads', icon: IconDownload, programs: ['licenses'] },
  {
    to: '/information',
    labelKey: 'nav.info',
    icon: IconInfoCircle,
    programs: ['licenses'],
    submenu: 'information',
  },
  // Техподдержка right after Информация, as in seed 000's menu.
  { to: '/support', labelKey: 'nav.support', icon: IconHeadset, programs: ['licenses'] },
  { to: '/serial-number', labelKey: 'nav.serialNumber', icon: IconZoomCode, programs: ['licenses'] },
  // Seed 002: the partner cabinet's «Лицензии» (activations by device serial) and «Заказы».
  { to: '/activations', labelKey: 'nav.licenses', icon: IconLicense, programs: ['partner'] },
  { to: '/orders', labelKey: 'nav.orders', icon: IconReceipt, programs: ['partner'] },
  {
    to: '/settings',
    labelKey: 'nav.settings',
    icon: IconSettings,
    programs: 'all',
    withoutOrganization: true,
  },
];

/** The items the active organization's programs unlock. */
export function visibleNavItems(organization: MembershipSummary | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (!organization) return item.withoutOrganization === true;
    return (
      item.programs === 'all' || item.programs.some((program) => organization.programs.includes(program))
    );
  });
}
