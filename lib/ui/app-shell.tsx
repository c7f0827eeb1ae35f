import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/actions';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

type ShellProps = {
  home: string;
  links: { href: string; label: string }[];
  who: string;
  narrow?: boolean;
  children: ReactNode;
};

export function AppShell({ home, links, who, narrow, children }: ShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <a className="brand" href={home}>
            Limber
          </a>
          <nav className="nav" aria-label="Main">
            {links.map((l) => (
              <NavLink key={l.href} href={l.href}>
                {l.label}
              </NavLink>
            ))}
          </nav>
          <span className="whoami">{who}</span>
          <SignOutButton action={signOutAction} />
        </div>
      </header>
      <main id="main" className={narrow ? 'main main-narrow' : 'main'}>
        {children}
      </main>
    </>
  );
}
