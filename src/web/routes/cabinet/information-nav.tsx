import { Collapse, NavLink, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconExternalLink } from '@tabler/icons-react';
import { useLocation } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInformation } from '../../api/queries/files';
import { NavLinkLink } from '../../components/links';
import type { NavItem } from '../../components/nav-items';
import { useErrorMessage } from '../../lib/errors';
import { informationTarget } from '../information/information-target';

const ROUNDED = { borderRadius: 'var(--mantine-radius-md)' };

type Props = { item: NavItem; active: boolean; onNavigate: () => void };

/**
 * «Информация» in the menu: a button that opens the list «Информация по AlterOS», «Информация по AlterOffice»…
 * (seed 000: «при нажатии открывается выпадающий список (рис. 3)»). A disclosure — `aria-expanded` on a real
 * button, so Enter/Space open it and Tab walks into the entries — rather than a pop-up menu, because the menu
 * is a drawer on a phone. Open on the «Информация» page itself, so the current entry is in sight.
 */
export function InformationNav({ item, active, onNavigate }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(active);
  const listId = useId();
  return (
    <>
      <NavLink
        component="button"
        type="button"
        label={t(item.labelKey)}
        leftSection={<item.icon size={18} stroke={1.6} />}
        rightSection={
          <IconChevronDown
            size={16}
            stroke={1.6}
            aria-hidden
            style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
          />
        }
        active={active && !opened}
        aria-expanded={opened}
        aria-controls={listId}
        onClick={() => setOpened((value) => !value)}
        style={ROUNDED}
      />
      <div id={listId}>
        <Collapse expanded={opened} keepMounted={false}>
          <InformationEntries onNavigate={onNavigate} />
        </Collapse>
      </div>
    </>
  );
}

/** One entry per product of the organization's licenses: the same data as the «Информация» page. */
function InformationEntries({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const information = useInformation();
  const { pathname, hash } = useLocation();

  if (information.isPending)
    return <Skeleton h={36} my={4} ml="lg" radius="md" aria-label={t('common.loading')} />;
  if (information.isError)
    return (
      <Text c="red" fz="sm" pl={44} py={6}>
        {describe(information.error)}
      </Text>
    );
  if (information.data.items.length === 0)
    return (
      <Text c="dimmed" fz="sm" pl={44} py={6}>
        {t('files.noProductsTitle')}
      </Text>
    );
  return (
    <ul aria-label={t('nav.info')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {information.data.items.map((product) => {
        const target = informationTarget(product);
        const label = t('files.informationAbout', { name: product.name });
        return (
          <li key={product.code}>
            {target.kind === 'wiki' ? (
              <NavLink
                component="a"
                href={target.href}
                target="_blank"
                rel="noopener noreferrer"
                label={
                  <>
                    {label}
                    <VisuallyHidden> ({t('nav.opensInNewTab')})</VisuallyHidden>
                  </>
                }
                rightSection={<IconExternalLink size={14} stroke={1.6} aria-hidden />}
                pl={44}
                onClick={onNavigate}
                style={ROUNDED}
              />
            ) : (
              <NavLinkLink
                to="/information"
                hash={target.hash}
                label={label}
                active={pathname === '/information' && hash === target.hash}
                pl={44}
                onClick={onNavigate}
                style={ROUNDED}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
