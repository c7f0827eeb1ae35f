import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { NavLink } from '@/lib/ui/nav-link';

/** Clinic admin area. Each page and action checks the admin role again (layouts do not guard actions). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireViewer({ roles: ['admin'] });
  return (
    <div>
      <nav className="tabs" aria-label="Clinic admin">
        <NavLink href="/admin/therapists">Therapists</NavLink>
        <NavLink href="/admin/patients">Patients</NavLink>
        <NavLink href="/admin/audit">Audit log</NavLink>
      </nav>
      {children}
    </div>
  );
}
