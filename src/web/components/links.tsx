import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

// Mantine components rendered as router links: typed `to`/`params`/`search`, preloading on hover.

type AnchorBase = AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };
function MantineAnchor(props: AnchorBase) {
  return <Anchor {...props} />;
}
const CreatedAnchor = createLink(MantineAnchor);
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchor preload="intent" {...props} />
);

type ButtonBase = ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };
function MantineButtonAnchor(props: ButtonBase) {
  return <Button component="a" {...props} />;
}
const CreatedButton = createLink(MantineButtonAnchor);
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButton preload="intent" {...props} />
);

type NavLinkBase = NavLinkProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };
function MantineNavLink(props: NavLinkBase) {
  return <NavLink component="a" {...props} />;
}
const CreatedNavLink = createLink(MantineNavLink);
export const NavLinkLink: LinkComponent<typeof MantineNavLink> = (props) => (
  <CreatedNavLink preload="intent" {...props} />
);
