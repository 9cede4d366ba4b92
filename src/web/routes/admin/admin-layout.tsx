import 'mantine-datatable/styles.css';
import { AppShell, Badge, Burger, Container, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/auth';
import { LanguageSwitch } from '../../components/language-switch';
import { NavLinkLink } from '../../components/links';
import { LocalizedModals } from '../../components/localized-modals';
import { Logo } from '../../components/logo';
import { UserMenu } from '../../components/user-menu';
import { adminNavItems } from './admin-nav-items';
// The back office's words load with its chunk, before any /admin page renders.
import './i18n';

/** The operator's back office: its own header and the menu of the routes the staff role may open. */
export function AdminLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const { routesById } = useRouter();
  const { data: me } = useMe();
  const role = me?.user.staffRole ?? null;
  const items = adminNavItems(Object.values(routesById), role);
  // The longest matching path wins: on /admin/licenses/issue only «Выдача лицензий» is lit, not the register.
  const activeTo = items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .reduce<string | null>((best, item) => (best && best.length >= item.to.length ? best : item.to), null);

  return (
    <LocalizedModals>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              />
              <Logo to="/admin" suffix={t('nav.backOffice')} />
              {role && (
                <Badge variant="light" color="grape" visibleFrom="md">
                  {t(`roles.staff.${role}`)}
                </Badge>
              )}
            </Group>
            <Group gap={4} wrap="nowrap">
              <LanguageSwitch />
              <UserMenu area="admin" />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('nav.adminMenu')}>
          <AppShell.Section grow component={ScrollArea}>
            {items.map((item) => (
              <NavLinkLink
                key={item.to}
                to={item.to}
                label={t(item.labelKey)}
                leftSection={<item.icon size={18} stroke={1.6} />}
                active={item.to === activeTo}
                // The router would mark /admin/licenses current on /admin/licenses/issue too; `active` decides.
                activeOptions={{ exact: true }}
                onClick={close}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main>
          <Container size="xl" px={0}>
            <Outlet />
          </Container>
        </AppShell.Main>
      </AppShell>
    </LocalizedModals>
  );
}
