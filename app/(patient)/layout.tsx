import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { AppShell } from '@/lib/ui/app-shell';

export default async function PatientLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ roles: ['patient'] });
  return (
    <AppShell home="/today" links={[
        { href: '/today', label: 'Today' },
        { href: '/read', label: 'Reading' },
        { href: '/progress', label: 'Progress' },
      ]} who={viewer.name} narrow>
      {children}
    </AppShell>
  );
}
