import type { Metadata } from 'next';
import Link from 'next/link';
import { findOpenInvitation } from '@/lib/dal/invitations';
import { AcceptInviteForm } from './accept-invite-form';
import { AuthCard } from '@/lib/ui/auth-card';

// The token is in the URL: never send it on as a Referer, never index the page.
export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer', robots: { index: false, follow: false } };

const CLOSED_MESSAGE = 'This invitation link has expired or was already used. Ask your clinic for a new one.';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  return (
    <AuthCard>
        {invitation ? (
          <>
            <h1>Welcome, {invitation.name.split(/\s+/)[0]}</h1>
            <p className="muted">
              {invitation.clinicName} invited you to Limber. Choose a password to finish setting up your account.
            </p>
            <div style={{ marginTop: '1rem' }}>
              <AcceptInviteForm token={token} email={invitation.email} closedMessage={CLOSED_MESSAGE} />
            </div>
          </>
        ) : (
          <div data-testid="invitation-closed">
            <h1>Link no longer valid</h1>
            <p>{CLOSED_MESSAGE}</p>
            <p className="muted small">
              Already set your password? <Link href="/login">Sign in</Link>.
            </p>
          </div>
        )}
    </AuthCard>
  );
}
