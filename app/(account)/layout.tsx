import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { AppShell, shellFor } from '@/lib/ui/app-shell';

/** The viewer's own account: every role, inside that role's usual shell. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ roles: ['patient', 'therapist', 'admin'] });
  return (
    <AppShell {...shellFor(viewer)} narrow>
      {children}
    </AppShell>
  );
}
