import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getViewer, homePathFor } from '@/lib/auth/viewer';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (viewer) redirect(homePathFor(viewer.role));
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '/';
  const signedOut = params['signed-out'] === '1';
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <p className="brand" aria-hidden="true">
          Limber
        </p>
        <h1>Sign in</h1>
        <p className="muted">Your stretch plan, reading and progress, shared with your therapist.</p>
        {signedOut ? (
          <p className="form-success" role="status">
            You are signed out.
          </p>
        ) : null}
        <div style={{ marginTop: '1rem' }}>
          <LoginForm next={next} />
        </div>
      </div>
    </main>
  );
}
