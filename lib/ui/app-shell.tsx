import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Viewer } from '@/lib/auth/types';
import { IdleWarning } from './idle-warning';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

type ShellProps = {
  home: string;
  links: { href: string; label: string }[];
  who: string;
  narrow?: boolean;
  children: ReactNode;
};

/** The shell for a viewer's role, for pages every role reaches (the account pages). */
export function shellFor(viewer: Pick<Viewer, 'role' | 'name'>): Omit<ShellProps, 'children'> {
  if (viewer.role === 'patient') {
    return {
      home: '/today',
      links: [
        { href: '/today', label: 'Today' },
        { href: '/read', label: 'Reading' },
        { href: '/progress', label: 'Progress' },
      ],
      who: viewer.name,
    };
  }
  return {
    home: '/caseload',
    links: [
      { href: '/caseload', label: 'Caseload' },
      { href: '/library', label: 'Library' },
      { href: '/templates', label: 'Templates' },
      { href: '/outbox', label: 'Outbox' },
      ...(viewer.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
    ],
    who: `${viewer.name} · ${viewer.role === 'admin' ? 'Clinic admin' : 'Therapist'}`,
  };
}

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
          <Link className="button button-quiet" href="/account/password">
            Account
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className={narrow ? 'main main-narrow' : 'main'}>
        {children}
      </main>
      <IdleWarning />
    </>
  );
}
