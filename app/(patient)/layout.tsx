import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { AppShell, shellFor } from '@/lib/ui/app-shell';

export default async function PatientLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ roles: ['patient'] });
  return (
    <AppShell {...shellFor(viewer)} narrow>
      {children}
    </AppShell>
  );
}
