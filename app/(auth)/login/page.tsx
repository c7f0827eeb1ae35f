import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getViewer, homePathFor } from '@/lib/auth/viewer';
import { LoginForm } from './login-form';
import { AuthCard } from '@/lib/ui/auth-card';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (viewer) redirect(homePathFor(viewer.role));
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '/';
  const signedOut = params['signed-out'] === '1';
  // Set by the idle warning (lib/ui/idle-warning.tsx) when it signs out.
  const expired = params.expired === '1' ? 'You were signed out after 30 minutes without activity.' : params.expired === 'limit' ? 'You were signed out because a session lasts at most 12 hours.' : null;
  return (
    <AuthCard>
        <h1>Sign in</h1>
        <p className="muted">Your stretch plan, reading and progress, shared with your therapist.</p>
        {signedOut ? (
          <p className="form-success" role="status">
            You are signed out.
          </p>
        ) : null}
        {expired ? (
          <p className="notice" role="status">
            {expired}
          </p>
        ) : null}
        <div style={{ marginTop: '1rem' }}>
          <LoginForm next={next} />
        </div>
    </AuthCard>
  );
}
