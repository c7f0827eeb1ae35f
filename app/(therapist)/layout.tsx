import type { ReactNode } from 'react';
import { requireViewer } from '@/lib/auth/viewer';
import { AppShell, shellFor } from '@/lib/ui/app-shell';

export default async function TherapistLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  return <AppShell {...shellFor(viewer)}>{children}</AppShell>;
}
