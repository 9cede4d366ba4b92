import { AppShell, Box, Burger, Container, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/queries/auth';
import { LanguageSwitch } from '../../components/language-switch';
import { NavLinkLink } from '../../components/links';
import { LocalizedModals } from '../../components/localized-modals';
import { Logo } from '../../components/logo';
import { visibleNavItems } from '../../components/nav-items';
import { UserMenu } from '../../components/user-menu';
import { AboutButton } from './about-drawer';
import { InformationNav } from './information-nav';
import { OrganizationSwitcher } from './organization-switcher';

function isActive(pathname: string, to: string, exact: boolean | undefined): boolean {
  if (exact || to === '/') return pathname === to;
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The customer cabinet: header, the menu of the active organization's programs, the page. */
export function CabinetLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const { routesById } = useRouter();
  const { data: me } = useMe();

  const active = me?.organizations.find((org) => org.organizationId === me.activeOrganizationId);
  const items = visibleNavItems(Object.values(routesById), active);

  return (
    <LocalizedModals>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              />
              <Logo />
              <Box visibleFrom="sm" miw={0}>
                <OrganizationSwitcher />
              </Box>
            </Group>
            <Group gap={4} wrap="nowrap">
              <AboutButton />
              <LanguageSwitch />
              <UserMenu area="cabinet" />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('nav.mainMenu')}>
          <Box hiddenFrom="sm" mb="sm">
            <OrganizationSwitcher onSwitched={close} />
          </Box>
          <AppShell.Section grow component={ScrollArea}>
            {items.map((item) =>
              item.submenu === 'information' ? (
                <InformationNav
                  key={item.to}
                  item={item}
                  active={isActive(pathname, item.to, item.exact)}
                  onNavigate={close}
                />
              ) : (
                <NavLinkLink
                  key={item.to}
                  to={item.to}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={18} stroke={1.6} />}
                  active={isActive(pathname, item.to, item.exact)}
                  onClick={close}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ),
            )}
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
