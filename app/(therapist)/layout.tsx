import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { AppShell } from '@/lib/ui/app-shell';

export default async function TherapistLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  return (
    <AppShell home="/caseload" links={[
        { href: '/caseload', label: 'Caseload' },
        { href: '/library', label: 'Library' },
        { href: '/templates', label: 'Templates' },
        { href: '/outbox', label: 'Outbox' },
        ...(viewer.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
      ]} who={`${viewer.name} · ${viewer.role === 'admin' ? 'Clinic admin' : 'Therapist'}`}>
      {children}
    </AppShell>
  );
}
