import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth/viewer';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage() {
  const viewer = await requireViewer({ roles: ['patient', 'therapist', 'admin'] });
  return (
    <>
      <div className="page-header">
        <h1>Change password</h1>
      </div>
      <div className="card">
        <p className="muted">You stay signed in here. Anywhere else you are signed in (another phone or computer) is signed out.</p>
        <ChangePasswordForm email={viewer.email} />
      </div>
    </>
  );
}
