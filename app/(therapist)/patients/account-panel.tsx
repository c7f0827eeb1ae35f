import Link from 'next/link';
import type { Viewer } from '@/lib/auth/types';
import { getAccountSummary } from '@/lib/dal/invitations';
import { AccountStatusBadge, describeRelative } from '@/lib/ui/account-status';
import { InvitationControls } from '../invitation-controls';

const JUST_INVITED = {
  outbox: 'Invitation created. There is no mail server here, so the email waits in the Outbox: copy the link from there.',
  sent: 'Invitation sent by email.',
  failed: 'Invitation created, but the email could not be sent. Copy the link from the Outbox, or resend it.',
} as const;

/** A patient's account: nothing once they have set a password, else the invitation's state with Resend/Revoke. */
export async function PatientAccountPanel({ viewer, patientId, invited }: { viewer: Viewer; patientId: string; invited?: string }) {
  const summary = await getAccountSummary(viewer, patientId);
  if (!summary || summary.status === 'active') return null;
  const justInvited = invited === 'outbox' || invited === 'sent' || invited === 'failed' ? JUST_INVITED[invited] : null;
  return (
    <section className="card" aria-labelledby="account-heading" data-testid="account-panel">
      {justInvited ? (
        <p className="form-success" role="status" style={{ marginBottom: '0.75rem' }}>
          {justInvited} {invited !== 'sent' ? <Link href="/outbox">Open the Outbox</Link> : null}
        </p>
      ) : null}
      <div className="page-header" style={{ marginBottom: '0.5rem' }}>
        <h2 id="account-heading" style={{ margin: 0 }}>
          Account
        </h2>
        <AccountStatusBadge status={summary.status} disabled={summary.disabled} />
      </div>
      <p className="muted small">
        {summary.status === 'pending' && summary.expiresAt ? `The patient has not set a password yet. Their link expires ${describeRelative(summary.expiresAt)}.` : null}
        {summary.status === 'expired' ? 'The link expired before the patient used it. Resend to give them a new one.' : null}
        {summary.status === 'revoked' ? 'The link was revoked. Resend to give them a new one.' : null}
        {summary.status === 'none' ? 'This patient has no password and no invitation yet.' : null}
      </p>
      <InvitationControls userId={summary.userId} canRevoke={summary.status === 'pending'} />
    </section>
  );
}
